import { findIndicator, gaugeChart } from '../charts';
import { defineScenario } from '../defineScenario';
import { modeColoring } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { activitySpacePerCapita, neighbourhoodKpis, sharedSpaces } from './kpis';

/** 邻里场景: shared spaces (plazas, culture stations, fitness sites) and how far residents walk to them. */
function scene(ctx: ScenarioContext): ScenarioScene {
  const s = sharedSpaces(ctx.community);
  const facilities = [...s.culture, ...s.fitness];
  return {
    layers: { base: true, facilities: true, serviceReach: true },
    // Walk time to the nearest fitness site (室外综合健身场地, 5-minute level).
    coloring: modeColoring('walkTime'),
    serviceCategory: 'fitness',
    highlightedCategories: ['culture-station', 'fitness'],
    highlightedBuildingIds: [...new Set(facilities.map((f) => f.buildingId).filter((id): id is string => id !== undefined))],
    highlightedFacilityIds: facilities.map((f) => f.id),
  };
}

function charts(ctx: ScenarioContext): ChartSpec[] {
  const s = sharedSpaces(ctx.community);
  const perCapita = activitySpacePerCapita(ctx);
  return [
    {
      id: 'shared-space-area',
      kind: 'bar',
      title: { zh: '共享空间面积', en: 'Shared space by kind' },
      unit: 'm2',
      categories: [
        { zh: '广场', en: 'Plazas' },
        { zh: '文化活动站', en: 'Culture stations' },
        { zh: '健身场地（广场外）', en: 'Fitness sites (off plazas)' },
      ],
      series: [{ name: { zh: '面积', en: 'Area' }, values: [s.plazaAreaM2, s.cultureAreaM2, s.fitnessAreaM2].map(Math.round) }],
    },
    gaugeChart({
      id: 'activity-space-per-capita',
      title: perCapita.label,
      unit: 'm2-per-person',
      value: perCapita.value,
      indicator: findIndicator(neighbourhood.indicators, 'neighbourhood.activity-space'),
      pending: false,
    }),
  ];
}

export const neighbourhood = defineScenario({
  id: 'neighbourhood',
  name: { zh: '未来邻里场景', en: 'Neighbourhood' },
  shortName: { zh: '邻里', en: 'Neighbours' },
  narrative: {
    zh: '邻里开放共享：广场、文化家园和健身场地有多少、离家多远，人均公共活动空间是否达标。',
    en: 'Open, shared neighbourhood: how much plaza, culture and fitness space there is, how far homes are from it, and whether the space per resident meets the standard.',
  },
  accent: [255, 159, 67],
  indicatorsJson,
  kpis: neighbourhoodKpis,
  scene,
  charts,
  cameraPoints: (ctx) => sharedSpaces(ctx.community).plazas.map((p) => p.centroid),
});
