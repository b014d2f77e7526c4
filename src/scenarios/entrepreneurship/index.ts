import type { Rgb } from '../../layers/buildingColorModes';
import { REUSE_COLORS } from '../../layers/layerCatalog';
import { defineScenario } from '../defineScenario';
import { customColoring, NEUTRAL } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { coworkingCandidates, entrepreneurshipKpis, vacantNonResidentialHouses } from './kpis';

const IDLE: Rgb = REUSE_COLORS['idle-property'];
const LOW_USE: Rgb = [253, 203, 110];
const VACANT_ROOMS: Rgb = [232, 67, 147];

/** Idle and under-used buildings, and buildings with vacant shops or service rooms. */
function scene(ctx: ScenarioContext): ScenarioScene {
  const withVacantRooms = new Set(vacantNonResidentialHouses(ctx).map((h) => h.buildingId));
  const idleProperty = new Set(ctx.community.reuse.filter((r) => r.kind === 'idle-property').map((r) => r.buildingId));
  const legend = [
    { label: { zh: '闲置房产（可改造）', en: 'Idle property (to reuse)' }, color: IDLE },
    { label: { zh: '低效利用', en: 'Under-used' }, color: LOW_USE },
    { label: { zh: '有空置商铺/用房', en: 'Has vacant shops or rooms' }, color: VACANT_ROOMS },
    { label: { zh: '其他', en: 'Other' }, color: NEUTRAL },
  ];
  const coloring = customColoring(ctx.community.buildings, { zh: '闲置空间', en: 'Idle space' }, legend, (b) =>
    b.idleStatus === 'idle' || idleProperty.has(b.id) ? 0 : b.idleStatus === 'low-use' ? 1 : withVacantRooms.has(b.id) ? 2 : 3,
  );
  const candidates = coworkingCandidates(ctx);
  return {
    layers: { reuse: true, facilities: false, serviceReach: false, route: false },
    coloring,
    serviceCategory: null,
    highlightedCategories: [],
    highlightedBuildingIds: [...new Set(candidates.map((c) => c.buildingId).filter((id): id is string => id !== undefined))],
    highlightedFacilityIds: [],
  };
}

function charts(ctx: ScenarioContext): ChartSpec[] {
  const candidates = coworkingCandidates(ctx).slice(0, 10);
  const kinds = ['idle-property', 'scattered-plot', 'corner-plot', 'inefficient-land'] as const;
  const kindLabels = {
    'idle-property': { zh: '闲置房产', en: 'Idle property' },
    'scattered-plot': { zh: '插花地', en: 'Scattered plots' },
    'corner-plot': { zh: '边角地', en: 'Corner plots' },
    'inefficient-land': { zh: '低效地', en: 'Inefficient land' },
  };
  return [
    {
      id: 'coworking-candidates',
      kind: 'horizontal-bar',
      title: { zh: '可用于双创的空间（面积最大的10处）', en: 'Space for co-working (largest 10)' },
      unit: 'm2',
      categories: candidates.map((c) => c.label),
      series: [{ name: { zh: '面积', en: 'Area' }, values: candidates.map((c) => Math.round(c.areaM2)) }],
    },
    {
      id: 'reuse-by-kind',
      kind: 'pie',
      title: { zh: '可盘活空间构成', en: 'Reusable space by kind' },
      unit: 'm2',
      categories: kinds.map((k) => kindLabels[k]),
      categoryColors: kinds.map((k) => REUSE_COLORS[k]),
      series: [
        {
          name: { zh: '面积', en: 'Area' },
          values: kinds.map((k) => Math.round(ctx.community.reuse.filter((r) => r.kind === k).reduce((s, r) => s + r.areaM2, 0))),
        },
      ],
    },
  ];
}

export const entrepreneurship = defineScenario({
  id: 'entrepreneurship',
  name: { zh: '未来创业场景', en: 'Entrepreneurship' },
  shortName: { zh: '创业', en: 'Enterprise' },
  narrative: {
    zh: '盘活存量：空置商铺、闲置房产和低效用房，哪些可以改作共享办公、创业孵化，面积多大。',
    en: 'Putting idle space to work: vacant shops, idle property and under-used buildings that could become co-working or incubator space, and how large they are.',
  },
  accent: [255, 140, 0],
  indicatorsJson,
  kpis: entrepreneurshipKpis,
  scene,
  charts,
  cameraPoints: (ctx) => ctx.community.reuse.flatMap((r) => r.footprint[0] ?? []),
});
