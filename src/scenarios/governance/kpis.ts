import type { GridCell } from '../../core/model/types';
import { coverageShareKpi } from '../coverageKpis';
import { evidence, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { buildingCentroid, isHome, polygonIndexContaining } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 治理场景 (党建统领 / 网格化 / 居民参与): grid cells (网格) with their households and grid workers,
 * the community service station within reach, and the residents' satisfaction survey.
 */

export const NO_GRIDS = { zh: '数据包没有网格图层', en: 'The package has no grid cells' };

export interface GridLoad {
  grid: GridCell;
  /** Buildings whose footprint centroid lies in the cell (first cell wins on shared edges). */
  buildingIds: string[];
  /** Dwellings (houses used as homes) of those buildings. */
  households: number;
  /** Households per full-time grid worker; null when the cell has no worker. */
  householdsPerWorker: number | null;
}

export function gridLoads(ctx: ScenarioContext): GridLoad[] {
  const grids = ctx.community.grids;
  const loads: GridLoad[] = grids.map((grid) => ({ grid, buildingIds: [], households: 0, householdsPerWorker: null }));
  for (const b of ctx.community.buildings) {
    const i = polygonIndexContaining(buildingCentroid(b), grids);
    if (i < 0) continue;
    loads[i].buildingIds.push(b.id);
    loads[i].households += ctx.summaries.get(b.id)?.households ?? 0;
  }
  for (const l of loads) l.householdsPerWorker = l.grid.staffCount > 0 ? l.households / l.grid.staffCount : null;
  return loads;
}

export function gridCount(ctx: ScenarioContext): KpiDraft {
  const head = { id: 'grid-count', label: { zh: '网格数', en: 'Grid cells' }, unit: 'count' as const, display: 'integer' as const };
  const n = ctx.community.grids.length;
  if (n === 0) return unavailableKpi(head, 'no-data', NO_GRIDS);
  const staff = ctx.community.grids.reduce((s, g) => s + g.staffCount, 0);
  return valueKpi(head, n, evidence({ zh: `专职网格员 ${staff} 人`, en: `${staff} full-time grid workers` }));
}

/** All households in grids over all grid workers. */
export function householdsPerGridWorker(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'households-per-grid-worker',
    label: { zh: '网格员户均服务户数', en: 'Households per grid worker' },
    unit: 'households-per-worker' as const,
    display: 'integer' as const,
  };
  const loads = gridLoads(ctx);
  if (loads.length === 0) return unavailableKpi(head, 'no-data', NO_GRIDS);
  const households = loads.reduce((s, l) => s + l.households, 0);
  const staff = loads.reduce((s, l) => s + l.grid.staffCount, 0);
  if (staff === 0) return unavailableKpi(head, 'no-data', { zh: '网格未配专职网格员', en: 'No grid worker is recorded' });
  return valueKpi(
    head,
    households / staff,
    evidence({ zh: `${households} 户，网格员 ${staff} 人`, en: `${households} households, ${staff} grid workers` }),
    { zh: '全社区平均；按负荷最重的网格评价', en: 'Community average; the busiest cell is what the indicator judges' },
  );
}

/** The busiest staffed cell: households per worker there; evidence = its buildings. */
export function maxHouseholdsPerGridWorker(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'max-households-per-grid-worker',
    label: { zh: '负荷最重网格的户均服务户数', en: 'Households per worker in the busiest grid' },
    unit: 'households-per-worker' as const,
    display: 'integer' as const,
  };
  const staffed = gridLoads(ctx).filter((l) => l.householdsPerWorker !== null);
  if (ctx.community.grids.length === 0) return unavailableKpi(head, 'no-data', NO_GRIDS);
  if (staffed.length === 0) return unavailableKpi(head, 'no-data', { zh: '网格未配专职网格员', en: 'No grid worker is recorded' });
  const busiest = staffed.reduce((m, l) => (l.householdsPerWorker! > m.householdsPerWorker! ? l : m));
  return valueKpi(
    head,
    busiest.householdsPerWorker!,
    evidence(
      {
        zh: `${busiest.grid.name}：${busiest.households} 户，网格员 ${busiest.grid.staffCount} 人`,
        en: `${busiest.grid.id}: ${busiest.households} households, grid workers: ${busiest.grid.staffCount}`,
      },
      busiest.buildingIds,
    ),
  );
}

/** Cells with households but no full-time worker. */
export function unstaffedGridCount(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'unstaffed-grid-count',
    label: { zh: '无专职网格员的网格', en: 'Grid cells without a worker' },
    unit: 'count' as const,
    display: 'integer' as const,
  };
  if (ctx.community.grids.length === 0) return unavailableKpi(head, 'no-data', NO_GRIDS);
  const unstaffed = gridLoads(ctx).filter((l) => l.households > 0 && l.grid.staffCount === 0);
  return {
    ...valueKpi(
      head,
      unstaffed.length,
      evidence(
        { zh: unstaffed.map((l) => l.grid.name).join('、'), en: unstaffed.map((l) => l.grid.id).join(', ') },
        unstaffed.flatMap((l) => l.buildingIds),
      ),
    ),
    status: unstaffed.length > 0 ? 'bad' : 'good',
  };
}

/** Homes inside some grid cell (网格全覆盖). */
export function gridCoverageShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'grid-coverage-share',
    label: { zh: '住宅纳入网格的比例', en: 'Homes inside a grid cell' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  if (ctx.community.grids.length === 0) return unavailableKpi(head, 'no-data', NO_GRIDS);
  const homes = ctx.community.buildings.filter(isHome);
  const outside = homes.filter((b) => polygonIndexContaining(buildingCentroid(b), ctx.community.grids) < 0);
  return valueKpi(
    head,
    (homes.length - outside.length) / homes.length,
    evidence(
      { zh: `${outside.length} 幢住宅不在任何网格内`, en: `${outside.length} homes outside every cell` },
      outside.map((b) => b.id),
    ),
  );
}

/** Share satisfied or very satisfied in the residents' survey (manifest.survey). */
export function satisfiedShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'satisfied-share',
    label: { zh: '居民满意度', en: 'Residents satisfied' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  const survey = ctx.community.manifest.survey;
  if (!survey) return unavailableKpi(head, 'no-data', { zh: '数据包没有居民满意度调查', en: 'The package has no satisfaction survey' });
  return valueKpi(
    head,
    survey.satisfiedShare,
    evidence({
      zh: `${survey.date} 调查，${survey.respondents} 人作答`,
      en: `Survey of ${survey.date}, ${survey.respondents} respondents`,
    }),
  );
}

export function governanceKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    gridCount(ctx),
    householdsPerGridWorker(ctx),
    maxHouseholdsPerGridWorker(ctx),
    unstaffedGridCount(ctx),
    gridCoverageShare(ctx),
    coverageShareKpi(ctx, {
      id: 'community-service-reach-share',
      category: 'community-service',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '社区服务站', en: 'the community service station' },
    }),
    satisfiedShare(ctx),
  ];
}
