import { PROPERTY_MANAGEMENT } from '../../core/model/types';
import type { Rgb } from '../../layers/buildingColorModes';
import { defineScenario } from '../defineScenario';
import { facilitiesOf, facilityLabel, isHome } from '../measure';
import { customColoring, NEUTRAL } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { propertyServiceKpis } from './kpis';

const MANAGEMENT: Record<(typeof PROPERTY_MANAGEMENT)[number], { color: Rgb; label: { zh: string; en: string } }> = {
  professional: { color: [52, 152, 219], label: { zh: '专业物业', en: 'Professional' } },
  'self-managed': { color: [241, 196, 15], label: { zh: '自治管理', en: 'Self-managed' } },
  'government-backstop': { color: [155, 89, 182], label: { zh: '政府兜底（街道托管）', en: 'Government backstop' } },
  none: { color: [231, 76, 60], label: { zh: '无物业', en: 'None' } },
};
const SERVICE_CATEGORIES = ['property-service', 'parcel', 'grocery'] as const;

function scene(ctx: ScenarioContext): ScenarioScene {
  const legend = [...PROPERTY_MANAGEMENT.map((m) => MANAGEMENT[m]), { label: { zh: '非住宅', en: 'Not a home' }, color: NEUTRAL }];
  const coloring = customColoring(ctx.community.buildings, { zh: '物业管理方式', en: 'Property management' }, legend, (b) =>
    isHome(b) ? PROPERTY_MANAGEMENT.indexOf(b.propertyManagement) : PROPERTY_MANAGEMENT.length,
  );
  const facilities = facilitiesOf(ctx.community, ...SERVICE_CATEGORIES);
  return {
    layers: { facilities: true, serviceReach: true, route: true },
    coloring,
    serviceCategory: 'parcel',
    highlightedCategories: [...SERVICE_CATEGORIES],
    highlightedBuildingIds: ctx.community.buildings.filter((b) => isHome(b) && b.propertyManagement === 'none').map((b) => b.id),
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
}

function charts(ctx: ScenarioContext): ChartSpec[] {
  const homes = ctx.community.buildings.filter(isHome);
  const parcels = facilitiesOf(ctx.community, 'parcel');
  return [
    {
      id: 'management-mix',
      kind: 'pie',
      title: { zh: '住宅楼栋物业管理方式', en: 'Property management of homes' },
      unit: 'buildings',
      categories: PROPERTY_MANAGEMENT.map((m) => MANAGEMENT[m].label),
      categoryColors: PROPERTY_MANAGEMENT.map((m) => MANAGEMENT[m].color),
      series: [
        {
          name: { zh: '住宅', en: 'Homes' },
          values: PROPERTY_MANAGEMENT.map((m) => homes.filter((b) => b.propertyManagement === m).length),
        },
      ],
    },
    {
      id: 'parcel-lockers',
      kind: 'bar',
      title: { zh: '各快递点格口数', en: 'Lockers per parcel point' },
      unit: 'count',
      categories: parcels.map(facilityLabel),
      series: [{ name: { zh: '格口', en: 'Lockers' }, values: parcels.map((f) => f.capacity ?? null) }],
    },
  ];
}

export const propertyService = defineScenario({
  id: 'property-service',
  name: { zh: '未来服务场景', en: 'Property & services' },
  shortName: { zh: '服务', en: 'Services' },
  narrative: {
    zh: '物业管理全覆盖：哪些住宅还没有物业；快递柜和菜市场、超市是否就近。',
    en: 'Property management for every home: which homes still have none, and whether parcel lockers and a market or supermarket are close by.',
  },
  accent: [130, 140, 160],
  indicatorsJson,
  kpis: propertyServiceKpis,
  scene,
  charts,
});
