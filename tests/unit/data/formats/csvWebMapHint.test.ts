import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/data/formats/csv';

const csv = (text: string) => new TextEncoder().encode(text);

describe('CSV of unmarked lon/lat that looks like a Chinese web-map export', () => {
  it('is still read as WGS84, with GCJ-02 suggested and a located warning naming the clue', () => {
    // An AMap POI export: a type code column and lon/lat with no CRS in the column names.
    const result = readCsv(csv('name,typecode,lng,lat\n景和幼儿园,141204,120.1850,30.2668\n'), 'pois.csv');
    expect(result.sourceCrs).toBe('EPSG:4326');
    expect(result.suggestedCrs).toBe('GCJ-02');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        file: 'pois.csv',
        reason: expect.stringMatching(/^looks like a Chinese web-map export \(column "typecode" of an AMap export\): .*GCJ-02/),
        message: expect.objectContaining({ code: 'issue.crs.webMapHint' }),
      }),
    ]);
  });

  it('takes 高德 / 腾讯 in the file name and AMap "a;b;c" types as clues too', () => {
    expect(readCsv(csv('name,lng,lat\nA,120.185,30.2668\n'), '高德导出.csv').suggestedCrs).toBe('GCJ-02');
    const typed = readCsv(csv('name,type,lng,lat\nA,科教文化服务;学校;幼儿园,120.185,30.2668\n'), 'a.csv');
    expect(typed.suggestedCrs).toBe('GCJ-02');
  });

  it('says nothing for a plain table, one whose columns name their CRS, or one read with a chosen CRS', () => {
    expect(readCsv(csv('name,lng,lat\nA,120.185,30.2668\n'), 'a.csv').suggestedCrs).toBeUndefined();
    const marked = readCsv(csv('name,typecode,gcj_lng,gcj_lat\nA,141204,120.185,30.2668\n'), 'a.csv');
    expect([marked.sourceCrs, marked.suggestedCrs]).toEqual(['GCJ-02', undefined]);
    const chosen = readCsv(csv('name,typecode,lng,lat\nA,141204,120.185,30.2668\n'), 'a.csv', { sourceCrs: 'GCJ-02' });
    expect([chosen.sourceCrs, chosen.suggestedCrs]).toEqual(['GCJ-02', undefined]);
  });
});
