import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { findIndicator, gaugeChart } from '../charts';
import { defineScenario } from '../defineScenario';
import { totalHouseholds } from '../measure';
import { modeColoring } from '../scene';
import type { ChartSpec, ScenarioContext, ScenarioScene } from '../types';
import indicatorsJson from './indicators.json';
import { partyBuildingKpis, partyCentres } from './kpis';

/**
 * 一统 as an overlay: the 党群服务中心 and its reach. Alone it colours homes by the walk to the centre;
 * over another scenario (`overlayScene`) it only adds the centre, its reach and the boundary.
 */
function scene(ctx: ScenarioContext): ScenarioScene {
  const centres = partyCentres(ctx);
  return {
    layers: { facilities: true, serviceReach: true, boundary: true, route: false },
    coloring: modeColoring('walkTime'),
    serviceCategory: 'party-service-centre',
    highlightedCategories: ['party-service-centre'],
    highlightedBuildingIds: centres.map((f) => f.buildingId).filter((id): id is string => id !== undefined),
    highlightedFacilityIds: centres.map((f) => f.id),
  };
}

function charts(ctx: ScenarioContext): ChartSpec[] {
  const c = ctx.coverage ? coverageOf(ctx.coverage, 'party-service-centre') : undefined;
  const share = c?.summary.shareTargetPopulationWithinThreshold ?? null;
  const grids = ctx.community.grids;
  const households = totalHouseholds(ctx.summaries);
  return [
    gaugeChart({
      id: 'centre-reach',
      title: { zh: '党群服务中心步行可达居民比例', en: 'Residents within walking reach of the centre' },
      unit: 'share',
      value: share,
      max: 1,
      indicator: findIndicator(partyBuilding.indicators, 'party-building.centre-reach'),
      pending: ctx.coverage === null,
    }),
    {
      id: 'volunteers-by-grid',
      kind: 'bar',
      title: { zh: '各网格联户党员/志愿者', en: 'Party members and volunteers per grid cell' },
      unit: 'persons',
      categories: grids.map((g) => ({ zh: g.name, en: g.id })),
      series: [{ name: { zh: '党员/志愿者', en: 'Members and volunteers' }, values: grids.map((g) => g.volunteerCount ?? null) }],
      note: { zh: `全社区 ${households} 户`, en: `${households} households in the community` },
    },
  ];
}

export const partyBuilding = defineScenario({
  id: 'party-building',
  kind: 'overlay',
  name: { zh: '党建统领（一统）', en: 'Party leadership (一统)' },
  shortName: { zh: '一统', en: 'Party-led' },
  narrative: {
    zh: '一统三化九场景的“一统”：以党群服务中心为核心的服务矩阵，中心步行可达范围，网格联户的党员和志愿者。',
    en: 'The "一统" of 一统三化九场景: the service matrix around the party-and-public service centre, how far residents walk to it, and the party members and volunteers attached to each grid cell.',
  },
  accent: [200, 16, 46],
  indicatorsJson,
  kpis: partyBuildingKpis,
  scene,
  charts,
  // The centre's reach spans the community: frame the boundary too.
  cameraPoints: (ctx) => ctx.community.manifest.boundary[0] ?? [],
});
