import { describe, expect, it } from 'vitest';
import type { Community } from '../../../../src/core/model/types';
import {
  contributionOf,
  distinctValues,
  joinTableToBuildings,
  suggestMapping,
  withImportedData,
} from '../../../../src/data/community/importedData';
import type { ImportedFeature, ImportResult } from '../../../../src/data/formats/importResult';
import { stubBuilding } from '../../support/stubCommunity';

const community = (): Community =>
  ({
    manifest: { id: 'tiny' },
    buildings: [stubBuilding('B1', { name: '1幢' }), stubBuilding('B2', { name: '2幢' })],
    houses: [],
    rights: [],
    people: [],
    facilities: [{ id: 'F1', category: 'grocery', name: '超市', position: [120.18, 30.26] }],
    network: [
      {
        id: 'N1',
        kind: 'footway',
        coordinates: [
          [120.18, 30.26],
          [120.181, 30.26],
        ],
      },
    ],
    reuse: [],
    base: [],
    grids: [],
    context: [],
  }) as unknown as Community;

const point = (properties: Record<string, unknown>, i: number, id?: string): ImportedFeature => ({
  ...(id ? { id } : {}),
  feature: i,
  geometry: { type: 'Point', coordinates: [120.1802 + i * 0.0001, 30.2602] },
  properties,
});

const result = (
  file: string,
  kind: ImportResult['kind'],
  features: ImportedFeature[],
): Pick<ImportResult, 'file' | 'kind' | 'features' | 'columns'> => ({
  file,
  kind,
  features,
});

describe('imported layers in the community model', () => {
  // AMap-style POIs: a kindergarten and a clinic told by name, a bank that is no facility of ours.
  const pois = result('pois.csv', 'points', [
    point({ name: '景和幼儿园', 类型: '科教文化服务;学校;幼儿园' }, 0, 'P1'),
    point({ name: '仁和诊所', 类型: '医疗保健服务;诊所;诊所' }, 1, 'P2'),
    point({ name: '工商银行', 类型: '金融保险服务;银行;中国工商银行' }, 2, 'P3'),
  ]);

  it('suggests facilities for points, a network for lines, a join for a table', () => {
    expect(suggestMapping(pois).target).toBe('facilities');
    expect(suggestMapping(result('roads.geojson', 'lines', [])).target).toBe('network');
    const table = { ...result('stats.csv', 'table', []), columns: ['楼号', '户数', '人口'] };
    expect(suggestMapping(table)).toEqual({ target: 'table', join: { rowKey: '楼号', buildingKey: 'name' } });
  });

  it('guesses categories per feature and reports the one it cannot tell, located', () => {
    const c = contributionOf(pois, { target: 'facilities' });
    expect(c.facilities.map((f) => [f.id, f.category])).toEqual([
      ['P1', 'kindergarten'],
      ['P2', 'health-station'],
    ]);
    // A clinic is the nearest category to a 社区卫生服务站, not the same thing.
    expect(c.approximate).toBe(1);
    expect(c.issues).toEqual([expect.objectContaining({ file: 'pois.csv', feature: 2, id: 'P3', field: 'category' })]);
  });

  it('takes the category from a column with the user’s choice per value, skipping values mapped to nothing', () => {
    const sites = result('sites.geojson', 'points', [
      point({ 类别: '托育点' }, 0, 'S1'),
      point({ 类别: '托育点' }, 1, 'S2'),
      point({ 类别: '仓库' }, 2, 'S3'),
    ]);
    expect(distinctValues(sites, '类别')).toEqual([
      { value: '托育点', count: 2 },
      { value: '仓库', count: 1 },
    ]);
    const c = contributionOf(sites, { target: 'facilities', categoryField: '类别', categoryByValue: { 托育点: 'nursery', 仓库: '' } });
    expect(c.facilities.map((f) => f.category)).toEqual(['nursery', 'nursery']);
    expect(c.issues).toEqual([]);
  });

  it('adds facilities after the community’s own, renaming clashing ids and saying so, and leaves the input untouched', () => {
    const base = community();
    const clash = result('more.geojson', 'points', [point({ name: '老年食堂' }, 0, 'F1')]);
    const { community: merged, issues } = withImportedData(base, [
      { result: pois, mapping: { target: 'facilities' } },
      { result: clash, mapping: { target: 'facilities' } },
    ]);
    expect(merged.facilities.map((f) => f.id)).toEqual(['F1', 'P1', 'P2', 'more:F1']);
    expect(merged.facilities[3].category).toBe('elderly-canteen');
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'more.geojson', id: 'F1', reason: expect.stringContaining('renamed to "more:F1"') }),
    );
    expect(base.facilities).toHaveLength(1);
    expect(merged.buildings).toBe(merged.buildings); // own buildings untouched and first
    expect(merged.buildings.map((b) => b.id)).toEqual(['B1', 'B2']);
  });

  it('maps polygons to complete buildings with the chosen columns, filling what imports never carry', () => {
    const polygons = result('census.geojson', 'buildings', [
      {
        feature: 0,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120.181, 30.26],
              [120.1811, 30.26],
              [120.1811, 30.2601],
              [120.181, 30.2601],
              [120.181, 30.26],
            ],
          ],
        },
        properties: { 编号: 'X1', 层数: '7层', 建成年代: '1990年代' },
      },
    ]);
    const c = contributionOf(polygons, { target: 'buildings', buildingFields: { id: '编号', floors: '层数', year: '建成年代' } });
    expect(c.buildings).toEqual([
      expect.objectContaining({ id: 'X1', floors: 7, heightMeters: 21, yearBuilt: 1990, use: 'residential', hasElevator: false }),
    ]);
  });

  it('joins a statistics table to buildings by name and lists rows that matched none', () => {
    const table = result('stats.csv', 'table', [
      { row: 2, geometry: null, properties: { 楼号: '1幢', 户数: '24', name: 'x' } },
      { row: 3, geometry: null, properties: { 楼号: '9幢', 户数: '30' } },
    ]);
    const joined = joinTableToBuildings(community(), table, { rowKey: '楼号', buildingKey: 'name' });
    expect(joined.matchedBuildings).toBe(1);
    // A table column called "name" does not overwrite the building's key.
    expect(joined.rows.get('B1')).toEqual({ 户数: '24', name: 'x' });
    expect(joined.unmatchedRows).toEqual([expect.objectContaining({ file: 'stats.csv', row: 3, id: '9幢' })]);
  });
});
