import { describe, expect, it } from 'vitest';
import { getScenario, isScenarioId, parseScenarioId, SCENARIO_IDS, SCENARIOS } from '../../../src/scenarios/registry';
import { isUnitId } from '../../../src/scenarios/units';
import { tinyContext } from './tinyCommunity';

const IDS = [
  'neighbourhood',
  'education',
  'health',
  'entrepreneurship',
  'architecture',
  'transport',
  'low-carbon',
  'property-service',
  'governance',
  'party-building',
];

describe('scenario registry', () => {
  it('holds the ten scenarios with their stable URL ids, in bar order', () => {
    expect(SCENARIO_IDS).toEqual(IDS);
    expect(new Set(SCENARIO_IDS).size).toBe(10);
    for (const id of SCENARIO_IDS) expect(getScenario(id).id).toBe(id);
  });

  it('parses URL ids strictly', () => {
    expect(parseScenarioId('low-carbon')).toBe('low-carbon');
    for (const bad of [null, undefined, '', 'Health', 'health ', 'lowcarbon', 'toString']) expect(parseScenarioId(bad)).toBeUndefined();
    expect(isScenarioId('governance')).toBe(true);
  });

  it('gives every scenario names, a narrative and an accent in both languages', () => {
    for (const s of SCENARIOS) {
      for (const text of [s.name, s.shortName, s.narrative]) {
        expect(text.zh.trim(), s.id).not.toBe('');
        expect(text.en.trim(), s.id).not.toBe('');
      }
      expect(s.accent.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)).toBe(true);
    }
    // 一统 is the overlay; the nine scenes are scenarios.
    expect(SCENARIOS.filter((s) => s.kind === 'overlay').map((s) => s.id)).toEqual(['party-building']);
  });

  it('has indicators whose formula names a KPI of the same scenario with the same unit', () => {
    const ctx = tinyContext();
    const indicatorIds = new Set<string>();
    for (const s of SCENARIOS) {
      const kpis = s.kpis(ctx);
      expect(new Set(kpis.map((k) => k.id)).size, `${s.id}: KPI ids unique`).toBe(kpis.length);
      expect(s.indicators.length, s.id).toBeGreaterThan(0);
      for (const i of s.indicators) {
        const kpi = kpis.find((k) => k.id === i.formula);
        expect(kpi, `${i.id} → ${i.formula}`).toBeDefined();
        expect(kpi!.unit, i.id).toBe(i.unit);
        expect(kpi!.indicatorId, i.id).toBe(s.indicators.find((j) => j.formula === i.formula)!.id);
        expect(i.source.trim(), i.id).not.toBe('');
        expect(indicatorIds.has(i.id), `${i.id} unique`).toBe(false);
        indicatorIds.add(i.id);
      }
      for (const k of kpis) expect(isUnitId(k.unit), `${s.id}/${k.id}`).toBe(true);
    }
  });

  it('marks unverified thresholds [M] in their sources (every indicator cites [V], [M] or [C])', () => {
    for (const s of SCENARIOS) for (const i of s.indicators) expect(i.source, i.id).toMatch(/\[(V|M|C)\]/);
  });

  it('gives every KPI and chart a label, and chart ids are unique per scenario', () => {
    const ctx = tinyContext();
    for (const s of SCENARIOS) {
      for (const k of s.kpis(ctx)) expect(k.label.zh && k.label.en, `${s.id}/${k.id}`).toBeTruthy();
      const charts = s.charts(ctx);
      expect(new Set(charts.map((c) => c.id)).size, s.id).toBe(charts.length);
      for (const c of charts) {
        expect(c.title.zh && c.title.en, `${s.id}/${c.id}`).toBeTruthy();
        for (const series of c.series) expect(series.values.length, `${s.id}/${c.id}`).toBe(c.categories.length);
      }
    }
  });
});
