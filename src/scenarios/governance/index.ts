import { DEFAULT_ACCEPTANCE } from '../acceptance';
import { findIndicator, gaugeChart, indicatorThresholds } from '../charts';
import { defineScenario } from '../defineScenario';
import { facilitiesOf } from '../measure';
import { customColoring, modeColoring, NEUTRAL, QUALITATIVE } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { governanceKpis, gridLoads, satisfiedShare } from './kpis';

/** Buildings coloured by grid cell; the busiest cell's buildings highlighted. */
function scene(ctx: ScenarioContext): ScenarioScene {
  const loads = gridLoads(ctx);
  const facilities = facilitiesOf(ctx.community, 'community-service', 'party-service-centre');
  const base = {
    layers: { facilities: true, boundary: true, serviceReach: true },
    serviceCategory: 'community-service' as const,
    highlightedCategories: ['community-service' as const, 'party-service-centre' as const],
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
  // No grid layer (older packages): the default use colouring, the service station highlighted.
  if (loads.length === 0)
    return {
      ...base,
      coloring: modeColoring('use'),
      highlightedBuildingIds: facilities.map((f) => f.buildingId).filter((id): id is string => id !== undefined),
    };
  const cellOf = new Map(loads.flatMap((l, i) => l.buildingIds.map((id) => [id, i] as const)));
  const legend = [
    ...loads.map((l, i) => ({ label: { zh: l.grid.name, en: l.grid.id }, color: QUALITATIVE[i % QUALITATIVE.length] })),
    { label: { zh: '不在网格内', en: 'Outside every cell' }, color: NEUTRAL },
  ];
  const coloring = customColoring(
    ctx.community.buildings,
    { zh: '网格', en: 'Grid cells' },
    legend,
    (b) => cellOf.get(b.id) ?? loads.length,
  );
  const busiest = loads.filter((l) => l.householdsPerWorker !== null).sort((p, q) => q.householdsPerWorker! - p.householdsPerWorker!)[0];
  return { ...base, coloring, highlightedBuildingIds: busiest?.buildingIds ?? [] };
}

function charts(ctx: ScenarioContext): ChartSpec[] {
  const loads = gridLoads(ctx);
  const categories = loads.map((l) => ({ zh: l.grid.name, en: l.grid.id }));
  const satisfied = satisfiedShare(ctx);
  const satisfactionGauge = gaugeChart({
    id: 'satisfaction',
    title: satisfied.label,
    unit: 'share',
    value: satisfied.value,
    max: 1,
    pending: false,
    ...(satisfied.note ? { note: satisfied.note } : {}),
  });
  satisfactionGauge.thresholds = [
    { label: { zh: '验收前提', en: 'Acceptance gate' }, value: DEFAULT_ACCEPTANCE.satisfaction.minSatisfiedShare },
  ];
  return [
    {
      id: 'households-per-worker',
      kind: 'bar',
      title: { zh: '各网格网格员户均服务户数', en: 'Households per grid worker, by cell' },
      unit: 'households-per-worker',
      categories,
      series: [
        {
          name: { zh: '户/网格员', en: 'Households per worker' },
          values: loads.map((l) => (l.householdsPerWorker === null ? null : Math.round(l.householdsPerWorker))),
        },
      ],
      thresholds: indicatorThresholds(findIndicator(governance.indicators, 'governance.grid-load')),
      ...(loads.length ? {} : { note: { zh: '数据包没有网格图层', en: 'The package has no grid cells' } }),
    },
    {
      id: 'grid-staff',
      kind: 'stacked-bar',
      title: { zh: '各网格力量', en: 'People per grid cell' },
      unit: 'persons',
      categories,
      series: [
        { name: { zh: '专职网格员', en: 'Grid workers' }, values: loads.map((l) => l.grid.staffCount) },
        { name: { zh: '党员/志愿者', en: 'Party members and volunteers' }, values: loads.map((l) => l.grid.volunteerCount ?? null) },
      ],
    },
    satisfactionGauge,
  ];
}

export const governance = defineScenario({
  id: 'governance',
  name: { zh: '未来治理场景', en: 'Governance' },
  shortName: { zh: '治理', en: 'Governance' },
  narrative: {
    zh: '网格化治理：每个网格管多少户、配几名网格员，社区服务站是否就近，居民满意度如何。',
    en: 'Grid governance: how many households each grid cell holds and how many grid workers serve them, whether the service station is near, and how satisfied residents are.',
  },
  accent: [222, 60, 60],
  indicatorsJson,
  kpis: governanceKpis,
  scene,
  charts,
  cameraPoints: (ctx) => ctx.community.grids.flatMap((g) => g.polygon[0] ?? []),
});
