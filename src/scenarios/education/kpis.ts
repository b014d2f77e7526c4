import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import type { FacilityCategory } from '../../core/model/types';
import { coverageBuildingIds, coverageShareKpi } from '../coverageKpis';
import { evidence, PENDING_NOTE, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { facilitiesOf, sumSummaries, totalCapacity, totalResidents } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 教育场景 (一小): 托育 (0–3) and 幼儿园 (3–6) places against the children who need them, walking reach
 * of nursery, kindergarten and primary school, and each home's nearest primary school on foot (not its
 * 学区: in Hangzhou that is a catchment the education bureau assigns).
 */

const NO_CAPACITY = { zh: '部分设施缺少容量（托位/学位）数据', en: 'Some facilities have no capacity (places) recorded' };

export const childrenAged = (ctx: ScenarioContext, band: '0-2' | '3-5' | '6-11') =>
  sumSummaries(ctx.summaries, (s) => s.residentsByAgeBand[band]);

function capacityOf(ctx: ScenarioContext, category: FacilityCategory) {
  const facilities = facilitiesOf(ctx.community, category);
  return { facilities, places: totalCapacity(facilities) };
}

/** 托位 per 1,000 residents (the national 每千人口拥有3岁以下婴幼儿托位数). */
export function nurseryPlacesPer1000(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'nursery-places-per-1000',
    label: { zh: '每千人口托位数（3岁以下）', en: 'Nursery places per 1,000 residents (under 3)' },
    unit: 'places-per-1000-residents' as const,
    display: 'decimal1' as const,
  };
  const { facilities, places } = capacityOf(ctx, 'nursery');
  if (places === null)
    return unavailableKpi(
      head,
      'no-data',
      NO_CAPACITY,
      evidence(
        NO_CAPACITY,
        [],
        facilities.map((f) => f.id),
      ),
    );
  const residents = totalResidents(ctx.summaries);
  return valueKpi(
    head,
    (places / residents) * 1000,
    evidence(
      {
        zh: `托育机构 ${facilities.length} 处，托位 ${places} 个，居民 ${residents} 人`,
        en: `Nurseries: ${facilities.length}, places: ${places}, residents: ${residents}`,
      },
      [],
      facilities.map((f) => f.id),
    ),
  );
}

/** Kindergarten places per child aged 3–5 (one place each: rules.json capacity demand). */
export function kindergartenPlacesPerChild(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'kindergarten-places-per-child',
    label: { zh: '幼儿园学位与3–5岁儿童之比', en: 'Kindergarten places per child aged 3–5' },
    unit: 'places-per-child' as const,
    display: 'decimal2' as const,
  };
  const { facilities, places } = capacityOf(ctx, 'kindergarten');
  if (places === null)
    return unavailableKpi(
      head,
      'no-data',
      NO_CAPACITY,
      evidence(
        NO_CAPACITY,
        [],
        facilities.map((f) => f.id),
      ),
    );
  const children = childrenAged(ctx, '3-5');
  return valueKpi(
    head,
    places / children,
    evidence(
      { zh: `幼儿园 ${facilities.length} 所，学位 ${places} 个`, en: `Kindergartens: ${facilities.length}, places: ${places}` },
      [],
      facilities.map((f) => f.id),
    ),
  );
}

/** Children 3–5 with a kindergarten place within reach, by 2SFCA (analysis/service-circles/capacity). */
export function kindergartenServedShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'kindergarten-served-share',
    label: { zh: '步行范围内有学位的3–5岁儿童比例', en: 'Children 3–5 with a place within walking reach' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  if (!ctx.coverage) return unavailableKpi(head, 'pending', PENDING_NOTE);
  const c = coverageOf(ctx.coverage, 'kindergarten');
  if (!c?.capacity)
    return unavailableKpi(head, 'no-data', {
      zh: '无法计算容量覆盖',
      en: `Capacity coverage unavailable: ${c?.capacityUnavailableReason ?? 'category not computed'}`,
    });
  if (c.capacity.servedShare === null)
    return unavailableKpi(head, 'not-applicable', { zh: '社区内无3–5岁儿童', en: 'No child aged 3–5 lives here' });
  const ids = coverageBuildingIds(ctx, ctx.coverage);
  const short: string[] = [];
  const population = ctx.coverage.population['3-5'];
  c.capacity.placesPerDemandByBuilding.forEach((a, b) => {
    if (population && population[b] > 0 && a < 1) short.push(ids[b]);
  });
  return valueKpi(
    head,
    c.capacity.servedShare,
    evidence(
      {
        zh: `两步移动搜索法（2SFCA）：${short.length} 幢建筑的儿童在 ${c.capacity.thresholdMeters} 米内学位不足`,
        en: `2SFCA: children in ${short.length} buildings lack places within ${c.capacity.thresholdMeters} m`,
      },
      short,
    ),
  );
}

export interface CatchmentEntry {
  /** The nearest primary school, or null when none is reachable. */
  facilityId: string | null;
  walkMeters: number;
  /** Within the rule's walk (GB 50180: 小学 ≤ 500 m). */
  withinRule: boolean;
}

/**
 * Nearest primary school: every building's nearest primary school on the walking network (the
 * multi-source search of the service circles), or null while they compute.
 */
export function schoolCatchments(ctx: ScenarioContext): Map<string, CatchmentEntry> | null {
  const coverage = ctx.coverage;
  const c = coverage && coverageOf(coverage, 'primary-school');
  if (!coverage || !c) return null;
  const ids = coverageBuildingIds(ctx, coverage);
  const out = new Map<string, CatchmentEntry>();
  ids.forEach((id, b) => {
    const f = c.nearestFacility[b];
    const facilityId = f >= 0 ? (coverage.facilityIds?.[f] ?? ctx.community.facilities[f]?.id ?? null) : null;
    out.set(id, { facilityId, walkMeters: c.walkDistanceMeters[b], withinRule: c.walkDistanceMeters[b] <= c.rule.maxDistanceMeters });
  });
  return out;
}

const INFANTS = { zh: '3岁以下婴幼儿', en: 'Children under 3' };
const PRESCHOOL = { zh: '3–5岁儿童', en: 'Children aged 3–5' };
const PUPILS = { zh: '6–11岁儿童', en: 'Children aged 6–11' };

export function educationKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    nurseryPlacesPer1000(ctx),
    coverageShareKpi(ctx, {
      id: 'nursery-reach-share',
      category: 'nursery',
      target: '0-2',
      who: INFANTS,
      what: { zh: '托育机构', en: 'a nursery' },
    }),
    kindergartenPlacesPerChild(ctx),
    coverageShareKpi(ctx, {
      id: 'kindergarten-reach-share',
      category: 'kindergarten',
      target: '3-5',
      who: PRESCHOOL,
      what: { zh: '幼儿园', en: 'a kindergarten' },
    }),
    kindergartenServedShare(ctx),
    coverageShareKpi(ctx, {
      id: 'primary-school-reach-share',
      category: 'primary-school',
      target: '6-11',
      who: PUPILS,
      what: { zh: '小学', en: 'a primary school' },
    }),
  ];
}
