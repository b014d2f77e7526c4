import type { Building } from '../../core/model/types';
import { coverageShareKpi } from '../coverageKpis';
import { evidence, valueKpi, type KpiDraft } from '../kpi';
import { footprintAreaM2, totalResidents } from '../measure';
import { DEFAULT_SURFACE_RULES, otherGreens, parkChecks, publicGreens, sumArea } from '../surfaces';
import type { ScenarioContext } from '../types';
import { PV_KWH_PER_KWP_YEAR, PV_KWP_PER_M2, PV_ROOF_SHARE_BY_USE } from './pvAssumptions';

/**
 * 低碳场景 (多能集成, 分类资源循环): rooftop PV potential, public green (公共绿地) per resident and the
 * largest park, and sorted-waste collection points within reach.
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

/** Public green (公共绿地: base-map `public-green` surfaces) per resident; 宅间绿地 and private gardens left out. */
export function greenPerCapita(ctx: ScenarioContext): KpiDraft {
  const green = sumArea(publicGreens(ctx.community));
  const other = sumArea(otherGreens(ctx.community));
  const residents = totalResidents(ctx.summaries);
  const r = Math.round;
  return valueKpi(
    { id: 'green-per-capita', label: { zh: '人均公共绿地', en: 'Public green per resident' }, unit: 'm2-per-person', display: 'decimal2' },
    green / residents,
    evidence({
      zh: `公共绿地 ${r(green)} m²，居民 ${residents} 人（宅间绿地、私家庭院等 ${r(other)} m² 不计入）`,
      en: `${r(green)} m² of public green, ${residents} residents (block greens, private gardens and the like, ${r(other)} m², not counted)`,
    }),
  );
}

/**
 * The largest public green that is a park of the 5-minute circle (GB 50180-2018 Table 4.0.4:
 * ≥ 0.4 ha and ≥ 30 m wide); 0 when none is.
 */
export function largestPark(ctx: ScenarioContext): KpiDraft {
  const checks = parkChecks(ctx.community);
  const park = checks.find((c) => c.qualifies);
  const { minAreaM2, minWidthMeters } = DEFAULT_SURFACE_RULES.park;
  const r = Math.round;
  const widest = checks.reduce((m, c) => Math.max(m, c.widthMeters), 0);
  return valueKpi(
    { id: 'largest-park-area', label: { zh: '社区游园（居住区公园）面积', en: 'Community park' }, unit: 'm2', display: 'integer' },
    park?.areaM2 ?? 0,
    evidence(
      park
        ? {
            zh: `${park.name ?? '公共绿地'} ${r(park.areaM2)} m²，宽 ${r(park.widthMeters)} m（要求 ≥${minAreaM2} m²、宽 ≥${minWidthMeters} m）`,
            en: `${park.name ?? 'Public green'} ${r(park.areaM2)} m², ${r(park.widthMeters)} m wide (needs ≥ ${minAreaM2} m² and ≥ ${minWidthMeters} m)`,
          }
        : {
            zh: `${checks.length} 处公共绿地均不足 ${minAreaM2} m² 且宽 ${minWidthMeters} m（最宽 ${r(widest)} m）`,
            en: `None of ${checks.length} public greens reaches ${minAreaM2} m² and ${minWidthMeters} m wide (widest ${r(widest)} m)`,
          },
    ),
  );
}

export function lowCarbonKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    roofArea(ctx),
    pvCapacity(ctx),
    pvYield(ctx),
    greenPerCapita(ctx),
    largestPark(ctx),
    coverageShareKpi(ctx, {
      id: 'waste-sorting-reach-share',
      category: 'waste-sorting',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '垃圾分类投放点', en: 'a sorted-waste point' },
    }),
  ];
}
