import { describe, expect, it } from 'vitest';
import { formatDataIssue, type DataIssue } from '../../../../src/core/errors';
import { parseCityDataset, readCityDataset } from '../../../../src/data/city/readCityDataset';
import { formatCityDataset } from '../../../../src/data/city/writeCityDataset';
import { dataIssuesOf } from '../../support/dataIssues';
import { tinyCity } from './tinyCity';

const FILE = 'city/test.json';

/** The tiny list as parsed JSON, to break one field at a time (any: each test writes whatever bad value it tries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(): Record<string, any> {
  return JSON.parse(formatCityDataset(tinyCity()));
}

const issuesOf = (input: unknown): DataIssue[] => dataIssuesOf(() => readCityDataset(input, FILE));

describe('readCityDataset', () => {
  it('reads back what formatCityDataset wrote', () => {
    expect(readCityDataset(json(), FILE)).toEqual(tinyCity());
  });

  it('names the file, the entry index and id, and the field of a bad status', () => {
    const input = json();
    input.communities[3].status = 'done';
    const [issue, ...rest] = issuesOf(input);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: FILE, id: 'b-1', field: 'communities[3].status' });
    expect(formatDataIssue(issue)).toBe(
      `${FILE}, (id "b-1"), field "communities[3].status": must be one of created, building, accepted, got "done"`,
    );
  });

  it('reports every bad field of every entry in one pass', () => {
    const input = json();
    input.communities[0].position = [30.3, 120.2]; // swapped
    input.communities[1].yearCreated = 2018; // before the first batch
    input.communities[2].scores = { overall: 120 };
    input.communities[4].district = 'z';
    delete input.communities[4].name;
    const fields = issuesOf(input).map((i) => `${i.id} ${i.field}`);
    expect(fields).toEqual([
      'a-1 communities[0].position',
      'a-2 communities[1].yearCreated',
      'a-3 communities[2].scores.overall',
      'b-2 communities[4].name',
      'b-2 communities[4].district',
    ]);
  });

  it('requires yearAccepted exactly for accepted communities, not before creation nor after the list date', () => {
    const input = json();
    delete input.communities[0].yearAccepted; // a-1 accepted without a year
    input.communities[1].yearAccepted = 2022; // a-2 is building
    input.communities[3].yearAccepted = 2021; // b-1 created 2022
    const issues = issuesOf(input);
    expect(issues.map((i) => [i.id, i.field])).toEqual([
      ['a-1', 'communities[0].yearAccepted'],
      ['a-2', 'communities[1].yearAccepted'],
      ['b-1', 'communities[3].yearAccepted'],
    ]);
    expect(issues[0].reason).toBe('is required');
    expect(issues[1].reason).toContain('only allowed when status is "accepted"');
    expect(issues[2].reason).toContain('≥ 2022');
  });

  it('rejects duplicate ids, unknown enumerations and package paths outside models/', () => {
    const input = json();
    input.communities[1].id = 'a-1';
    input.communities[2].type = 'leading';
    input.communities[3].package = '../secrets/';
    input.communities[4].renewal = 'rebuild';
    expect(issuesOf(input).map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'communities[1].id: "a-1" is listed twice',
      'communities[2].type: must be one of puhui, yinling, got "leading"',
      'communities[3].package: must be a folder path under models/ ending in "/" (e.g. "sample-jinghe/"), got "../secrets/"',
      'communities[4].renewal: must be one of renewal, new-build, whole-area, got "rebuild"',
    ]);
  });

  it('checks the header and the districts, including coverage above 100 %', () => {
    const input = json();
    input.format = 'something-else';
    input.asOf = '30.06.2025';
    input.districts[1].urbanCommunities = 1; // b lists 2 communities
    input.districts[0].name = { zh: '甲区' };
    const issues = issuesOf(input);
    expect(issues.map((i) => i.field)).toEqual(['format', 'asOf', 'districts[0].name', 'districts[1].urbanCommunities']);
    expect(issues[3]).toMatchObject({ id: 'b', reason: 'is 1, but 2 future communities are listed in the district' });
  });

  it('reports a JSON syntax error and a non-object against the file', () => {
    expect(() => parseCityDataset('{"format": ', FILE)).toThrow(/city\/test.json: is not valid JSON/);
    expect(issuesOf([])).toEqual([
      {
        file: FILE,
        reason: 'must be a JSON object, got a list',
        message: { code: 'issue.json.mustBeObjectGot', params: { got: { code: 'issue.value.list' } } },
      },
    ]);
  });
});
