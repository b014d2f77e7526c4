import { suppressTable } from '../../data/privacy/aggregate';
import type { Rgb } from '../../layers/buildingColorModes';
import { suppressedSeries } from '../charts';
import { coverageBuildingIds, populationReach } from '../coverageKpis';
import { defineScenario } from '../defineScenario';
import { buildingLabel, facilitiesOf, isHome } from '../measure';
import { customColoring, modeColoring, NEUTRAL } from '../scene';
import type { BuildingColoring, ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { ELDERLY_SERVICES, elderlyServicesReached, healthKpis } from './kpis';

/** 0–3 services reached: red → green (same ramp as the walk-time bands). */
const REACHED_COLORS: readonly Rgb[] = [
  [215, 48, 39],
  [253, 174, 97],
  [166, 217, 106],
  [26, 152, 80],
];
const NO_ELDERLY: Rgb = [200, 200, 200];

/** Homes of elderly residents by how many of day care, canteen and health station are within 5 minutes. */
function servicesColoring(ctx: ScenarioContext): BuildingColoring {
  const reached = elderlyServicesReached(ctx);
  if (!reached || !ctx.coverage) return modeColoring('elderlyShare');
  const index = new Map(coverageBuildingIds(ctx, ctx.coverage).map((id, i) => [id, i]));
  const legend = [
    ...REACHED_COLORS.map((color, n) => ({ label: { zh: `5分钟内 ${n} 项服务`, en: `${n} of 3 services within 5 min` }, color })),
    { label: { zh: '无60岁以上居民', en: 'No resident aged 60+' }, color: NO_ELDERLY },
    { label: { zh: '非住宅', en: 'Not a home' }, color: NEUTRAL },
  ];
  return customColoring(
    ctx.community.buildings,
    { zh: '老人5分钟照料·助餐·卫生服务', en: 'Elderly: day care, canteen, health station within 5 min' },
    legend,
    (b) => {
      const elderly = ctx.summaries.get(b.id)?.elderly ?? 0;
      if (elderly === 0) return isHome(b) ? 4 : 5;
      const i = index.get(b.id);
      return i === undefined ? 0 : reached[i];
    },
  );
}

function scene(ctx: ScenarioContext): ScenarioScene {
  const facilities = facilitiesOf(ctx.community, ...ELDERLY_SERVICES, 'disability-aid');
  return {
    layers: { facilities: true, serviceReach: true, route: true },
    coloring: servicesColoring(ctx),
    serviceCategory: 'elderly-care',
    highlightedCategories: [...ELDERLY_SERVICES, 'disability-aid'],
    highlightedBuildingIds: [...new Set(facilities.map((f) => f.buildingId).filter((id): id is string => id !== undefined))],
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
}

/** Elderly within / beyond the walk of each service (one table of people counts, n < 5 hidden). */
function elderlyReachChart(ctx: ScenarioContext): ChartSpec {
  const reaches = ctx.coverage ? ELDERLY_SERVICES.map((c) => populationReach(ctx.coverage!, c, '60+')) : null;
  const within = ELDERLY_SERVICES.map((_, i) => reaches?.[i]?.within ?? 0);
  const beyond = ELDERLY_SERVICES.map((_, i) => (reaches?.[i] ? reaches[i]!.total - reaches[i]!.within : 0));
  const all = suppressedSeries({ zh: '', en: '' }, [...within, ...beyond]);
  const n = ELDERLY_SERVICES.length;
  return {
    id: 'elderly-reach-by-service',
    kind: 'stacked-bar',
    title: { zh: '60岁以上老人5分钟可达情况', en: 'Residents aged 60+ within 5 minutes, by service' },
    unit: 'persons',
    categories: [
      { zh: '日间照料', en: 'Day care' },
      { zh: '老年食堂', en: 'Canteen' },
      { zh: '卫生服务站', en: 'Health station' },
    ],
    series: [
      { name: { zh: '可达', en: 'Within' }, values: all.values.slice(0, n), suppressed: all.suppressed!.slice(0, n), color: [26, 152, 80] },
      { name: { zh: '超出', en: 'Beyond' }, values: all.values.slice(n), suppressed: all.suppressed!.slice(n), color: [215, 48, 39] },
    ],
    ...(reaches && reaches.every((r) => r) ? {} : { pending: true }),
  };
}

/**
 * 独居老人 by building, at most `limit` bars: counts of 1–4 hidden, with complementary suppression
 * across all buildings (the total is the KPI). Hidden cells come last, by building id, so the order
 * reveals nothing about them.
 */
function livingAloneChart(ctx: ScenarioContext, limit = 12): ChartSpec {
  const buildings = ctx.community.buildings.filter((b) => (ctx.summaries.get(b.id)?.livingAloneElderly ?? 0) > 0);
  const cells = suppressTable(buildings.map((b) => ctx.summaries.get(b.id)!.livingAloneElderly));
  const rows = buildings
    .map((b, i) => ({ b, cell: cells[i] }))
    .sort(
      (p, q) =>
        (p.cell.suppressed ? 1 : 0) - (q.cell.suppressed ? 1 : 0) ||
        (!p.cell.suppressed && !q.cell.suppressed ? q.cell.value - p.cell.value : 0) ||
        p.b.id.localeCompare(q.b.id),
    )
    .slice(0, limit);
  return {
    id: 'living-alone-by-building',
    kind: 'horizontal-bar',
    title: { zh: '独居老人较多的建筑', en: 'Buildings with most elderly living alone' },
    unit: 'persons',
    categories: rows.map((r) => buildingLabel(r.b)),
    series: [
      {
        name: { zh: '独居老人', en: 'Living alone' },
        values: rows.map((r) => (r.cell.suppressed ? null : r.cell.value)),
        suppressed: rows.map((r) => r.cell.suppressed),
      },
    ],
    note: { zh: '少于5人的建筑显示为“<5”', en: 'Buildings with fewer than 5 show "<5"' },
  };
}

export const health = defineScenario({
  id: 'health',
  name: { zh: '未来健康场景', en: 'Health' },
  shortName: { zh: '健康', en: 'Health' },
  narrative: {
    zh: '一老：日间照料、老年食堂、卫生服务站是否在老人5分钟步行范围内，独居老人分布（按建筑汇总）。',
    en: 'The old: whether day care, an elderly canteen and the health station are within 5 minutes of older residents, and where elderly people live alone (per building).',
  },
  accent: [238, 82, 83],
  indicatorsJson,
  kpis: healthKpis,
  scene,
  charts: (ctx) => [elderlyReachChart(ctx), livingAloneChart(ctx)],
});
