import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { DEFAULT_SERVICE_RULES } from '../../analysis/service-circles/rules';
import { NETWORK_KINDS } from '../../core/model/types';
import { NETWORK_COLORS } from '../../layers/layerCatalog';
import { defineScenario } from '../defineScenario';
import { facilitiesOf, totalCapacity, totalHouseholds } from '../measure';
import { modeColoring } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { networkLengthByKind, transportKpis } from './kpis';

function scene(ctx: ScenarioContext): ScenarioScene {
  const facilities = facilitiesOf(ctx.community, 'bus-stop', 'parking');
  return {
    layers: { network: true, facilities: true, serviceReach: true, route: true, base: false },
    // Walk time to the nearest bus stop (10-minute level, 500 m).
    coloring: modeColoring('walkTime'),
    serviceCategory: 'bus-stop',
    highlightedCategories: ['bus-stop', 'parking'],
    highlightedBuildingIds: [...new Set(facilities.map((f) => f.buildingId).filter((id): id is string => id !== undefined))],
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
}

const KIND_LABELS = {
  road: { zh: '车行道', en: 'Roads' },
  footway: { zh: '步道', en: 'Footways' },
  path: { zh: '小径', en: 'Paths' },
  steps: { zh: '台阶', en: 'Steps' },
  crossing: { zh: '过街', en: 'Crossings' },
};

function charts(ctx: ScenarioContext): ChartSpec[] {
  const parking = facilitiesOf(ctx.community, 'parking');
  const byKind = networkLengthByKind(ctx);
  const bus = ctx.coverage ? coverageOf(ctx.coverage, 'bus-stop') : undefined;
  const bands = bus?.summary.targetPopulationWithinBands ?? null;
  return [
    {
      id: 'parking-supply',
      kind: 'bar',
      title: { zh: '停车与充电供给', en: 'Parking and charging supply' },
      unit: 'count',
      categories: [
        { zh: '住宅户数', en: 'Households' },
        { zh: '停车位', en: 'Parking spaces' },
        { zh: '充电桩', en: 'EV chargers' },
      ],
      series: [
        {
          name: { zh: '数量', en: 'Count' },
          values: [totalHouseholds(ctx.summaries), totalCapacity(parking), parking.reduce((s, f) => s + (f.chargers ?? 0), 0)],
        },
      ],
    },
    {
      id: 'network-by-kind',
      kind: 'pie',
      title: { zh: '社区内路网构成', en: 'Network inside the community by kind' },
      unit: 'm',
      categories: NETWORK_KINDS.map((k) => KIND_LABELS[k]),
      categoryColors: NETWORK_KINDS.map((k) => NETWORK_COLORS[k]),
      series: [{ name: { zh: '长度', en: 'Length' }, values: NETWORK_KINDS.map((k) => Math.round(byKind[k])) }],
    },
    {
      id: 'bus-reach-bands',
      kind: 'bar',
      title: { zh: '公交站步行可达居民（按生活圈累计）', en: 'Residents within each living circle of a bus stop (cumulative)' },
      unit: 'persons',
      // The circles are walking distances (GB 50180-2018 Table 3.0.4), named by their minutes.
      categories: (ctx.coverage?.bands ?? DEFAULT_SERVICE_RULES.bands).map((b) => ({
        zh: `${b.minutes}分钟圈 ≤${b.maxDistanceMeters}米`,
        en: `${b.minutes}-min ≤ ${b.maxDistanceMeters} m`,
      })),
      series: [{ name: { zh: '居民', en: 'Residents' }, values: bands ? bands.slice() : [null, null, null] }],
      ...(bands ? {} : { pending: true }),
    },
  ];
}

export const transport = defineScenario({
  id: 'transport',
  name: { zh: '未来交通场景', en: 'Transport' },
  shortName: { zh: '交通', en: 'Transport' },
  narrative: {
    zh: '出行圈：公交站是否在10分钟步行内，停车位和充电桩够不够，慢行网络有多长。',
    en: 'Getting around: whether a bus stop is within a 10-minute walk, whether parking and charging match the households, and how long the walking network is.',
  },
  accent: [46, 134, 222],
  indicatorsJson,
  kpis: transportKpis,
  scene,
  charts,
});
