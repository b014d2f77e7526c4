import type { LocalizedText } from '../../core/model/types';
import { suppressCount } from '../../data/privacy/aggregate';
import type { Rgb } from '../../layers/buildingColorModes';
import { suppressedSeries } from '../charts';
import { defineScenario } from '../defineScenario';
import { facilitiesOf, facilityLabel, isHome, totalCapacity } from '../measure';
import { customColoring, modeColoring, NEUTRAL, QUALITATIVE } from '../scene';
import type { BuildingColoring, ChartSeries, ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { childrenAged, educationKpis, schoolCatchments } from './kpis';

const BEYOND: Rgb = [215, 48, 39];
const UNREACHABLE: Rgb = [90, 40, 120];
const EDUCATION_CATEGORIES = ['nursery', 'kindergarten', 'primary-school', 'middle-school'] as const;

/**
 * Homes coloured by their nearest primary school on foot, red beyond the 500 m rule. Not 学区: in
 * Hangzhou a 学区 is a catchment the education bureau assigns, which the walk does not tell.
 */
function catchmentColoring(ctx: ScenarioContext): BuildingColoring {
  const catchments = schoolCatchments(ctx);
  if (!catchments) return modeColoring('walkTime');
  const schools = facilitiesOf(ctx.community, 'primary-school');
  const legend = [
    ...schools.map((s, i) => ({
      label: { zh: `最近小学：${s.name}`, en: `Nearest school: ${s.id}` },
      color: QUALITATIVE[i % QUALITATIVE.length],
    })),
    { label: { zh: '距小学超过步行标准', en: 'Beyond the walk to school' }, color: BEYOND },
    { label: { zh: '无可达小学', en: 'No school reachable' }, color: UNREACHABLE },
    { label: { zh: '非住宅', en: 'Not a home' }, color: NEUTRAL },
  ];
  const n = schools.length;
  return customColoring(ctx.community.buildings, { zh: '最近小学（步行）', en: 'Nearest primary school (on foot)' }, legend, (b) => {
    if (!isHome(b)) return n + 2;
    const entry = catchments.get(b.id);
    if (!entry || entry.facilityId === null) return n + 1;
    if (!entry.withinRule) return n;
    return schools.findIndex((s) => s.id === entry.facilityId);
  });
}

function scene(ctx: ScenarioContext): ScenarioScene {
  const facilities = facilitiesOf(ctx.community, ...EDUCATION_CATEGORIES);
  return {
    layers: { facilities: true, serviceReach: true, route: true },
    coloring: catchmentColoring(ctx),
    serviceCategory: 'primary-school',
    highlightedCategories: [...EDUCATION_CATEGORIES],
    highlightedBuildingIds: [...new Set(facilities.map((f) => f.buildingId).filter((id): id is string => id !== undefined))],
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
}

function placesVsChildren(ctx: ScenarioContext): ChartSpec {
  const groups = [
    { category: 'nursery' as const, band: '0-2' as const, label: { zh: '托育（0–2岁）', en: 'Nursery (0–2)' } },
    { category: 'kindergarten' as const, band: '3-5' as const, label: { zh: '幼儿园（3–5岁）', en: 'Kindergarten (3–5)' } },
    { category: 'primary-school' as const, band: '6-11' as const, label: { zh: '小学（6–11岁）', en: 'Primary (6–11)' } },
  ];
  // Community totals, each shown alone: a count of 1–4 children is hidden (n < 5).
  const children = groups.map((g) => suppressCount(childrenAged(ctx, g.band)));
  return {
    id: 'places-vs-children',
    kind: 'bar',
    title: { zh: '学位/托位与儿童数', en: 'Places against children' },
    unit: 'persons',
    categories: groups.map((g) => g.label),
    series: [
      { name: { zh: '学位/托位', en: 'Places' }, values: groups.map((g) => totalCapacity(facilitiesOf(ctx.community, g.category))) },
      {
        name: { zh: '儿童', en: 'Children' },
        values: children.map((c) => (c.suppressed ? null : c.value)),
        suppressed: children.map((c) => c.suppressed),
      },
    ],
    note: { zh: '小学和中学也服务社区外的学生', en: 'Schools also serve pupils from outside the community' },
  };
}

/** Children 6–11 per catchment school, within and beyond the walk (counts of 1–4 hidden). */
function childrenByCatchment(ctx: ScenarioContext): ChartSpec {
  const schools = facilitiesOf(ctx.community, 'primary-school');
  const catchments = schoolCatchments(ctx);
  const categories: LocalizedText[] = schools.map(facilityLabel);
  const within = schools.map(() => 0);
  const beyond = schools.map(() => 0);
  if (catchments) {
    for (const [id, entry] of catchments) {
      const i = schools.findIndex((s) => s.id === entry.facilityId);
      const pupils = ctx.summaries.get(id)?.residentsByAgeBand['6-11'] ?? 0;
      if (i >= 0) (entry.withinRule ? within : beyond)[i] += pupils;
    }
  }
  // One table: the within and beyond cells of all schools together (its total is the 6–11 count).
  const all = suppressedSeries({ zh: '', en: '' }, [...within, ...beyond]);
  const split = (from: number, name: LocalizedText): ChartSeries => ({
    name,
    values: all.values.slice(from, from + schools.length),
    suppressed: all.suppressed!.slice(from, from + schools.length),
  });
  return {
    id: 'children-by-catchment',
    kind: 'stacked-bar',
    title: { zh: '按最近小学统计的6–11岁儿童', en: 'Children aged 6–11 by nearest primary school' },
    unit: 'persons',
    categories,
    series: [split(0, { zh: '步行标准内', en: 'Within the walk' }), split(schools.length, { zh: '超出步行标准', en: 'Beyond the walk' })],
    ...(catchments ? {} : { pending: true }),
  };
}

export const education = defineScenario({
  id: 'education',
  name: { zh: '未来教育场景', en: 'Education' },
  shortName: { zh: '教育', en: 'Education' },
  narrative: {
    zh: '一小：托育和幼儿园的托位、学位是否够用、是否在家门口，每幢住宅步行最近的小学（不是划定的学区）。',
    en: 'The young: whether nursery and kindergarten places match the children and sit near home, and which primary school each home walks to.',
  },
  accent: [84, 160, 255],
  indicatorsJson,
  kpis: educationKpis,
  scene,
  charts: (ctx) => [placesVsChildren(ctx), childrenByCatchment(ctx)],
});
