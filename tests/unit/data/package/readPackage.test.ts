import { describe, expect, it } from 'vitest';
import { formatDataIssue } from '../../../../src/core/errors';
import { readCommunityPackage, type ReadText } from '../../../../src/data/package/readPackage';
import { dataIssuesOfAsync } from '../../support/dataIssues';
import { loadSampleCommunity } from '../../support/samplePackage';

/** A minimal valid package, built fresh for every test (no shared mutable fixtures). */
function tinyPackage(): Record<string, string> {
  const ring = [
    [120.18, 30.26],
    [120.181, 30.26],
    [120.181, 30.261],
    [120.18, 30.261],
    [120.18, 30.26],
  ];
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const polygon = (properties: object) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });
  return {
    'manifest.json': JSON.stringify({
      format: 'fct-community-package',
      formatVersion: '1.0',
      id: 'tiny',
      name: { zh: '小样', en: 'Tiny' },
      district: { zh: '上城区', en: 'Shangcheng' },
      communityType: 'puhui',
      renewalType: 'renewal',
      crs: 'EPSG:4326',
      centre: [120.1805, 30.2605],
      boundary: [ring],
      attribution: [{ text: 'test' }],
      dataDate: '2026-06-30',
      layers: {
        buildings: 'buildings.geojson',
        houses: 'houses.csv',
        rights: 'rights.csv',
        people: 'people.csv',
        facilities: 'facilities.geojson',
        network: 'network.geojson',
        reuse: 'reuse-spaces.geojson',
        base: 'base.geojson',
      },
    }),
    'buildings.geojson': fc([
      polygon({
        id: 'B1',
        floors: 6,
        heightMeters: 18,
        use: 'residential',
        yearBuilt: 1988,
        structure: 'brick-concrete',
        hasElevator: false,
        propertyManagement: 'government-backstop',
        idleStatus: 'in-use',
        grossFloorAreaM2: 4200,
        entrances: 3,
      }),
    ]),
    'houses.csv':
      'id,buildingId,entrance,floor,room,areaM2,use,occupancy\nH1,B1,1,1,0101,58.5,residential,owner-occupied\nH2,B1,1,2,0201,58.5,residential,vacant\n',
    'rights.csv': 'id,houseId,rightType,holderRef,share\nR1,H1,property,X1,1\nR2,H2,public-housing,X2,1\n',
    'people.csv': 'id,houseId,ageBand,sex,tags\nP1,H1,60-69,F,\nP2,H1,80+,M,living-alone-elderly|disability\n',
    'facilities.geojson': fc([
      {
        type: 'Feature',
        properties: { id: 'F1', category: 'kindergarten', name: '幼儿园', capacity: 90, capacityUnit: 'places' },
        geometry: { type: 'Point', coordinates: [120.1805, 30.2605] },
      },
    ]),
    'network.geojson': fc([
      {
        type: 'Feature',
        properties: { id: 'N1', kind: 'footway' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [120.18, 30.26],
            [120.181, 30.26],
          ],
        },
      },
    ]),
    'reuse-spaces.geojson': fc([polygon({ id: 'S1', kind: 'corner-plot', areaM2: 420, ownerType: 'state' })]),
    'base.geojson': fc([polygon({ kind: 'ground' })]),
  };
}

const reader =
  (files: Record<string, string>): ReadText =>
  async (p) => {
    if (!(p in files)) throw new Error('not found');
    return files[p];
  };

const issuesOf = (files: Record<string, string>) => dataIssuesOfAsync(() => readCommunityPackage(reader(files)));

const editFeature = (
  files: Record<string, string>,
  file: string,
  edit: (properties: Record<string, unknown>, feature: Record<string, unknown>) => void,
) => {
  const json = JSON.parse(files[file]);
  edit(json.features[0].properties, json.features[0]);
  files[file] = JSON.stringify(json);
};

describe('readCommunityPackage', () => {
  it('reads a valid package into typed layers', async () => {
    const community = await readCommunityPackage(reader(tinyPackage()));
    expect(community.buildings[0]).toMatchObject({ id: 'B1', floors: 6, hasElevator: false, entrances: 3 });
    expect(community.houses.map((h) => h.occupancy)).toEqual(['owner-occupied', 'vacant']);
    expect(community.people[1].tags).toEqual(['living-alone-elderly', 'disability']);
    expect(community.facilities[0].position).toEqual([120.1805, 30.2605]);
  });

  it('names file, feature, id and field of a bad building property', async () => {
    const files = tinyPackage();
    editFeature(files, 'buildings.geojson', (p) => (p.floors = 'six'));
    const issues = await issuesOf(files);
    expect(issues).toEqual([expect.objectContaining({ file: 'buildings.geojson', feature: 0, id: 'B1', field: 'floors' })]);
    expect(formatDataIssue(issues[0])).toBe(
      'buildings.geojson, feature 0, (id "B1"), field "floors": must be an integer ≥ 1 and ≤ 200, got "six"',
    );
  });

  it('names the spreadsheet row (header = row 1) and field of a bad CSV value', async () => {
    const files = tinyPackage();
    files['houses.csv'] = files['houses.csv'].replace('H2,B1,1,2,0201,58.5,residential,vacant', 'H2,B1,1,2,0201,58.5,residential,empty');
    const [issue] = await issuesOf(files);
    expect(issue).toMatchObject({ file: 'houses.csv', row: 3, id: 'H2', field: 'occupancy' });
    expect(issue.reason).toContain('owner-occupied, rented, vacant');
  });

  it('reports a missing CSV column once, on the header row', async () => {
    const files = tinyPackage();
    files['rights.csv'] = 'id,houseId,rightType,share\nR1,H1,property,1\n';
    expect(await issuesOf(files)).toEqual([
      expect.objectContaining({ file: 'rights.csv', row: 1, reason: 'missing column(s): holderRef' }),
    ]);
  });

  it('rejects an unclosed polygon ring as a geometry problem of that feature', async () => {
    const files = tinyPackage();
    editFeature(files, 'reuse-spaces.geojson', (_p, f) => (f.geometry as { coordinates: number[][][] }).coordinates[0].pop());
    const [issue] = await issuesOf(files);
    expect(issue).toMatchObject({ file: 'reuse-spaces.geojson', feature: 0, field: 'geometry' });
    expect(issue.reason).toContain('not closed');
  });

  it('rejects a reference to a house that does not exist', async () => {
    const files = tinyPackage();
    files['people.csv'] += 'P3,H9,18-59,F,\n';
    expect(await issuesOf(files)).toEqual([expect.objectContaining({ file: 'people.csv', field: 'houseId', id: 'H9' })]);
  });

  it('reads the optional grid layer and survey, and a package without them has no grids', async () => {
    expect((await readCommunityPackage(reader(tinyPackage()))).grids).toEqual([]);
    const files = tinyPackage();
    const manifest = JSON.parse(files['manifest.json']);
    manifest.layers.grids = 'grids.geojson';
    manifest.survey = { date: '2026-05-20', respondents: 120, satisfiedShare: 0.9, byScenario: { health: 0.8 } };
    files['manifest.json'] = JSON.stringify(manifest);
    files['grids.geojson'] = files['base.geojson'].replace('{"kind":"ground"}', '{"id":"G1","name":"一网格","staffCount":2}');
    const community = await readCommunityPackage(reader(files));
    expect(community.grids).toEqual([expect.objectContaining({ id: 'G1', name: '一网格', staffCount: 2 })]);
    expect(community.manifest.survey).toEqual({ date: '2026-05-20', respondents: 120, satisfiedShare: 0.9, byScenario: { health: 0.8 } });
  });

  it('names survey fields as survey.<field> and a bad grid by its feature', async () => {
    const files = tinyPackage();
    const manifest = JSON.parse(files['manifest.json']);
    manifest.survey = { date: '2026-05-20', respondents: 120, satisfiedShare: 87 };
    files['manifest.json'] = JSON.stringify(manifest);
    expect(await issuesOf(files)).toEqual([expect.objectContaining({ file: 'manifest.json', field: 'survey.satisfiedShare' })]);

    const withGrid = tinyPackage();
    const m2 = JSON.parse(withGrid['manifest.json']);
    m2.layers.grids = 'grids.geojson';
    withGrid['manifest.json'] = JSON.stringify(m2);
    withGrid['grids.geojson'] = withGrid['base.geojson'].replace('{"kind":"ground"}', '{"id":"G1","name":"一网格","staffCount":-1}');
    expect(await issuesOf(withGrid)).toEqual([expect.objectContaining({ file: 'grids.geojson', feature: 0, field: 'staffCount' })]);
  });

  it('rejects an unknown facility category and an unknown person tag', async () => {
    const files = tinyPackage();
    editFeature(files, 'facilities.geojson', (p) => (p.category = 'casino'));
    files['people.csv'] = files['people.csv'].replace('living-alone-elderly|disability', 'vip');
    const issues = await issuesOf(files);
    expect(issues.map((i) => `${i.file}:${i.field}`).sort()).toEqual(['facilities.geojson:category', 'people.csv:tags']);
  });

  it('names every missing manifest field', async () => {
    const files = tinyPackage();
    const manifest = JSON.parse(files['manifest.json']);
    delete manifest.communityType;
    manifest.dataDate = '30/06/2026';
    delete manifest.layers.houses;
    files['manifest.json'] = JSON.stringify(manifest);
    const issues = await issuesOf(files);
    // people and rights may be left out (packages with resident statistics instead); houses may not.
    expect(issues.map((i) => i.field)).toEqual(['communityType', 'dataDate', 'layers.houses']);
    expect(issues.every((i) => i.file === 'manifest.json')).toBe(true);
  });

  it('says which file could not be read or parsed', async () => {
    const files = tinyPackage();
    files['network.geojson'] = '{"type": "FeatureCollection", "features": [';
    expect((await issuesOf(files))[0]).toMatchObject({ file: 'network.geojson' });
    delete files['network.geojson'];
    expect((await issuesOf(files))[0]).toMatchObject({ file: 'network.geojson', reason: 'cannot be read (not found)' });
  });
});

describe('the bundled sample package', () => {
  it('passes validation, with its OSM context layer', async () => {
    const community = await loadSampleCommunity();
    expect(community.manifest.synthetic?.layers).toContain('residentStats');
    // Person rows live behind the residents' data service: the static package has none.
    expect([community.people, community.rights, community.manifest.layers.people, community.manifest.layers.rights]).toEqual([
      [],
      [],
      undefined,
      undefined,
    ]);
    expect(community.residentStats).toHaveLength(community.buildings.length);
    expect(community.context[0].buildings).toHaveLength(762); // the shared OSM extract has 762 footprints
    expect(community.context[0].ref.attribution.text).toContain('OpenStreetMap');
  });
});
