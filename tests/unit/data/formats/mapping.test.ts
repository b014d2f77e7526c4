import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { polygonAreaM2 } from '../../../../src/core/geo/localFrame';
import { readCityJson } from '../../../../src/data/formats/cityjson';
import { readCsv } from '../../../../src/data/formats/csv';
import { readGeoJson } from '../../../../src/data/formats/geojson';
import type { ImportedFeature } from '../../../../src/data/formats/importResult';
import {
  completeBuilding,
  guessBuildingFields,
  guessFacilityCategory,
  guessNetworkKind,
  joinTable,
  parseFloors,
  parseMeters,
  parseYear,
  readBuildingDrafts,
  readFacilities,
  readNetworkLines,
  useFromText,
  type BuildingDefaults,
} from '../../../../src/data/formats/mapping';
import { readShapefile } from '../../../../src/data/formats/shapefile';

const FIXTURES = path.resolve('tests/fixtures/formats');
const shapefileBuildings = () => {
  const dir = path.join(FIXTURES, 'buildings-4549');
  return readShapefile(new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(path.join(dir, n)))])));
};

const DEFAULTS: BuildingDefaults = {
  use: 'residential',
  yearBuilt: 1990,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'professional',
  idleStatus: 'in-use',
  floors: 3,
};

describe('building field mapping', () => {
  it('guesses Chinese survey columns, OSM tags and CityJSON attributes', () => {
    expect(guessBuildingFields(['幢编码', '名称', '层数', '高度', '建成年代', '用途'])).toEqual({
      id: '幢编码',
      name: '名称',
      floors: '层数',
      height: '高度',
      year: '建成年代',
      use: '用途',
    });
    expect(guessBuildingFields(['@id', 'building', 'building:levels', 'height', 'start_date', 'name'])).toEqual({
      id: '@id',
      name: 'name',
      floors: 'building:levels',
      height: 'height',
      year: 'start_date',
      use: 'building',
    });
    expect(guessBuildingFields(['measuredHeight', 'storeysAboveGround', 'yearOfConstruction', 'function'])).toEqual({
      height: 'measuredHeight',
      floors: 'storeysAboveGround',
      year: 'yearOfConstruction',
      use: 'function',
    });
    expect(guessBuildingFields(['JZGD', 'CS', 'JCND', 'FWYT'])).toEqual({ height: 'JZGD', floors: 'CS', year: 'JCND', use: 'FWYT' });
  });

  it('reads values the way they are typed in Chinese tables', () => {
    expect(parseMeters('12.5米')).toBe(12.5);
    expect(parseMeters('21 m')).toBe(21);
    expect(parseFloors('6层')).toBe(6);
    expect(parseFloors('地上18层')).toBe(18);
    expect(parseYear('1980年代')).toBe(1980);
    expect(parseYear('1998-05-01')).toBe(1998);
    expect(parseYear('不详')).toBe('不详');
    expect(useFromText('商住楼')).toBe('mixed');
    expect(useFromText('住宅')).toBe('residential');
    expect(useFromText('apartments')).toBe('residential');
    expect(useFromText('办公')).toBe('office');
    expect(useFromText('yes')).toBeUndefined();
  });

  it('drafts buildings from the GBK shapefile: B03’s two parts become B03-1 and B03-2', () => {
    const { drafts, issues } = readBuildingDrafts(shapefileBuildings());
    expect(issues).toEqual([]);
    expect(drafts.map((d) => [d.id, d.name, d.floors, d.heightMeters, d.yearBuilt, d.use])).toEqual([
      ['B01', '1幢', 6, 18.5, 1995, 'residential'],
      ['B02', '2幢（带天井）', 4, 12, 1980, 'mixed'],
      ['B03-1', '3幢', 2, undefined, 2003, 'office'],
      ['B03-2', '3幢', 2, undefined, 2003, 'office'],
    ]);
  });

  it('reports bad values with file, feature and column, and still keeps the footprint', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x1',
          properties: { 层数: 'six', 高度: '-3' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120.15, 30.25],
                [120.1501, 30.25],
                [120.1501, 30.2501],
                [120.15, 30.25],
              ],
            ],
          },
        },
      ],
    });
    const { drafts, issues } = readBuildingDrafts(readGeoJson(text, 'b.geojson'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0].floors).toBeUndefined();
    expect(issues.map((i) => [i.file, i.feature, i.id, i.field])).toEqual([
      ['b.geojson', 0, 'x1', '高度'],
      ['b.geojson', 0, 'x1', '层数'],
    ]);
  });

  it('completes a building: floors from height at 3 m per storey, area = footprint × floors', () => {
    const [b01, , b03] = readBuildingDrafts(shapefileBuildings()).drafts;
    const full = completeBuilding(b01, DEFAULTS);
    // 1幢 is 0.0003° × 0.0002° at 30.25°N ≈ 28.9 m × 22.2 m ≈ 641 m² (polygonAreaM2), × 6 floors ≈ 3,846 m².
    expect(full).toMatchObject({ id: 'B01', floors: 6, heightMeters: 18.5, use: 'residential', yearBuilt: 1995, cimLevel: 2 });
    expect(full.grossFloorAreaM2).toBe(Math.round(polygonAreaM2(b01.footprint) * 6));
    expect(full.grossFloorAreaM2).toBeGreaterThan(3800);
    expect(full.grossFloorAreaM2).toBeLessThan(3900);
    // B03 has floors 2 and no height: 2 × 3 m.
    expect(completeBuilding(b03, DEFAULTS).heightMeters).toBe(6);
    // OSM way/1002 has height "21" and no levels: round(21 / 3) = 7 floors.
    const osm = readBuildingDrafts(readGeoJson(readFileSync(path.join(FIXTURES, 'osm-overpass.geojson')), 'osm.geojson'));
    const way1002 = osm.drafts.find((d) => d.id === 'way/1002')!;
    expect(completeBuilding(way1002, DEFAULTS)).toMatchObject({ floors: 7, heightMeters: 21, yearBuilt: 1998 });
  });

  it('uses CityJSON geometric height when measuredHeight is absent', () => {
    const drafts = readBuildingDrafts(readCityJson(readFileSync(path.join(FIXTURES, 'two-buildings.city.json')), 'c.json')).drafts;
    expect(drafts.map((d) => [d.id, d.heightMeters, d.floors, d.yearBuilt, d.use])).toEqual([
      ['B1', 18, 6, 1995, 'residential'],
      ['B2-A', 12, 4, 2005, 'mixed'],
      ['B2-B', 6, 2, 2005, 'mixed'],
    ]);
  });
});

describe('facility categories', () => {
  it.each([
    [{ amenity: 'kindergarten' }, 'kindergarten', 'osm-tag', false],
    [{ amenity: 'childcare' }, 'nursery', 'osm-tag', false],
    [{ amenity: 'school', name: '景和小学' }, 'primary-school', 'osm-tag', false],
    [{ amenity: 'school', name: '景和初级中学' }, 'middle-school', 'osm-tag', false],
    [{ amenity: 'school' }, 'primary-school', 'osm-tag', true],
    [{ amenity: 'clinic', name: '景和社区卫生服务站' }, 'health-station', 'osm-tag', false],
    [{ amenity: 'doctors' }, 'health-station', 'osm-tag', true],
    // A pharmacy is a 便民商业网点 (完整社区 item 8), not a 社区卫生服务站.
    [{ amenity: 'pharmacy' }, 'convenience-shop', 'osm-tag', false],
    [{ amenity: 'hospital' }, null, null, null],
    [{ amenity: 'hospital', name: '景和街道社区卫生服务中心' }, 'community-health-centre', 'osm-tag', false],
    [{ amenity: 'school', name: '景和高级中学' }, null, null, null],
    [{ leisure: 'park' }, null, null, null],
    [{ leisure: 'sports_centre' }, 'sports-centre', 'osm-tag', false],
    [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'elderly-care', 'osm-tag', false],
    [{ amenity: 'community_centre', name: '景和社区党群服务中心' }, 'party-service-centre', 'osm-tag', false],
    [{ amenity: 'community_centre' }, 'community-service', 'osm-tag', true],
    [{ amenity: 'post_office' }, 'parcel', 'osm-tag', false],
    [{ amenity: 'parcel_locker' }, 'parcel', 'osm-tag', false],
    [{ shop: 'supermarket' }, 'grocery', 'osm-tag', false],
    [{ shop: 'greengrocer' }, 'grocery', 'osm-tag', false],
    [{ shop: 'convenience' }, 'convenience-shop', 'osm-tag', false],
    [{ leisure: 'fitness_station' }, 'fitness', 'osm-tag', false],
    [{ leisure: 'fitness_centre' }, 'fitness', 'osm-tag', false],
    [{ highway: 'bus_stop' }, 'bus-stop', 'osm-tag', false],
    [{ amenity: 'parking' }, 'parking', 'osm-tag', false],
    [{ amenity: 'charging_station' }, 'parking', 'osm-tag', false],
    [{ typecode: '141204', name: '某园' }, 'kindergarten', 'amap-typecode', false],
    [{ typecode: '141203' }, 'primary-school', 'amap-typecode', false],
    [{ typecode: '141202' }, 'middle-school', 'amap-typecode', true],
    [{ typecode: '060400' }, 'grocery', 'amap-typecode', false],
    [{ typecode: '150700' }, 'bus-stop', 'amap-typecode', false],
    [{ typecode: '150904' }, 'parking', 'amap-typecode', false],
    [{ type: '交通设施服务;公交车站;公交车站相关' }, 'bus-stop', 'amap-type', false],
    [{ type: '购物服务;超级市场;超市|购物服务;便民商店/便利店;便民商店/便利店' }, 'grocery', 'amap-type', false],
    [{ 名称: '景和社区卫生服务中心' }, 'community-health-centre', 'name', false],
    [{ 名称: '景和社区卫生服务站' }, 'health-station', 'name', false],
    [{ 名称: '景和社区老年食堂' }, 'elderly-canteen', 'name', false],
    [{ 名称: '夕阳红养老院' }, 'nursing-home', 'name', false],
    [{ 名称: '夕阳红日间照料中心' }, 'elderly-care', 'name', false],
    [{ name: '菜鸟驿站(景和店)' }, 'parcel', 'name', false],
    [{ name: '景和菜市场' }, 'grocery', 'name', false],
    [{ name: '景和花园物业服务中心' }, 'property-service', 'name', false],
    [{ name: '垃圾分类投放点' }, 'waste-sorting', 'name', false],
    [{ category: 'culture-station', name: '无关' }, 'culture-station', 'category-field', false],
  ] as const)('%j → %s via %s (approximate: %s)', (properties, category, via, approximate) => {
    expect(guessFacilityCategory(properties)).toEqual(category === null ? null : { category, via, approximate });
  });

  it('returns null when nothing tells the category (an OSM bench)', () => {
    expect(guessFacilityCategory({ amenity: 'bench' })).toBeNull();
  });

  it('reads facilities from the OSM fixture: area centroids for schools, the bench reported', () => {
    const result = readGeoJson(readFileSync(path.join(FIXTURES, 'osm-overpass.geojson')), 'osm.geojson');
    const points = { ...result, features: result.features.filter((f) => f.geometry?.type !== 'LineString' && !f.properties.building) };
    const { facilities, issues } = readFacilities(points);
    expect(facilities.map((f) => [f.facility.id, f.facility.category, f.facility.name])).toEqual([
      ['way/1003', 'primary-school', '景和小学'],
      ['node/2001', 'kindergarten', '景和幼儿园'],
      ['node/2002', 'elderly-care', '景和日间照料中心'],
      ['node/2003', 'bus-stop', '景和路口'],
      ['node/2004', 'convenience-shop', '便利店'],
    ]);
    // The school area 120.1810–120.1815 × 30.2690–30.2694: vertex-average centroid (120.18125, 30.2692).
    expect(facilities[0].facility.position[0]).toBeCloseTo(120.18125, 9);
    expect(facilities[0].facility.position[1]).toBeCloseTo(30.2692, 9);
    expect(issues).toEqual([
      {
        file: 'osm.geojson',
        feature: 7,
        id: 'node/2005',
        field: 'category',
        reason: 'no facility category could be told from the tags, type or name',
        message: { code: 'issue.mapping.noCategory' },
      },
    ]);
  });

  it('reads facilities from the GBK CSV by AMap type names and Chinese names', () => {
    const result = readCsv(readFileSync(path.join(FIXTURES, 'facilities-gbk.csv')), 'f.csv');
    expect(readFacilities(result).facilities.map((f) => [f.facility.category, f.match.via])).toEqual([
      ['kindergarten', 'amap-type'],
      ['health-station', 'amap-type'],
    ]);
  });
});

describe('network kinds', () => {
  it('maps OSM highway values to walking-network kinds', () => {
    expect(guessNetworkKind({ highway: 'footway' })).toBe('footway');
    expect(guessNetworkKind({ highway: 'footway', footway: 'crossing' })).toBe('crossing');
    expect(guessNetworkKind({ highway: 'steps' })).toBe('steps');
    expect(guessNetworkKind({ highway: 'residential' })).toBe('road');
    expect(guessNetworkKind({ highway: 'cycleway' })).toBe('path');
    expect(guessNetworkKind({ highway: 'bus_stop' })).toBeNull();
  });

  it('splits multilines into parts', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'w',
          properties: { highway: 'path' },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [120.15, 30.25],
                [120.151, 30.25],
              ],
              [
                [120.152, 30.25],
                [120.153, 30.25],
              ],
            ],
          },
        },
      ],
    });
    expect(readNetworkLines(readGeoJson(text, 'n.geojson')).lines.map((l) => [l.id, l.kind])).toEqual([
      ['w-1', 'path'],
      ['w-2', 'path'],
    ]);
  });
});

describe('joinTable', () => {
  const buildings: ImportedFeature[] = [
    { id: 'a', feature: 0, geometry: null, properties: { 幢编码: 'B01' } },
    { id: 'b', feature: 1, geometry: null, properties: { 幢编码: 'B02' } },
    { id: 'c', feature: 2, geometry: null, properties: { 幢编码: 12 } },
  ];

  it('joins rows by key, reports unmatched, empty and duplicate keys with their rows', () => {
    // stats.csv rows: 2 B01, 3 B09 (no such building), 4 "12" (matches the number 12), 5 B01 again, 6 empty key.
    const table = readCsv('幢编码,户数\nB01,24\nB09,3\n12,8\nB01,99\n,5\n', 'stats.csv');
    const result = joinTable(buildings, table.features, '幢编码', '幢编码', { tableFile: 'stats.csv' });
    expect(result.buildings.map((b) => b.properties['户数'])).toEqual(['24', undefined, '8']);
    expect(result.matchedBuildings).toBe(2);
    expect(result.buildingsWithoutRow).toEqual(['B02']);
    expect(result.unmatchedRows.map((i) => [i.row, i.reason])).toEqual([
      [3, 'no building with 幢编码 = "B09"'],
      [5, 'building "B01" already has a row; only the first row is joined'],
      [6, 'empty key'],
    ]);
    // The input is not modified.
    expect(buildings[0].properties).toEqual({ 幢编码: 'B01' });
  });

  it('can prefix joined columns and join on the feature id', () => {
    const table = readCsv('bid,人口\na,61\n', 'p.csv');
    const result = joinTable(buildings, table.features, 'id', 'bid', { prefix: 'stat_' });
    expect(result.buildings[0].properties).toEqual({ 幢编码: 'B01', stat_人口: '61' });
  });
});
