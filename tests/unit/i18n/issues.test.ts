import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError, formatDataIssue, type DataIssue, type Reason } from '../../../src/core/errors';
import { detectCrs, detectCrsFromWkt, guessCrsFromCoordinates } from '../../../src/core/geo/crs';
import { checkRingSimple } from '../../../src/data/formats/selfIntersection';
import { readCsv } from '../../../src/data/formats/csv';
import { readDbf } from '../../../src/data/formats/dbf';
import { readShapefile } from '../../../src/data/formats/shapefile';
import { readBuildingDrafts } from '../../../src/data/formats/buildingMapping';
import { readFacilities } from '../../../src/data/formats/facilityMapping';
import { featureCollectionFromUrl, readFirstOnly, type FetchLike } from '../../../src/data/formats/featuresFromUrl';
import { importFiles } from '../../../src/data/formats/index';
import { type ImportError, type ImportResult } from '../../../src/data/formats/importResult';
import { joinTable } from '../../../src/data/formats/joinTable';
import { readNetworkLines } from '../../../src/data/formats/networkMapping';
import { decodeText } from '../../../src/data/formats/text';
import { readCityDataset } from '../../../src/data/city/readCityDataset';
import { FieldReader } from '../../../src/data/package/fieldReader';
import {
  parseBuildings,
  parseFacilities,
  parseNetwork,
  parsePeople,
  parseResidentStats,
  RESIDENT_STATS_COLUMNS,
} from '../../../src/data/package/layers';
import { parseManifest } from '../../../src/data/package/manifest';
import { checkReferences, parsePackageIndex, readCommunityPackage } from '../../../src/data/package/readPackage';
import { parseStoryboard, type StoryboardError } from '../../../src/data/tour/storyboard';
import { localizeError, localizeIssue, localizeReason, localizeStoryboardIssue } from '../../../src/i18n/issues';

const text = (s: string) => strToU8(s);
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/formats', name)));
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

/** A shapefile of the given records: [shape type, content after the type]; the last record can be cut short. */
function shapefile(records: [number, number[]][], cutLast = false): Uint8Array {
  const parts = records.map(([type, doubles]) => {
    const content = new DataView(new ArrayBuffer(4 + doubles.length * 8));
    content.setInt32(0, type, true);
    doubles.forEach((d, i) => content.setFloat64(4 + i * 8, d, true));
    return new Uint8Array(content.buffer);
  });
  const length = 100 + parts.reduce((sum, p) => sum + 8 + p.length, 0);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  let at = 100;
  parts.forEach((p, i) => {
    view.setInt32(at, i + 1, false);
    view.setInt32(at + 4, p.length / 2, false);
    bytes.set(p, at + 8);
    at += 8 + p.length;
  });
  return cutLast ? bytes.subarray(0, length - 4) : bytes;
}

/** Polyline content (after the shape type) from raw ints written as doubles is awkward; parts and points as little-endian ints. */
function polyline(numParts: number, numPoints: number, starts: number[]): number[] {
  const view = new DataView(new ArrayBuffer(32 + 8 + starts.length * 4 + numPoints * 16));
  view.setInt32(32, numParts, true);
  view.setInt32(36, numPoints, true);
  starts.forEach((s, i) => view.setInt32(40 + 4 * i, s, true));
  return Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** Everything located a batch holds: failures, and the skipped, repaired and warned-about features of its results. */
function issuesOfBatch(files: Record<string, Uint8Array>, options: Parameters<typeof importFiles>[1] = {}): (DataIssue | Reason)[] {
  const batch = importFiles(new Map(Object.entries(files)), options);
  return [
    ...batch.failures.flatMap((f) => f.issues),
    ...batch.results.flatMap((r) => [...r.skipped, ...r.repaired, ...(r.warnings ?? []), r.crs]),
  ];
}

function issuesThrown(run: () => unknown): DataIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error.issues;
    throw error;
  }
  return [];
}

/** Issues that readers and validators a user meets in the browser produce from broken input. */
async function corpus(): Promise<(DataIssue | Reason)[]> {
  const square = [
    [
      [120.15, 30.25],
      [120.151, 30.25],
      [120.151, 30.251],
      [120.15, 30.251],
      [120.15, 30.25],
    ],
  ];
  const bowtie = [
    [
      [120.15, 30.25],
      [120.151, 30.251],
      [120.151, 30.25],
      [120.15, 30.251],
      [120.15, 30.25],
    ],
  ];
  const brokenFeatures = collection(
    feature(null),
    feature({ type: 'GeometryCollection', geometries: [] }),
    feature({ type: 'Circle', coordinates: [1, 2] }),
    feature({ type: 'Point', coordinates: [] }),
    feature({ type: 'Point', coordinates: ['120.1', 30.2] }),
    feature({ type: 'Point', coordinates: [1] }),
    feature({ type: 'Point', coordinates: [220, 30.2] }),
    feature({ type: 'Polygon', coordinates: [square[0].slice(0, 4)] }),
    feature({
      type: 'Polygon',
      coordinates: [
        [
          [120.15, 30.25],
          [120.151, 30.25],
          [120.15, 30.25],
        ],
      ],
    }),
    feature({ type: 'Polygon', coordinates: bowtie }),
    feature({ type: 'MultiPolygon', coordinates: [square, []] }),
    feature({ type: 'MultiPolygon', coordinates: [square, 7] }),
    feature({ type: 'MultiLineString', coordinates: [[[120.15, 30.25]]] }),
    feature({ type: 'LineString', coordinates: 'x' }),
    { type: 'Thing' },
    'not a feature',
  );
  const cityObject = (geometry: unknown[]) =>
    JSON.stringify({
      type: 'CityJSON',
      version: '2.0',
      transform: { scale: [1, 1, 1], translate: [0, 0, 0] },
      CityObjects: { b1: { type: 'Building', geometry } },
      vertices: [[0, 0, 0]],
    });
  const issues: (DataIssue | Reason)[] = [
    ...issuesOfBatch({
      'broken.geojson': text('{"type": "FeatureCollection", "features": ['),
      'syntax.geojson': text('{"type": "FeatureCollection", "features": [}]}'),
      'binary.geojson': new Uint8Array([123, 0, 1, 2]),
      'latin1.geojson': new Uint8Array([123, 0xe9, 0xe9, 125]),
      'empty.geojson': new Uint8Array(0),
      'blank.geojson': text('   \n'),
      'array.geojson': text('[1, 2]'),
      'number.geojson': text('{"type": "FeatureCollection", "features": 3}'),
      'city.geojson': text('{"type": "CityJSON"}'),
      'overpass.geojson': text('{"elements": []}'),
      'topology.geojson': text('{"type": "Topology"}'),
      'features.geojson': text(brokenFeatures),
      'declared.geojson': text(
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'EPSG:2385' } },
          features: [feature({ type: 'Point', coordinates: [1, 2] })],
        }),
      ),
      'odd.geojson': text(
        JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'my grid' } }, features: [] }),
      ),
      'a.csv': text('name,lon,lat\nA,120.1,30.2\nB,,30.2\nC,abc,30.2\nE,120.1,95\n"D,120,30\n'),
      'grid.csv': text('x,y\n1234.5,5678.9\n'),
      'nothing.csv': text('\n\n'),
      'empty.csv': text(''),
      'roads.dbf': new Uint8Array(40),
      'bad.shp': new Uint8Array(100),
      'short.shp': new Uint8Array(10),
      'lonely/buildings.shp': fixture('buildings-4549/buildings.shp'),
      'x.zip': text('PK not a zip'),
      'map.kml': text('<kml/>'),
      'a.city.json': text('{"type": "FeatureCollection"}'),
      'b.city.json': text('{"type": "CityJSON"}'),
      'c.city.json': text('{"type": "CityJSON", "CityObjects": {}}'),
      'other.city.json': text('{"type": "Other"}'),
      'd.city.json': text(cityObject([])),
      'e.city.json': text(cityObject([{ type: 'MultiSurface', lod: 1, boundaries: [[[0, 5, 0]]] }])),
      'f.city.json': text(cityObject([{ type: 'MultiSurface', lod: 1, boundaries: 3 }])),
    }),
    ...issuesOfBatch({ 'parts.zip': zipSync({ 'roads.shx': new Uint8Array(8) }) }),
    ...issuesOfBatch({
      'points.csv': text(
        `name,lon,lat\n${Array.from({ length: 20 }, (_, i) => `P${i},120.1,30.${i}`).join('\n')}\nB,,30.2\nC,abc,30.2\nD,120.1,-95\n`,
      ),
      'amap.csv': text(
        'name,location\nA,"120.1,30.2"\nB,"120.1,30.2"\nC,"120.1,30.2"\nD,"120.1,30.2"\nE,"120.1,30.2"\nF,"120.1,30.2"\nG,"120.1,30.2"\nH,"120.1,30.2"\nI,"120.1,30.2"\nJ,"120.1,30.2"\nK,"120.1,95"\n',
      ),
      'gcj.csv': text('gcj_lng,gcj_lat\n120.1,30.2\n'),
      'stats.csv': text('楼号,户数\n1幢,48\n'),
      'header.csv': text(',,\n1,2,3\n'),
      'good.geojson': text(
        collection(
          feature({ type: 'Point', coordinates: [120.1, 30.2] }),
          feature(3),
          feature({ type: 'MultiLineString', coordinates: [3] }),
          feature({
            type: 'LineString',
            coordinates: [
              [120.1, 30.2],
              [120.1, 30.2],
            ],
          }),
          feature({ type: 'MultiPoint', coordinates: [['a', 1]] }),
          feature({ type: 'Polygon', coordinates: [[[120.1, 30.2], [1]]] }),
        ),
      ),
      'synthetic.shp': shapefile(
        [
          [1, [120.1, 30.2]],
          [1, [Number.NaN, 30.2]],
          [0, []],
          [31, []],
          [99, []],
          [1, []],
          [3, polyline(0, 0, [])],
          [3, polyline(1, 2, [5])],
          [1, [120.1, 30.2]],
        ],
        true,
      ),
    }),
    ...issuesOfBatch(
      { 'chosen.geojson': text(collection(feature({ type: 'Point', coordinates: [120.1, 30.2] }))) },
      { sourceCrs: 'EPSG:4326' },
    ),
  ];
  const cityVertices = [
    [500000, 3350000, 0],
    [500010, 3350000, 0],
    [500010, 3350010, 0],
    [500000, 3350010, 0],
    [500000, 3350000, 10],
    [500010, 3350000, 10],
    [500005, 3350005, 0],
    [null, 3350000, 0],
  ];
  const flat = [[[0, 1, 2, 3]]];
  issues.push(
    ...issuesOfBatch({
      'g.city.json': text(
        JSON.stringify({
          type: 'CityJSON',
          version: '1.1',
          metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/4549' },
          CityObjects: Object.fromEntries(
            [
              [],
              [{ type: 'MultiSurface', lod: 1, boundaries: 3 }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [[[99]]] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [[3]] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [5] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [[[7, 1, 2]]] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [...flat, [[0, 1, 6]], [[0, 1, 5, 4]]] }],
              [{ type: 'MultiSurface', lod: 1, boundaries: [[[0, 1, 5, 4]], [[1, 2, 5]]] }],
            ].map((geometry, i) => [`b${i}`, { type: 'Building', geometry }]),
          ),
          vertices: cityVertices,
        }),
      ),
    }),
  );
  const comb: [number, number][] = [];
  for (let i = 0; i < 400; i++) comb.push(i % 2 === 0 ? [0, i] : [100, i]);
  comb.push([-1, 399], [-1, 0], [0, 0]);
  const unchecked = checkRingSimple(comb, 1000);
  if (unchecked.kind === 'unchecked') issues.push(unchecked);
  for (const run of [
    () => readCsv(text('a,b\n1,2\n'), 'cols.csv', { xColumn: 'x', yColumn: 'b' }),
    () => readShapefile(new Map([['a.dbf', new Uint8Array(40)]])),
    () => readShapefile(new Map([['a.shp', shapefile([[1, [120.1, 30.2]]])]]), { layer: 'roads' }),
  ]) {
    try {
      run();
    } catch (error) {
      issues.push(...(error as ImportError).issues);
    }
  }
  const dbfBytes = fixture('buildings-4549/buildings.dbf');
  const deleted = dbfBytes.slice();
  deleted[new DataView(deleted.buffer).getUint16(8, true)] = 0x2a;
  for (const dbf of [dbfBytes.subarray(0, dbfBytes.length - 30), deleted])
    issues.push(
      ...(readShapefile(
        new Map([
          ['buildings.shp', fixture('buildings-4549/buildings.shp')],
          ['buildings.dbf', dbf],
        ]),
      ).warnings ?? []),
    );

  for (const run of [
    () => decodeText(text('a'), 'a.txt', { legacyFallback: true, encoding: 'klingon' }),
    () => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff]), 'bom.txt', { legacyFallback: true }),
    () => decodeText(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x81 : 0x01))), 'garbage.csv', { legacyFallback: true }),
    () => readDbf(new Uint8Array(10), 'a.dbf', 'utf-8'),
    () => readDbf(new Uint8Array(40), 'b.dbf', 'utf-8'),
  ]) {
    try {
      run();
    } catch (error) {
      issues.push(...(error as ImportError).issues);
    }
  }
  const dbf = new Uint8Array(65);
  new DataView(dbf.buffer).setUint16(8, 65, true);
  new DataView(dbf.buffer).setUint16(10, 2, true);
  dbf.set(text('NAME'), 32);
  dbf[32 + 11] = 'C'.charCodeAt(0);
  dbf[32 + 16] = 10;
  dbf[64] = 0x0d;
  issues.push(...issuesThrown(() => readDbf(dbf, 'c.dbf', 'utf-8')));

  // Coordinate systems, including those never shown as a failure.
  for (const detection of [
    guessCrsFromCoordinates([]),
    guessCrsFromCoordinates([[120.1, 30.2]]),
    guessCrsFromCoordinates([[3_350_000, 40_500_000]]),
    guessCrsFromCoordinates([[500_000, 3_350_000]]),
    guessCrsFromCoordinates([[13_375_000, 3_537_000]]),
    guessCrsFromCoordinates([[39_500_000, 3_350_000]]),
    guessCrsFromCoordinates([[1, 1]]),
    detectCrs({ name: 'EPSG:4549', samples: [[3_350_000, 500_000]] }),
    detectCrs({ name: 'EPSG:4549', samples: [[120.1, 30.2]] }),
    detectCrs({ name: 'EPSG:4326', samples: [[1, 1]] }),
    detectCrsFromWkt('not wkt'),
    detectCrsFromWkt(
      'PROJCS["Beijing_1954_3_Degree_GK_CM_120E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954"]],PROJECTION["Gauss_Kruger"]]',
    ),
    detectCrsFromWkt(
      'PROJCS["x",GEOGCS["y",DATUM["D_China_2000"]],PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",120],PARAMETER["False_Easting",500000]]',
    ),
    detectCrsFromWkt('GEOGCS["y",DATUM["D_China_2000"]]'),
    detectCrsFromWkt('GEOGCS["y",DATUM["WGS_1984"]]'),
    detectCrsFromWkt('PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["g"]]'),
    detectCrsFromWkt('PROJCS["x",GEOGCS["g"],AUTHORITY["EPSG","4549"]]'),
    detectCrsFromWkt('PROJCS["Lambert",GEOGCS["g",DATUM["D_China_2000"]],PROJECTION["Lambert"],AUTHORITY["EPSG","9999"]]'),
  ])
    issues.push(detection);

  // Community package, city list and storyboard validation.
  issues.push(...issuesThrown(() => parseManifest([])));
  issues.push(
    ...issuesThrown(() =>
      parseManifest({
        format: 'x',
        formatVersion: '9',
        id: 'A B',
        name: 'x',
        communityType: 'big',
        crs: 4326,
        centre: [1],
        boundary: [[[1, 2]]],
        dataDate: '2024',
        attribution: [{}],
        layers: { buildings: '../b.geojson', base: 3 },
        synthetic: 3,
        camera: { lon: 200, lat: 'x', heightMeters: 0 },
        survey: { date: 'x', respondents: 1.5, satisfiedShare: 2, byScenario: 3 },
        context: [{}],
      }),
    ),
    ...issuesThrown(() => parseManifest({ attribution: [], layers: 3, context: 3, boundary: [], street: 3 })),
  );
  const packageIssues: DataIssue[] = [];
  parseBuildings('{', 'b.geojson', packageIssues);
  parseBuildings('{"type": "Feature"}', 'c.geojson', packageIssues);
  parseBuildings(
    collection(
      feature({ type: 'Point', coordinates: [1, 2] }, { id: 'B1' }),
      feature(null),
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      }),
      feature({ type: 'Polygon', coordinates: 3 }),
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [999, 2],
          ],
        ],
      }),
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [1, 3],
          ],
        ],
      }),
      feature({ type: 'Polygon', coordinates: [3] }),
      feature(
        { type: 'Polygon', coordinates: square },
        { id: 3, floors: 'x', heightMeters: 0, use: 'x', yearBuilt: 1.5, hasElevator: 'x', name: [1] },
      ),
      feature({ type: 'Polygon', coordinates: square }, { id: {}, floors: 300, structure: null, idleStatus: 'x' }),
    ),
    'd.geojson',
    packageIssues,
  );
  parseFacilities(collection(feature({ type: 'Point', coordinates: [999, 1] }, { id: 'F1' })), 'f.geojson', packageIssues);
  parseNetwork(
    collection(
      feature({ type: 'LineString', coordinates: [[1, 2]] }),
      feature({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [999, 2],
        ],
      }),
    ),
    'n.geojson',
    packageIssues,
  );
  parsePeople('id,houseId,ageBand,sex,tags\nP1,H1,x,x,a|b\n"P2,H1\n', 'people.csv', packageIssues);
  parsePeople('id\nP1\n', 'people2.csv', packageIssues);
  // Resident statistics: one row whose residents do not add up, one with more elderly above the 3rd floor than elderly.
  const statsRow = (residents: number, elderlyAbove: number) =>
    ['B1', residents, 0, 0, 0, 0, 0, 5, 2, 0, 0, 2, elderlyAbove, 0, 3, 0, 0, 0, 0, 2, 1, 1, 0, 0, 0].join(',');
  parseResidentStats(`${RESIDENT_STATS_COLUMNS.join(',')}\n${statsRow(8, 1)}\n${statsRow(7, 3)}\n`, 'resident-stats.csv', packageIssues);
  issues.push(...packageIssues);
  issues.push(
    ...checkReferences({
      manifest: {
        layers: {
          buildings: 'b.geojson',
          houses: 'h.csv',
          rights: 'r.csv',
          people: 'p.csv',
          facilities: 'f.geojson',
          network: 'n.geojson',
          reuse: 'u.geojson',
        },
      },
      buildings: [{ id: 'B1' }, { id: 'B1' }],
      houses: [{ id: 'H1', buildingId: 'B9' }],
      rights: [{ id: 'R1', houseId: 'H9' }],
      people: [],
      residentStats: [{ buildingId: 'B8' }],
      facilities: [],
      network: [],
      reuse: [],
    } as never),
    ...issuesThrown(() => parsePackageIndex({ packages: [3] })),
    ...issuesThrown(() => parsePackageIndex({})),
    ...issuesThrown(() => parseManifest({ layers: { grids: '../g.geojson' } })),
  );
  const record: DataIssue[] = [];
  const reader = new FieldReader({ a: 'x', b: '0', c: 'maybe', d: 'x', e: '7', f: [1] }, { file: 'r.csv', row: 17 }, record, true);
  reader.integer('a', { min: 1, max: 200 });
  reader.number('b', { above: 0, max: 10, min: -5 });
  reader.number('e', { min: 10 });
  reader.boolean('c');
  reader.oneOf('d', ['x1', 'x2']);
  reader.oneOf('missing', ['x1', 'x2']);
  reader.string('f');
  reader.number('missing');
  issues.push(...record);
  const packageFiles: Record<string, string> = { 'manifest.json': '{' };
  const read = async (p: string) => {
    if (p in packageFiles) return packageFiles[p];
    throw new Error('HTTP 404');
  };
  await readCommunityPackage(read).catch((e: DataError) => issues.push(...e.issues));
  delete packageFiles['manifest.json'];
  await readCommunityPackage(read).catch((e: DataError) => issues.push(...e.issues));

  issues.push(...issuesThrown(() => readCityDataset([])));
  issues.push(
    ...issuesThrown(() =>
      readCityDataset({
        format: 'x',
        formatVersion: '9',
        city: 3,
        asOf: '2024',
        synthetic: 3,
        sources: [3],
        districts: [
          { id: 'A', name: { zh: 'x' }, centre: [1, 2], urbanCommunities: 1 },
          { id: 'b', name: { zh: '北', en: 'B' }, centre: 3, urbanCommunities: 1 },
          { id: 'b', name: { zh: '北', en: 'B' }, urbanCommunities: 1 },
          3,
        ],
        communities: [
          { id: 'c', district: 'z', status: 'building', yearAccepted: 2020, scores: 3, package: '../x' },
          { id: 'c', district: 'b', status: 'x', scores: { overall: 200 } },
        ],
      }),
    ),
    ...issuesThrown(() => readCityDataset({ districts: 3, sources: 3, communities: 3 })),
    ...issuesThrown(() => {
      const community = (id: string, extra: Record<string, unknown> = {}) => ({
        id,
        name: { zh: '社区', en: 'Community' },
        district: 'd',
        street: { zh: '街道', en: 'Street' },
        position: [120.1, 30.2],
        status: 'created',
        type: 'puhui',
        renewal: 'renewal',
        yearCreated: 2020,
        scores: { overall: 50 },
        ...extra,
      });
      const dataset = {
        format: 'fct-city-communities',
        formatVersion: '1.0',
        city: { zh: '杭州', en: 'Hangzhou' },
        asOf: '2024-01-01',
        districts: [{ id: 'd', name: { zh: '区', en: 'District' }, centre: [120.1, 30.2], urbanCommunities: 1 }],
        communities: [community('c1'), community('c2')],
      };
      issues.push(...issuesThrown(() => readCityDataset({ ...dataset, communities: [community('c3', { scores: undefined })] })));
      readCityDataset(dataset);
    }),
  );

  const vocabulary = { scenarioIds: ['health', 'education'], layerIds: ['facilities', 'network'] };
  const storyboardIssues = (json: unknown) => {
    try {
      parseStoryboard(json, vocabulary, 'tour.json');
    } catch (error) {
      return (error as StoryboardError).issues.map((i) => ({ ...i, file: 'tour.json' }));
    }
    return [];
  };
  issues.push(
    ...storyboardIssues([]),
    ...storyboardIssues({
      format: 'x',
      version: 2,
      id: '../x',
      title: 3,
      community: '../',
      defaultDwellSeconds: 0,
      description: 3,
      steps: [],
      extra: 1,
    }),
    ...storyboardIssues({
      steps: [
        3,
        {
          scenario: 'helth',
          caption: { zh: '', en: 'x'.repeat(500), fr: 'x' },
          layers: ['roofs', 'facilities', 'facilities'],
          camera: { lon: 999, x: 1 },
          note: 3,
          dwell: 1,
        },
        { caption: 3, layers: 3, camera: 3 },
      ],
    }),
    ...storyboardIssues({ steps: Array.from({ length: 501 }, () => ({ scenario: null })) }),
  );

  // Mapping an import onto the community, and joining a table.
  const result = (features: ImportResult['features']): ImportResult => ({
    file: 'm.geojson',
    kind: 'polygons',
    sourceCrs: 'EPSG:4326',
    crs: { crs: 'EPSG:4326', confidence: 'declared', axisOrder: 'east-north', reason: '' },
    axesSwapped: false,
    features,
    skipped: [],
    repaired: [],
  });
  const point = { type: 'Point' as const, coordinates: [120.15, 30.25] as [number, number] };
  const polygon = { type: 'Polygon' as const, coordinates: square as [number, number][][] };
  issues.push(
    ...readBuildingDrafts(
      result([
        { feature: 0, geometry: point, properties: {} },
        { feature: 1, id: 'X', geometry: polygon, properties: { floors: '0' } },
        { feature: 2, id: 'X', geometry: polygon, properties: {} },
      ]),
    ).issues,
    ...readFacilities(
      result([
        { feature: 0, geometry: null, properties: {} },
        { feature: 1, geometry: point, properties: { name: '某物' } },
      ]),
    ).issues,
    ...readNetworkLines(
      result([
        { feature: 0, geometry: point, properties: {} },
        {
          feature: 1,
          geometry: {
            type: 'LineString',
            coordinates: [
              [120.1, 30.2],
              [120.2, 30.2],
            ],
          },
          properties: {},
        },
      ]),
    ).issues,
    ...joinTable(
      [{ id: 'B1', properties: { 楼号: '1幢' } }],
      [
        { row: 2, properties: {} },
        { row: 3, properties: { 楼号: '9幢' } },
        { row: 4, properties: { 楼号: '1幢' } },
        { row: 5, properties: { 楼号: '1幢' } },
      ],
      '楼号',
      '楼号',
      { tableFile: 's.csv' },
    ).unmatchedRows,
    { file: 'https://example.org/f', ...readFirstOnly(1000) },
  );

  // Reading from a URL.
  const answer =
    (status: number, body: string): FetchLike =>
    async () => ({ ok: status === 200, status, text: async () => body });
  for (const fetchImpl of [
    answer(404, 'null'),
    (async () => {
      throw new TypeError('Failed to fetch');
    }) as FetchLike,
    answer(200, '<html>'),
    answer(200, JSON.stringify({ type: 'Collection' })),
    answer(200, JSON.stringify({ type: 'FeatureCollection', features: 3 })),
  ])
    await featureCollectionFromUrl('https://example.org/f', fetchImpl).catch((e: ImportError) => issues.push(...e.issues));
  return issues;
}

describe('issue messages', () => {
  it('say in English exactly what the reason says, for every issue the readers and validators produce', async () => {
    const issues = await corpus();
    const withMessage = issues.filter((i) => i.message);
    // Every one carries a message, and the corpus reaches most of the message codes.
    expect(withMessage.length).toBeGreaterThan(200);
    expect(issues.filter((i) => !i.message && i.reason !== '').map((i) => i.reason)).toEqual([]);
    const codes = new Set(withMessage.map((i) => i.message!.code));
    expect(codes.size).toBeGreaterThan(170);
    for (const issue of withMessage) expect(localizeReason(issue, 'en'), issue.message!.code).toBe(issue.reason);
    for (const issue of issues.filter((i): i is DataIssue => 'file' in i)) expect(localizeIssue(issue, 'en')).toBe(formatDataIssue(issue));
  });

  it('say the same in Chinese, with every placeholder filled and no key left untranslated', async () => {
    for (const issue of await corpus()) {
      const zh = localizeReason(issue, 'zh-CN');
      expect(zh, issue.reason).not.toMatch(/\{\w+\}|issue\./);
      expect(zh, issue.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('turn a broken GeoJSON into a fully Chinese line in zh-CN (only the file name stays as it is)', () => {
    const { failures } = importFiles(
      new Map([
        ['破损.geojson', text('{"type": "FeatureCollection", "features": [')],
        ['syntax.geojson', text('{"type": "FeatureCollection", "features": [}]}')],
        ['buildings.geojson', text(collection(feature({ type: 'Point', coordinates: [1234.5, 5678.9] }), feature(null)))],
      ]),
    );
    const lines = failures.map((f) => localizeIssue(f.issues[0], 'zh-CN'));
    expect(lines[0]).toBe('破损.geojson：内容不完整：JSON 在第 1 行第 44 列意外结束（偏移 43）');
    expect(lines[1]).toMatch(/^syntax\.geojson：不是有效的 JSON：第 1 行第 \d+ 列有语法错误（偏移 \d+）$/);
    // An unknown coordinate system: the reason and the detection both in Chinese.
    expect(lines[2]).toBe(
      'buildings.geojson：坐标系：坐标不符合任何受支持的国内坐标系（是否为城市独立坐标系，或混用了多种坐标系？）；请选择坐标系后再导入',
    );
    for (const [i, line] of lines.entries()) {
      const words = line.replace(failures[i].issues[0].file, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(words.filter((w) => w !== 'JSON')).toEqual([]);
    }
    // The same in English is the reason as the CLIs print it.
    expect(localizeIssue(failures[0].issues[0], 'en')).toBe(
      '破损.geojson: is truncated: the JSON ends unexpectedly at line 1, column 44 (offset 43)',
    );
    expect(localizeIssue(failures[1].issues[0], 'en')).toMatch(
      /^syntax\.geojson: is not valid JSON at line 1, column \d+ \(offset \d+\): \S/,
    );
  });

  it('locate a field of a CSV row in either language', () => {
    const issues: DataIssue[] = [];
    new FieldReader({ floors: 'x' }, { file: 'b.csv', row: 17, id: 'JH-B012' }, issues, true).integer('floors', { min: 1, max: 200 });
    expect(localizeIssue(issues[0], 'zh-CN')).toBe('b.csv，第 17 行，编号 "JH-B012"，字段 "floors"：应为整数（≥ 1 且 ≤ 200），实际为 "x"');
    expect(localizeIssue(issues[0], 'en')).toBe('b.csv, row 17, (id "JH-B012"), field "floors": must be an integer ≥ 1 and ≤ 200, got "x"');
  });

  it('name a geometry place as a GIS user says it', async () => {
    const issues = issuesOfBatch({
      'p.geojson': text(
        collection(
          feature({
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [120.15, 30.25],
                  [120.151, 30.25],
                  [120.15, 30.25],
                  [120.2, 'x'],
                ],
              ],
            ],
          }),
        ),
      ),
    });
    expect(issues[0].reason).toBe('polygon 0, ring 0, position 3: coordinate is not a number (120.2, "x")');
    expect(localizeIssue(issues[0] as DataIssue, 'zh-CN')).toBe('p.geojson，要素 0：多边形 0 的环 0 的位置 3：坐标不是数字（120.2, "x"）');
  });

  it('leave an issue without a message in English, as it was', () => {
    expect(localizeIssue({ file: 'x.json', reason: 'something odd' }, 'zh-CN')).toBe('x.json：something odd');
  });

  it('show a storyboard error line by line, with the step counted from 1', () => {
    let error: unknown;
    try {
      parseStoryboard(
        { format: 'x', version: 1, id: 'a', title: { zh: '甲', en: 'A' }, steps: [{ scenario: null, caption: { zh: '', en: 'x' } }] },
        { scenarioIds: [], layerIds: [] },
        'tour.json',
      );
    } catch (e) {
      error = e;
    }
    expect(localizeError(error, 'zh-CN')).toBe(
      [
        'tour.json：故事板中有 2 处问题',
        '字段 "format"：应为 "future-community-twin/storyboard"，实际为 "x"',
        '第 1 步（steps[0]），字段 "caption.zh"：应为非空字符串',
      ].join('\n'),
    );
    expect(localizeError(error, 'en')).toBe((error as Error).message);
    expect(localizeStoryboardIssue({ step: 1, field: 'caption.zh', reason: 'must be a non-empty string' }, 'en')).toBe(
      'step 2 (steps[1]), field "caption.zh": must be a non-empty string',
    );
  });

  it('show a DataError as its located issues, anything else as its message', () => {
    const error = new DataError([
      { file: 'models/index.json', field: 'packages', reason: 'lists no community', message: { code: 'issue.package.noCommunity' } },
    ]);
    expect(localizeError(error, 'zh-CN')).toBe('models/index.json，字段 "packages"：没有列出任何社区');
    expect(localizeError(new Error('offline'), 'zh-CN')).toBe('offline');
  });
});
