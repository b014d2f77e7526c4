import { polygonAreaM2 } from '../../core/geo/localFrame';
import type { Building } from '../../core/model/types';
import { coverageShareKpi } from '../coverageKpis';
import { evidence, valueKpi, type KpiDraft } from '../kpi';
import { footprintAreaM2, totalResidents } from '../measure';
import type { ScenarioContext } from '../types';
import { PV_KWH_PER_KWP_YEAR, PV_KWP_PER_M2, PV_ROOF_SHARE_BY_USE } from './pvAssumptions';

/**
 * 低碳场景 (多能集成, 分类资源循环): rooftop PV potential, public green per resident, and sorted-waste
 * collection points within reach.
 */

export interface PvPotential {
  roofM2: number;
  installableM2: number;
  kwp: number;
  mwhPerYear: number;
}

/** roof = footprint; installable = roof × share by use; kWp = installable × 0.15; MWh/yr = kWp × 1,000 / 1,000. */
export function pvPotentialOf(building: Pick<Building, 'footprint' | 'use'>): PvPotential {
  const roofM2 = footprintAreaM2(building);
  const installableM2 = roofM2 * PV_ROOF_SHARE_BY_USE[building.use];
  const kwp = installableM2 * PV_KWP_PER_M2;
  return { roofM2, installableM2, kwp, mwhPerYear: (kwp * PV_KWH_PER_KWP_YEAR) / 1000 };
}

export function pvPotentialByBuilding(ctx: ScenarioContext): Map<string, PvPotential> {
  return new Map(ctx.community.buildings.map((b) => [b.id, pvPotentialOf(b)]));
}

function totals(ctx: ScenarioContext): PvPotential {
  const t = { roofM2: 0, installableM2: 0, kwp: 0, mwhPerYear: 0 };
  for (const p of pvPotentialByBuilding(ctx).values()) {
    t.roofM2 += p.roofM2;
    t.installableM2 += p.installableM2;
    t.kwp += p.kwp;
    t.mwhPerYear += p.mwhPerYear;
  }
  return t;
}

/** The buildings with the most PV potential first. */
export function topPvBuildings(ctx: ScenarioContext, limit: number): string[] {
  return [...pvPotentialByBuilding(ctx)]
    .sort((p, q) => q[1].mwhPerYear - p[1].mwhPerYear || p[0].localeCompare(q[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

const ASSUMPTIONS = {
  zh: `屋顶可装比例按用途20–50%，${PV_KWP_PER_M2} kWp/m²，年发电 ${PV_KWH_PER_KWP_YEAR} kWh/kWp（杭州）`,
  en: `Installable roof share 20–50 % by use, ${PV_KWP_PER_M2} kWp/m², ${PV_KWH_PER_KWP_YEAR} kWh/kWp a year (Hangzhou)`,
};

export function roofArea(ctx: ScenarioContext): KpiDraft {
  return valueKpi(
    { id: 'roof-area', label: { zh: '屋顶面积', en: 'Roof area' }, unit: 'm2', display: 'integer' },
    totals(ctx).roofM2,
    evidence({ zh: '以建筑基底面积计（平屋顶）', en: 'Footprint area (flat roofs)' }),
  );
}

export function pvCapacity(ctx: ScenarioContext): KpiDraft {
  return valueKpi(
    { id: 'pv-capacity', label: { zh: '屋顶光伏可装容量', en: 'Rooftop PV capacity potential' }, unit: 'kwp', display: 'integer' },
    totals(ctx).kwp,
    evidence(ASSUMPTIONS, topPvBuildings(ctx, 10)),
  );
}

export function pvYield(ctx: ScenarioContext): KpiDraft {
  return valueKpi(
    { id: 'pv-yield', label: { zh: '屋顶光伏年发电潜力', en: 'Rooftop PV yield potential' }, unit: 'mwh-per-year', display: 'decimal1' },
    totals(ctx).mwhPerYear,
    evidence(ASSUMPTIONS, topPvBuildings(ctx, 10)),
  );
}

/** Public green (base-map 'green' surfaces) per resident. */
export function greenPerCapita(ctx: ScenarioContext): KpiDraft {
  const green = ctx.community.base.filter((s) => s.kind === 'green').reduce((s, g) => s + polygonAreaM2(g.polygon), 0);
  const residents = totalResidents(ctx.summaries);
  return valueKpi(
    { id: 'green-per-capita', label: { zh: '人均公共绿地', en: 'Public green per resident' }, unit: 'm2-per-person', display: 'decimal2' },
    green / residents,
    evidence({ zh: `绿地 ${Math.round(green)} m²，居民 ${residents} 人`, en: `${Math.round(green)} m² of green, ${residents} residents` }),
  );
}

export function lowCarbonKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    roofArea(ctx),
    pvCapacity(ctx),
    pvYield(ctx),
    greenPerCapita(ctx),
    coverageShareKpi(ctx, {
      id: 'waste-sorting-reach-share',
      category: 'waste-sorting',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '垃圾分类投放点', en: 'a sorted-waste point' },
    }),
  ];
}
