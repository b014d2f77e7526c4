import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/errors';
import { parseIndicators } from '../../../src/scenarios/indicators';
import { kpiStatus, type KpiDraft } from '../../../src/scenarios/kpi';
import type { Indicator } from '../../../src/scenarios/types';
import { formatValue } from '../../../src/scenarios/units';

const row = (over: Record<string, unknown> = {}) => ({
  id: 'health.x',
  name: { zh: '甲', en: 'X' },
  unit: 'share',
  formula: 'x-share',
  direction: 'min',
  puhui: 0.8,
  yinling: 1,
  source: '[M] test',
  ...over,
});

describe('indicators.json parsing', () => {
  it('reads a valid file', () => {
    expect(parseIndicators({ scenario: 'health', indicators: [row(), row({ id: 'health.y', puhui: null })] }, 'health')).toHaveLength(2);
  });

  it('names every bad field of every row', () => {
    const bad = {
      scenario: 'education',
      indicators: [row({ id: 'x', unit: 'furlongs', direction: 'up', puhui: '0.8', source: ' ' }), row({ puhui: 1, yinling: 0.5 }), row()],
    };
    let error: DataError | undefined;
    try {
      parseIndicators(bad, 'health');
    } catch (e) {
      error = e as DataError;
    }
    expect(error).toBeInstanceOf(DataError);
    expect(error!.issues.map((i) => i.field)).toEqual([
      'scenario',
      'indicators[0].id',
      'indicators[0].unit',
      'indicators[0].direction',
      'indicators[0].puhui',
      'indicators[0].source',
      'indicators[1].yinling',
      'indicators[2].id',
    ]);
  });
});

describe('KPI status against its indicator', () => {
  const indicator = (over: Partial<Indicator> = {}): Indicator => ({ ...(row() as unknown as Indicator), ...over });
  const draft = (value: number | null, over: Partial<KpiDraft> = {}): KpiDraft => ({
    id: 'x-share',
    label: { zh: '甲', en: 'X' },
    value,
    unit: 'share',
    display: 'percent',
    evidence: { buildingIds: [], facilityIds: [], reason: { zh: '', en: '' } },
    ...over,
  });

  it('is good at or above the 普惠型 baseline and bad below it', () => {
    expect(kpiStatus(draft(0.8), indicator(), 'puhui')).toBe('good');
    expect(kpiStatus(draft(0.79), indicator(), 'puhui')).toBe('bad');
  });

  it('warns a 引领型 community that meets only the baseline', () => {
    expect(kpiStatus(draft(0.9), indicator(), 'yinling')).toBe('warn');
    expect(kpiStatus(draft(1), indicator(), 'yinling')).toBe('good');
    expect(kpiStatus(draft(0.5), indicator(), 'yinling')).toBe('bad');
  });

  it('reads a maximum the other way round', () => {
    expect(kpiStatus(draft(400), indicator({ direction: 'max', puhui: 500, yinling: 300 }), 'puhui')).toBe('good');
    expect(kpiStatus(draft(400), indicator({ direction: 'max', puhui: 500, yinling: 300 }), 'yinling')).toBe('warn');
  });

  it('is pending, bad for missing data, good when nothing is measured or hidden, and the own status without indicator', () => {
    expect(kpiStatus(draft(null, { unavailable: 'pending' }), indicator(), 'puhui')).toBe('pending');
    expect(kpiStatus(draft(null, { unavailable: 'no-data' }), indicator(), 'puhui')).toBe('bad');
    expect(kpiStatus(draft(null, { unavailable: 'not-applicable' }), indicator(), 'puhui')).toBe('good');
    expect(kpiStatus(draft(null, { unavailable: 'suppressed' }), undefined, 'puhui')).toBe('good');
    expect(kpiStatus(draft(3, { status: 'warn' }), undefined, 'puhui')).toBe('warn');
    expect(kpiStatus(draft(3), undefined, 'puhui')).toBe('good');
  });
});

describe('value formatting', () => {
  it('prints shares as percentages and other values with their unit', () => {
    expect(formatValue(0.834, 'share', 'percent', 'en')).toBe('83%');
    expect(formatValue(1.234, 'm2-per-person', 'decimal2', 'zh-CN')).toBe('1.23 m²/人');
    expect(formatValue(1234, 'households-per-worker', 'integer', 'en')).toBe('1,234 households per grid worker');
    expect(formatValue(null, 'm2', 'integer', 'en')).toBe('—');
  });
});
