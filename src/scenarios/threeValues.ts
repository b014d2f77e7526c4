import { DataError } from '../core/errors';
import type { LocalizedText } from '../core/model/types';
import { SCENARIO_IDS, type ScenarioId } from './registry';
import threeValuesJson from './threeValues.json';

/**
 * 三化 (人本化、生态化、数字化): the frame of the nine scenarios, as data (threeValues.json, with its
 * source). 一统 (党建统领) stands over all three; every scenario but 一统 sits in exactly one 化.
 */
export interface ThreeValue {
  id: 'people' | 'ecology' | 'digital';
  name: LocalizedText;
  scenarios: ScenarioId[];
}

export function parseThreeValues(json: unknown, file = 'threeValues.json'): { values: ThreeValue[]; source: string } {
  const root = (typeof json === 'object' && json !== null ? json : {}) as { values?: unknown; source?: unknown };
  const values = (Array.isArray(root.values) ? root.values : []) as ThreeValue[];
  const placed = values.flatMap((v) => (Array.isArray(v.scenarios) ? v.scenarios : []));
  const nine = SCENARIO_IDS.filter((id) => id !== 'party-building');
  const ok =
    typeof root.source === 'string' &&
    values.length === 3 &&
    values.every((v) => typeof v.name?.zh === 'string' && typeof v.name?.en === 'string') &&
    placed.length === nine.length &&
    nine.every((id) => placed.includes(id));
  if (!ok)
    throw new DataError(
      [
        {
          file,
          field: 'values',
          reason: 'must be the three 化, each {id, name {zh, en}, scenarios}, placing each of the nine scenarios once, with a source',
        },
      ],
      'Invalid 三化 frame',
    );
  return { values, source: root.source as string };
}

export const THREE_VALUES = parseThreeValues(threeValuesJson);
