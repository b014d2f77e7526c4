import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/errors';
import { parseCommunityCoverage } from '../../../../src/data/city/communityCoverageFile';

const bundled = readFileSync('models/city/community-coverage.json', 'utf8');

describe('parseCommunityCoverage', () => {
  it('reads the bundled file: every listed community once, marked synthetic', () => {
    const file = parseCommunityCoverage(bundled);
    const list = JSON.parse(readFileSync('models/city/hangzhou-future-communities.json', 'utf8')) as { communities: { id: string }[] };
    expect(file.communities.map((c) => c.id).sort()).toEqual(list.communities.map((c) => c.id).sort());
    expect(file.synthetic?.notice.zh).toMatch(/合成/);
    expect(file.categories.filter((c) => c.priority === 1).map((c) => c.category)).toEqual([
      'nursery',
      'kindergarten',
      'elderly-care',
      'elderly-canteen',
    ]);
  });

  it('rejects a bad entry naming the file, the entry id and the field', () => {
    const json = JSON.parse(bundled);
    json.communities[3].categories[1].shareHomesWithin = 1.7;
    json.communities[5].oneOldOneYoungUncovered = { value: -2, suppressed: false };
    let error: unknown;
    try {
      parseCommunityCoverage(json, 'city/community-coverage.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const issues = (error as DataError).issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      file: 'city/community-coverage.json',
      id: json.communities[3].id,
      field: 'communities[3].categories[1].shareHomesWithin',
    });
    expect(issues[1]).toMatchObject({ id: json.communities[5].id, field: 'communities[5].oneOldOneYoungUncovered' });
  });

  it('rejects text that is not JSON and a wrong format', () => {
    expect(() => parseCommunityCoverage('<html>', 'x.json')).toThrow(/not JSON/);
    expect(() => parseCommunityCoverage({ ...JSON.parse(bundled), format: 'other' })).toThrow(/format/);
  });
});
