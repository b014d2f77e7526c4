import { STRUCTURES } from '../../core/model/types';
import type { Rgb } from '../../layers/buildingColorModes';
import { suppressedSeries } from '../charts';
import { defineScenario } from '../defineScenario';
import { buildingLabel, isHome } from '../measure';
import { customColoring, NEUTRAL } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { DEFAULT_ELEVATOR_RULES } from '../../analysis/reuse/elevatorRules';
import { architectureKpis, elevatorCandidates, homes } from './kpis';

const HAS_ELEVATOR: Rgb = [46, 204, 113];
/** Candidates by residents 60+ above the 3rd floor: ≥ 10, 5–9, < 5 (0 and 1–4 merged, so no small count shows). */
const NEED_COLORS: readonly Rgb[] = [
  [165, 0, 38],
  [231, 76, 60],
  [240, 150, 70],
];
const NEWER_WALKUP: Rgb = [254, 224, 139];
const LOW_RISE: Rgb = [200, 190, 170];

function scene(ctx: ScenarioContext): ScenarioScene {
  const candidates = elevatorCandidates(ctx);
  const need = new Map(candidates.map((c) => [c.buildingId, c.elderlyAboveFloor]));
  const legend = [
    { label: { zh: '已有电梯', en: 'Has an elevator' }, color: HAS_ELEVATOR },
    { label: { zh: '候选：3层以上老人≥10人', en: 'Candidate: 10+ aged 60+ above 3F' }, color: NEED_COLORS[0] },
    { label: { zh: '候选：3层以上老人5–9人', en: 'Candidate: 5–9 aged 60+ above 3F' }, color: NEED_COLORS[1] },
    { label: { zh: '候选：3层以上老人少于5人', en: 'Candidate: fewer than 5 aged 60+ above 3F' }, color: NEED_COLORS[2] },
    { label: { zh: '4层以上无电梯（不在筛选范围）', en: '4+ floors, no elevator, outside the screen' }, color: NEWER_WALKUP },
    { label: { zh: '低层住宅', en: 'Low-rise home' }, color: LOW_RISE },
    { label: { zh: '非住宅', en: 'Not a home' }, color: NEUTRAL },
  ];
  const coloring = customColoring(ctx.community.buildings, { zh: '加装电梯需求', en: 'Elevator need' }, legend, (b) => {
    if (!isHome(b)) return 6;
    if (b.hasElevator) return 0;
    const n = need.get(b.id);
    if (n !== undefined) return n >= 10 ? 1 : n >= 5 ? 2 : 3;
    return b.floors >= DEFAULT_ELEVATOR_RULES.minFloors ? 4 : 5;
  });
  return {
    layers: { facilities: false, serviceReach: false, route: false, context: true },
    coloring,
    serviceCategory: null,
    highlightedCategories: [],
    highlightedBuildingIds: candidates.slice(0, 10).map((c) => c.buildingId),
    highlightedFacilityIds: [],
  };
}

const DECADES = [
  { upTo: 1980, label: { zh: '1980年前', en: 'Before 1980' } },
  { upTo: 1990, label: { zh: '1980年代', en: '1980s' } },
  { upTo: 2000, label: { zh: '1990年代', en: '1990s' } },
  { upTo: 2010, label: { zh: '2000年代', en: '2000s' } },
  { upTo: Infinity, label: { zh: '2010年及以后', en: '2010 and later' } },
];
const STRUCTURE_LABELS = {
  'brick-concrete': { zh: '砖混', en: 'Brick-concrete' },
  'reinforced-concrete': { zh: '钢筋混凝土', en: 'Reinforced concrete' },
  steel: { zh: '钢结构', en: 'Steel' },
  'brick-timber': { zh: '砖木', en: 'Brick-timber' },
  other: { zh: '其他', en: 'Other' },
};

function charts(ctx: ScenarioContext): ChartSpec[] {
  const homeList = homes(ctx);
  const byDecade = DECADES.map(() => 0);
  for (const b of homeList) byDecade[DECADES.findIndex((d) => b.yearBuilt < d.upTo)]++;
  const levels = [1, 2, 3, 4, 5, 6, 7];
  const candidates = elevatorCandidates(ctx);
  // Complementary suppression over all candidates (their total is a KPI); the top 10 are shown.
  const need = suppressedSeries(
    { zh: '3层以上60岁以上居民', en: 'Aged 60+ above 3F' },
    candidates.map((c) => c.elderlyAboveFloor),
  );
  const top = candidates.slice(0, 10);
  return [
    {
      id: 'homes-by-decade',
      kind: 'bar',
      title: { zh: '住宅建成年代', en: 'Homes by decade built' },
      unit: 'buildings',
      categories: DECADES.map((d) => d.label),
      series: [{ name: { zh: '住宅', en: 'Homes' }, values: byDecade }],
    },
    {
      id: 'structure-mix',
      kind: 'pie',
      title: { zh: '建筑结构', en: 'Structure' },
      unit: 'buildings',
      categories: STRUCTURES.map((s) => STRUCTURE_LABELS[s]),
      series: [
        {
          name: { zh: '建筑', en: 'Buildings' },
          values: STRUCTURES.map((s) => ctx.community.buildings.filter((b) => b.structure === s).length),
        },
      ],
    },
    {
      id: 'cim-levels',
      kind: 'bar',
      title: { zh: '建筑模型CIM等级', en: 'CIM level of the building models' },
      unit: 'buildings',
      categories: [...levels.map((l) => ({ zh: `CIM${l}`, en: `CIM${l}` })), { zh: '未标注', en: 'Not stated' }],
      series: [
        {
          name: { zh: '建筑', en: 'Buildings' },
          values: [
            ...levels.map((l) => ctx.community.buildings.filter((b) => b.cimLevel === l).length),
            ctx.community.buildings.filter((b) => b.cimLevel === undefined).length,
          ],
        },
      ],
    },
    {
      id: 'elevator-candidates',
      kind: 'horizontal-bar',
      title: { zh: '加装电梯优先楼栋（按3层以上老人数）', en: 'Elevator candidates by residents 60+ above the 3rd floor' },
      unit: 'persons',
      categories: top.map((c) => buildingLabel({ id: c.buildingId, ...(c.name !== undefined ? { name: c.name } : {}) })),
      series: [{ ...need, values: need.values.slice(0, top.length), suppressed: need.suppressed!.slice(0, top.length) }],
    },
  ];
}

export const architecture = defineScenario({
  id: 'architecture',
  name: { zh: '未来建筑场景', en: 'Architecture' },
  shortName: { zh: '建筑', en: 'Buildings' },
  narrative: {
    zh: '房屋底数：房龄、结构、CIM模型等级；无电梯的老旧多层住宅按3层以上老人数排出加装电梯优先次序。',
    en: 'The housing stock: age, structure and CIM level of every model; old walk-ups without an elevator ranked by how many older residents live above the 3rd floor.',
  },
  accent: [187, 143, 206],
  indicatorsJson,
  kpis: architectureKpis,
  scene,
  charts,
});
