import type { LocalizedText } from '../core/model/types';
import { suppressTable } from '../data/privacy/aggregate';
import type { ChartSeries, ChartSpec, Indicator } from './types';

/** Helpers for the scenario charts (plain data; the UI renders them with ECharts). */

export const PUHUI_LABEL: LocalizedText = { zh: '普惠型基线', en: 'Baseline (普惠型)' };
export const YINLING_LABEL: LocalizedText = { zh: '引领型', en: 'Leading (引领型)' };

/** The 普惠型 and 引领型 thresholds of an indicator, as chart reference lines. */
export function indicatorThresholds(indicator: Indicator | undefined): NonNullable<ChartSpec['thresholds']> {
  if (!indicator) return [];
  return [
    ...(indicator.puhui !== null ? [{ label: PUHUI_LABEL, value: indicator.puhui }] : []),
    ...(indicator.yinling !== indicator.puhui ? [{ label: YINLING_LABEL, value: indicator.yinling }] : []),
  ];
}

export function findIndicator(indicators: readonly Indicator[], id: string): Indicator | undefined {
  return indicators.find((i) => i.id === id);
}

export interface GaugeSpec {
  id: string;
  title: LocalizedText;
  unit: ChartSpec['unit'];
  value: number | null;
  indicator?: Indicator;
  /** Default 1.5 × the highest threshold or the value, rounded up to 1/2/2.5/5 × 10ⁿ. */
  max?: number;
  /** When value is null: whether it is still computing (default true). */
  pending?: boolean;
  note?: LocalizedText;
}

/** A gauge of one value against its indicator's 普惠型 / 引领型 thresholds. */
export function gaugeChart(spec: GaugeSpec): ChartSpec {
  const thresholds = indicatorThresholds(spec.indicator);
  const top = Math.max(spec.value ?? 0, ...thresholds.map((t) => t.value));
  return {
    id: spec.id,
    kind: 'gauge',
    title: spec.title,
    unit: spec.unit,
    categories: [spec.title],
    series: [{ name: spec.title, values: [spec.value] }],
    thresholds,
    min: 0,
    max: spec.max ?? (top > 0 ? niceCeil(top * 1.5) : 1),
    ...(spec.value === null && (spec.pending ?? true) ? { pending: true } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  };
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12) return m * p;
  return 10 * p;
}

/**
 * A series of counts of people with small cells (1–4) hidden; the series total is assumed published
 * (e.g. a KPI), so one more cell is hidden where a lone one could be recovered by subtraction.
 */
export function suppressedSeries(name: LocalizedText, counts: readonly number[], groups: readonly (readonly number[])[] = []): ChartSeries {
  const cells = suppressTable(counts, groups);
  return {
    name,
    values: cells.map((c) => (c.suppressed ? null : c.value)),
    suppressed: cells.map((c) => c.suppressed),
  };
}
