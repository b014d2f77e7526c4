import { BUILDING_USES } from '../../core/model/types';
import type { Rgb } from '../../layers/buildingColorModes';
import { findIndicator, gaugeChart } from '../charts';
import { defineScenario } from '../defineScenario';
import { facilitiesOf } from '../measure';
import { customColoring } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { greenPerCapita, lowCarbonKpis, pvPotentialByBuilding, topPvBuildings } from './kpis';

/** Yearly PV yield per building, MWh: classes with upper bounds exclusive (YlOrRd-like ramp). */
const PV_CLASSES: { upTo: number; color: Rgb; label: { zh: string; en: string } }[] = [
  { upTo: 5, color: [255, 255, 178], label: { zh: '< 5 MWh/年', en: '< 5 MWh/yr' } },
  { upTo: 10, color: [254, 204, 92], label: { zh: '5–10 MWh/年', en: '5–10 MWh/yr' } },
  { upTo: 20, color: [253, 141, 60], label: { zh: '10–20 MWh/年', en: '10–20 MWh/yr' } },
  { upTo: 50, color: [240, 59, 32], label: { zh: '20–50 MWh/年', en: '20–50 MWh/yr' } },
  { upTo: Infinity, color: [189, 0, 38], label: { zh: '≥ 50 MWh/年', en: '≥ 50 MWh/yr' } },
];

function scene(ctx: ScenarioContext): ScenarioScene {
  const pv = pvPotentialByBuilding(ctx);
  const coloring = customColoring(
    ctx.community.buildings,
    { zh: '屋顶光伏年发电潜力', en: 'Rooftop PV yield potential' },
    PV_CLASSES.map((c) => ({ label: c.label, color: c.color })),
    (b) => PV_CLASSES.findIndex((c) => pv.get(b.id)!.mwhPerYear < c.upTo),
  );
  const waste = facilitiesOf(ctx.community, 'waste-sorting');
  return {
    layers: { base: true, facilities: true, serviceReach: true, network: false },
    coloring,
    serviceCategory: 'waste-sorting',
    highlightedCategories: ['waste-sorting'],
    highlightedBuildingIds: topPvBuildings(ctx, 10),
    highlightedFacilityIds: waste.map((f) => f.id),
  };
}

const USE_LABELS = {
  residential: { zh: '住宅', en: 'Residential' },
  mixed: { zh: '商住混合', en: 'Mixed' },
  commercial: { zh: '商业', en: 'Commercial' },
  education: { zh: '教育', en: 'Education' },
  'public-service': { zh: '公共服务', en: 'Public service' },
  office: { zh: '办公', en: 'Office' },
  industrial: { zh: '工业', en: 'Industrial' },
  other: { zh: '其他', en: 'Other' },
};

function charts(ctx: ScenarioContext): ChartSpec[] {
  const pv = pvPotentialByBuilding(ctx);
  const byUse = BUILDING_USES.map((use) =>
    ctx.community.buildings.filter((b) => b.use === use).reduce((s, b) => s + pv.get(b.id)!.mwhPerYear, 0),
  );
  const green = greenPerCapita(ctx);
  return [
    {
      id: 'pv-by-use',
      kind: 'bar',
      title: { zh: '各类建筑屋顶光伏年发电潜力', en: 'Rooftop PV yield potential by building use' },
      unit: 'mwh-per-year',
      categories: BUILDING_USES.map((u) => USE_LABELS[u]),
      series: [{ name: { zh: '年发电潜力', en: 'Yield potential' }, values: byUse.map((x) => Math.round(x * 10) / 10) }],
    },
    gaugeChart({
      id: 'green-per-capita',
      title: green.label,
      unit: 'm2-per-person',
      value: green.value,
      indicator: findIndicator(lowCarbon.indicators, 'low-carbon.green'),
      pending: false,
    }),
  ];
}

export const lowCarbon = defineScenario({
  id: 'low-carbon',
  name: { zh: '未来低碳场景', en: 'Low carbon' },
  shortName: { zh: '低碳', en: 'Low carbon' },
  narrative: {
    zh: '屋顶光伏能装多少、发多少电，人均公共绿地是否达标，垃圾分类投放点是否就近。',
    en: 'How much solar the roofs could carry and yield, whether public green per resident meets the standard, and whether sorted-waste points are close to every home.',
  },
  accent: [39, 174, 96],
  indicatorsJson,
  kpis: lowCarbonKpis,
  scene,
  charts,
});
