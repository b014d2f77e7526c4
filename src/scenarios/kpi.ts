import type { CommunityType, LocalizedText } from '../core/model/types';
import {
  meetsThreshold,
  thresholdFor,
  type Evidence,
  type Indicator,
  type Kpi,
  type KpiDisplay,
  type KpiStatus,
  type Unavailable,
} from './types';
import type { UnitId } from './units';

/**
 * What a KPI function returns: a KPI without its final status. The status comes from the indicator
 * that reads the KPI (see `kpiStatus`); a KPI no indicator reads may state its own (default 'good').
 */
export type KpiDraft = Omit<Kpi, 'status' | 'indicatorId'> & { status?: KpiStatus };

export const NO_EVIDENCE: Evidence = { buildingIds: [], facilityIds: [], reason: { zh: '', en: '' } };

export function evidence(reason: LocalizedText, buildingIds: string[] = [], facilityIds: string[] = []): Evidence {
  return { buildingIds, facilityIds, reason };
}

interface KpiHead {
  id: string;
  label: LocalizedText;
  unit: UnitId;
  display: KpiDisplay;
}

/** A computed value; a non-finite value (0/0, x/0) becomes null 'not-applicable'. */
export function valueKpi(head: KpiHead, value: number, ev: Evidence = NO_EVIDENCE, note?: LocalizedText): KpiDraft {
  if (!Number.isFinite(value)) return unavailableKpi(head, 'not-applicable', note ?? NOTHING_TO_MEASURE, ev);
  return { ...head, value, evidence: ev, ...(note ? { note } : {}) };
}

export function unavailableKpi(head: KpiHead, unavailable: Unavailable, note: LocalizedText, ev: Evidence = NO_EVIDENCE): KpiDraft {
  return { ...head, value: null, unavailable, note, evidence: ev };
}

export const PENDING_NOTE: LocalizedText = { zh: '服务圈分析计算中', en: 'Service circles are still computing' };
export const NOTHING_TO_MEASURE: LocalizedText = { zh: '无可计量对象（分母为零）', en: 'Nothing to measure (the denominator is zero)' };
export const SUPPRESSED_NOTE: LocalizedText = { zh: '人数少于5，按隐私规则不显示', en: 'Fewer than 5 people: hidden for privacy' };

/** The first indicator that reads a KPI, if any. */
export function indicatorOf(indicators: readonly Indicator[], kpiId: string): Indicator | undefined {
  return indicators.find((i) => i.formula === kpiId);
}

/**
 * A KPI's status against its indicator for the community's type:
 * - 'pending' while the analysis it needs runs; 'bad' when the package lacks the data;
 *   'good' when there is nothing to measure or a small count is hidden (neither is a failure);
 * - 'good' when the value meets the community type's threshold;
 * - 'warn' when a 引领型 community meets only the 普惠型 baseline, or a 普惠型 community misses a
 *   leading indicator it is not required to meet;
 * - 'bad' otherwise. A KPI no indicator reads keeps the status its function gave (default 'good').
 */
export function kpiStatus(draft: KpiDraft, indicator: Indicator | undefined, type: CommunityType): KpiStatus {
  if (draft.unavailable === 'pending') return 'pending';
  if (draft.value === null) return draft.unavailable === 'no-data' ? 'bad' : 'good';
  if (!indicator) return draft.status ?? 'good';
  const target = thresholdFor(indicator, type);
  if (target === null) return meetsThreshold(draft.value, indicator.yinling, indicator.direction) ? 'good' : 'warn';
  if (meetsThreshold(draft.value, target, indicator.direction)) return 'good';
  if (type === 'yinling' && indicator.puhui !== null && meetsThreshold(draft.value, indicator.puhui, indicator.direction)) return 'warn';
  return 'bad';
}

export function finaliseKpis(drafts: readonly KpiDraft[], indicators: readonly Indicator[], type: CommunityType): Kpi[] {
  return drafts.map((d) => {
    const indicator = indicatorOf(indicators, d.id);
    return { ...d, status: kpiStatus(d, indicator, type), ...(indicator ? { indicatorId: indicator.id } : {}) };
  });
}
