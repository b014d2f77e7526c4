import { DataError, type DataIssue } from '../core/errors';
import type { LocalizedText } from '../core/model/types';
import type { Indicator, IndicatorDirection } from './types';
import { isUnitId, type UnitId } from './units';

/**
 * Reads a scenario's indicators.json (the indicator system as data, one file per scenario folder):
 *
 *   { "scenario": "<id>", "indicators": [ { id, name {zh,en}, unit, formula, direction, puhui, yinling, source } ] }
 *
 * `formula` names the KPI that computes the value; `puhui` is the 普惠型 baseline (null = only asked
 * of 引领型), `yinling` the 引领型 threshold. Throws a DataError naming every bad row and field.
 */
export function parseIndicators(json: unknown, scenarioId: string, file = `${scenarioId}/indicators.json`): Indicator[] {
  const issues: DataIssue[] = [];
  const fail = (field: string, reason: string, id?: string) => issues.push({ file, ...(id ? { id } : {}), field, reason });
  const root = (isObject(json) ? json : {}) as Record<string, unknown>;
  if (root.scenario !== scenarioId) fail('scenario', `must be "${scenarioId}" (the folder's scenario id), got ${show(root.scenario)}`);
  const rows = root.indicators;
  const out: Indicator[] = [];
  if (!Array.isArray(rows)) {
    fail('indicators', 'must be a list of indicators');
  } else {
    const seen = new Set<string>();
    rows.forEach((value, i) => {
      const row = (isObject(value) ? value : {}) as Record<string, unknown>;
      const at = (field: string) => `indicators[${i}].${field}`;
      const id = typeof row.id === 'string' ? row.id : undefined;
      const before = issues.length;
      if (!id || !id.startsWith(`${scenarioId}.`))
        fail(at('id'), `must be a string starting with "${scenarioId}.", got ${show(row.id)}`, id);
      else if (seen.has(id)) fail(at('id'), 'is used twice', id);
      else seen.add(id);
      if (!isLocalized(row.name)) fail(at('name'), 'must be {"zh": "…", "en": "…"} with both texts non-empty', id);
      if (!isUnitId(row.unit)) fail(at('unit'), `must be a unit id of units.ts, got ${show(row.unit)}`, id);
      if (typeof row.formula !== 'string' || row.formula === '') fail(at('formula'), 'must name the KPI that computes the value', id);
      if (row.direction !== 'min' && row.direction !== 'max')
        fail(at('direction'), `must be "min" (value ≥ threshold) or "max" (value ≤ threshold), got ${show(row.direction)}`, id);
      if (row.puhui !== null && !isFiniteNumber(row.puhui))
        fail(at('puhui'), `must be a number or null (not asked of 普惠型), got ${show(row.puhui)}`, id);
      if (!isFiniteNumber(row.yinling)) fail(at('yinling'), `must be a number, got ${show(row.yinling)}`, id);
      if (
        isFiniteNumber(row.puhui) &&
        isFiniteNumber(row.yinling) &&
        (row.direction === 'min' ? row.puhui > row.yinling : row.puhui < row.yinling)
      ) {
        fail(at('yinling'), '引领型 must be at least as demanding as the 普惠型 baseline', id);
      }
      if (typeof row.source !== 'string' || row.source.trim() === '') fail(at('source'), 'must cite where the threshold comes from', id);
      if (issues.length === before) {
        out.push({
          id: id!,
          name: row.name as LocalizedText,
          unit: row.unit as UnitId,
          formula: row.formula as string,
          direction: row.direction as IndicatorDirection,
          puhui: row.puhui as number | null,
          yinling: row.yinling as number,
          source: row.source as string,
        });
      }
    });
  }
  if (issues.length) throw new DataError(issues, `Invalid indicators "${file}"`);
  return out;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isLocalized = (v: unknown): v is LocalizedText =>
  isObject(v) &&
  typeof (v as LocalizedText).zh === 'string' &&
  typeof (v as LocalizedText).en === 'string' &&
  (v as LocalizedText).zh.trim() !== '' &&
  (v as LocalizedText).en.trim() !== '';

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
