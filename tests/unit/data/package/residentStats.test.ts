import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../../src/core/errors';
import { summariseBuildings } from '../../../../src/data/community/buildingSummaries';
import { parseResidentStats, RESIDENT_STATS_COLUMNS } from '../../../../src/data/package/layers';
import { readCommunityPackage } from '../../../../src/data/package/readPackage';
import { writePackage } from '../../../../src/data/package/writePackage';
import { dataIssuesOfAsync } from '../../support/dataIssues';
import { loadSampleCommunity, loadSampleWithPersonRows, SAMPLE_PACKAGE_DIR } from '../../support/samplePackage';

/** Reads the written files, and the shared context layers from the sample's folder. */
const readerOf = (files: Map<string, string>) => async (p: string) =>
  files.get(p) ?? readFileSync(path.join(SAMPLE_PACKAGE_DIR, p), 'utf8');

const HEADER = RESIDENT_STATS_COLUMNS.join(',');
// Building JH-B002 of the sample as resident-stats.csv has it. Hand-checked against the service's
// seed with awk over houses.csv + people.csv + rights.csv: 72 residents (0-2: 3, 3-5: 3, 6-11: 3,
// 18-59: 50, 60-69: 10, 70-79: 1, 80+: 2), 18 of them above the 3rd floor, 6 of those 60+ (one 80+),
// 29 occupied homes (8 above the 3rd floor), 3 infants, 4 living alone; rights 40 property, 8 lease, 5 public housing.
const B002 = 'JH-B002,72,3,3,3,0,0,50,10,1,2,13,6,1,18,4,0,0,3,29,8,40,8,5,0';

function parse(rows: string[]): { stats: ReturnType<typeof parseResidentStats>; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const stats = parseResidentStats(`${[HEADER, ...rows].join('\n')}\n`, 'resident-stats.csv', issues);
  return { stats, issues };
}

describe('parseResidentStats', () => {
  it('reads one building row into counts', () => {
    const { stats, issues } = parse([B002]);
    expect(issues).toEqual([]);
    expect(stats).toEqual([
      {
        buildingId: 'JH-B002',
        residents: 72,
        residentsByAgeBand: { '0-2': 3, '3-5': 3, '6-11': 3, '12-14': 0, '15-17': 0, '18-59': 50, '60-69': 10, '70-79': 1, '80+': 2 },
        elderly: 13,
        elderlyAboveThirdFloor: 6,
        elderly80PlusAboveThirdFloor: 1,
        residentsAboveThirdFloor: 18,
        livingAloneElderly: 4,
        withDisability: 0,
        withDisabilityAboveThirdFloor: 0,
        infants: 3,
        occupiedHomes: 29,
        occupiedHomesAboveThirdFloor: 8,
        rightsByType: { property: 40, lease: 8, 'public-housing': 5, 'use-right': 0 },
      },
    ]);
  });

  it('names the file, row, building and field of a count that is not a whole number ≥ 0', () => {
    const { stats, issues } = parse([B002, B002.replace('JH-B002,72,3,', 'JH-B003,72,three,')]);
    expect(stats.map((s) => s.buildingId)).toEqual(['JH-B002']);
    expect(issues).toEqual([expect.objectContaining({ file: 'resident-stats.csv', row: 3, id: 'JH-B003', field: 'age_0-2' })]);
    expect(issues[0].reason).toContain('"three"');
    const negative = parse([B002.replace(',29,8,', ',-1,8,')]).issues;
    expect(negative).toEqual([expect.objectContaining({ row: 2, field: 'occupiedHomes' })]);
  });

  it('rejects totals that do not add up and parts larger than their whole', () => {
    // 72 residents but the age bands say 73; 13 elderly but 14 of them above the 3rd floor.
    const sum = parse([B002.replace('JH-B002,72,3,3,3,0,0,50,', 'JH-B002,72,3,3,3,0,0,51,')]).issues;
    expect(sum).toEqual([
      expect.objectContaining({ row: 2, field: 'residents', reason: 'must equal the sum of the age bands (73), got 72' }),
    ]);
    const part = parse([B002.replace(',13,6,1,18,', ',13,14,1,18,')]).issues;
    expect(part.map((i) => i.field)).toEqual(['elderlyAboveThirdFloor']);
    expect(part[0].reason).toBe('must be at most elderly (13), got 14');
  });

  it('names the missing columns on the header row', () => {
    const issues: DataIssue[] = [];
    parseResidentStats('buildingId,residents\nB1,3\n', 'resident-stats.csv', issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'resident-stats.csv', row: 1 });
    expect(issues[0].reason).toContain('age_0-2');
  });
});

describe('a package with resident statistics', () => {
  it('writes and reads them back unchanged', async () => {
    const sample = await loadSampleCommunity();
    const files = writePackage(sample);
    expect(files.get('resident-stats.csv')).toBe(readFileSync(path.join(SAMPLE_PACKAGE_DIR, 'resident-stats.csv'), 'utf8'));
    const reread = await readCommunityPackage(readerOf(files));
    expect(reread.residentStats).toEqual(sample.residentStats);
  });

  it('rejects a row for a building the package does not have, and a building counted twice', async () => {
    const sample = await loadSampleCommunity();
    const files = writePackage(sample);
    const stats = files.get('resident-stats.csv')!;
    files.set('resident-stats.csv', `${stats}${B002.replace('JH-B002', 'JH-B999')}\n${B002}\n`);
    const issues = await dataIssuesOfAsync(() => readCommunityPackage(readerOf(files)));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'resident-stats.csv', id: 'JH-B002', field: 'id' }),
      expect.objectContaining({ file: 'resident-stats.csv', id: 'JH-B999', field: 'buildingId' }),
    ]);
  });
});

describe('building summaries of the sample 景和新村', () => {
  it('are the same from the package statistics as from the service seed person rows, building by building', async () => {
    const fromStats = summariseBuildings(await loadSampleCommunity());
    const fromRows = summariseBuildings(await loadSampleWithPersonRows());
    expect(fromRows.size).toBe(203);
    expect([...fromStats.entries()]).toEqual([...fromRows.entries()]);
    // Not two empty tables: the rows give the sample's 9,665 residents and 6,853 rights.
    const total = (f: (s: typeof fromRows extends Map<string, infer S> ? S : never) => number) =>
      [...fromRows.values()].reduce((sum, s) => sum + f(s), 0);
    expect(total((s) => s.residents)).toBe(9665);
    expect(total((s) => Object.values(s.rightsByType).reduce((a, b) => a + b, 0))).toBe(6853);
    expect(fromStats.get('JH-B002')).toMatchObject({ residents: 72, elderly: 13, elderlyAboveThirdFloor: 6, occupiedHomes: 29 });
  });
});

describe('the static packages under models/', () => {
  const modelsDir = fileURLToPath(new URL('../../../../models/', import.meta.url));
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });

  it('hold no person-level file (the web build copies models/ as it is)', () => {
    const files = filesUnder(modelsDir).map((f) => path.relative(modelsDir, f));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /(^|\/)(people|rights)\.csv$/.test(f))).toEqual([]);
    // Nor under another name: no CSV with a person or rights header, no manifest naming such a layer.
    const personHeader = /^id,houseId,(ageBand|rightType)/;
    expect(files.filter((f) => f.endsWith('.csv') && personHeader.test(readFileSync(path.join(modelsDir, f), 'utf8')))).toEqual([]);
    for (const manifest of files.filter((f) => f.endsWith('manifest.json'))) {
      const layers = JSON.parse(readFileSync(path.join(modelsDir, manifest), 'utf8')).layers;
      expect([manifest, layers.people, layers.rights]).toEqual([manifest, undefined, undefined]);
    }
  });
});
