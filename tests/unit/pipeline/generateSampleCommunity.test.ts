import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLocalFrame, polygonAreaM2, signedRingAreaM2 } from '../../../src/core/geo/localFrame';
import {
  AGE_BANDS,
  ELDERLY_AGE_BANDS,
  FACILITY_CATEGORIES,
  type Community,
  type FacilityCategory,
  type LonLat,
} from '../../../src/core/model/types';
import { packageIndexEntry, writeIndex } from '../../../src/data/package/writePackage';
import { SAMPLE_SEED, generateSampleCommunity } from '../../../src/pipeline/sample/generateSampleCommunity';
import { samplePackageFiles, sampleSeedFiles } from '../../../src/pipeline/sample/samplePackage';
import { pointSegmentDistance } from '../../../src/pipeline/sample/localGeometry';
import { firstDifference } from '../support/firstDifference';

const modelsDir = fileURLToPath(new URL('../../../models/', import.meta.url));
const packageDir = `${modelsDir}sample-jinghe/`;
const seedDir = fileURLToPath(new URL('../../../src/server/seed/sample-jinghe/', import.meta.url));

const sample = generateSampleCommunity(SAMPLE_SEED);

function key(p: LonLat): string {
  return `${p[0].toFixed(7)},${p[1].toFixed(7)}`;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(ring: readonly LonLat[], toLocal: (p: LonLat) => [number, number]): Box {
  const pts = ring.map(toLocal);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.reduce((n, item) => n + (predicate(item) ? 1 : 0), 0);
}

describe('generateSampleCommunity: reproducibility', () => {
  it('gives identical bytes in every file for the same seed', () => {
    const files = (c: Community) =>
      new Map([...samplePackageFiles(c), ...[...sampleSeedFiles(c)].map(([n, t]) => [`seed/${n}`, t] as const)]);
    const first = files(generateSampleCommunity(SAMPLE_SEED));
    const second = files(generateSampleCommunity(SAMPLE_SEED));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, text] of first) expect(firstDifference(text, second.get(name) ?? ''), name).toBeNull();
  });

  it('gives a different layout and population for a different seed', () => {
    const other = generateSampleCommunity(SAMPLE_SEED + 1);
    expect(samplePackageFiles(other).get('buildings.geojson')).not.toBe(samplePackageFiles(sample).get('buildings.geojson'));
    expect(samplePackageFiles(other).get('resident-stats.csv')).not.toBe(samplePackageFiles(sample).get('resident-stats.csv'));
    expect(sampleSeedFiles(other).get('people.csv')).not.toBe(sampleSeedFiles(sample).get('people.csv'));
  });

  it('matches the committed models/sample-jinghe files and models/index.json (regenerate with npx tsx src/pipeline/generateSample.ts)', () => {
    const files = samplePackageFiles(sample);
    expect(readdirSync(packageDir).sort()).toEqual([...files.keys()].sort());
    expect([...files.keys()]).not.toContain('people.csv');
    expect([...files.keys()]).not.toContain('rights.csv');
    for (const [name, text] of files) {
      expect(firstDifference(text, readFileSync(`${packageDir}${name}`, 'utf8')), name).toBeNull();
    }
    const index = writeIndex([packageIndexEntry(sample.manifest)]);
    expect(firstDifference(index, readFileSync(`${modelsDir}index.json`, 'utf8')), 'index.json').toBeNull();
  });

  it("matches the committed person rows of the residents' data service's seed (src/server/seed/sample-jinghe)", () => {
    const files = sampleSeedFiles(sample);
    expect(readdirSync(seedDir).sort()).toEqual(['people.csv', 'rights.csv']);
    for (const [name, text] of files) expect(firstDifference(text, readFileSync(`${seedDir}${name}`, 'utf8')), name).toBeNull();
  });
});

describe.each([SAMPLE_SEED, 7])('generateSampleCommunity(%i): content', (seed) => {
  const c: Community = seed === SAMPLE_SEED ? sample : generateSampleCommunity(seed);
  const frame = createLocalFrame(c.manifest.centre);
  const toLocal = (p: LonLat): [number, number] => frame.toLocal(p);

  it('has 150–300 buildings and 8,000–12,000 people, 17–23 % of them aged 60+', () => {
    // Issue acceptance ranges; Hangzhou's 上城区 has ≈ 21 % aged 60+ (2020 census).
    expect(c.buildings.length).toBeGreaterThanOrEqual(150);
    expect(c.buildings.length).toBeLessThanOrEqual(300);
    expect(c.people.length).toBeGreaterThanOrEqual(8000);
    expect(c.people.length).toBeLessThanOrEqual(12000);
    const elderlyShare = count(c.people, (p) => ELDERLY_AGE_BANDS.includes(p.ageBand)) / c.people.length;
    expect(elderlyShare).toBeGreaterThanOrEqual(0.17);
    expect(elderlyShare).toBeLessThanOrEqual(0.23);
  });

  it('gives every layer unique ids', () => {
    for (const [layer, ids] of [
      ['buildings', c.buildings.map((b) => b.id)],
      ['houses', c.houses.map((h) => h.id)],
      ['rights', c.rights.map((r) => r.id)],
      ['people', c.people.map((p) => p.id)],
      ['facilities', c.facilities.map((f) => f.id)],
      ['network', c.network.map((n) => n.id)],
      ['reuse', c.reuse.map((r) => r.id)],
    ] as const) {
      expect(new Set(ids).size, layer).toBe(ids.length);
    }
  });

  it('houses every unit of residential and mixed buildings (entrances × floors × rooms)', () => {
    const housesPerBuilding = new Map<string, number>();
    for (const h of c.houses)
      if (h.use === 'residential') housesPerBuilding.set(h.buildingId, (housesPerBuilding.get(h.buildingId) ?? 0) + 1);
    for (const b of c.buildings.filter((x) => x.use === 'residential' || x.use === 'mixed')) {
      expect(b.entrances, b.id).toBeGreaterThanOrEqual(1);
      // at least one home per entrance and floor (2 per floor in walk-ups, 2–3 in towers)
      const homeFloors = b.use === 'mixed' ? b.floors - 1 : b.floors;
      expect(housesPerBuilding.get(b.id) ?? 0, b.id).toBeGreaterThanOrEqual((b.entrances ?? 1) * homeFloors * 2);
    }
    const residential = c.houses.filter((h) => h.use === 'residential');
    // Tenure mix asked for: ≈ 65 % owner-occupied, 25 % rented, 10 % vacant.
    expect(count(residential, (h) => h.occupancy === 'owner-occupied') / residential.length).toBeCloseTo(0.65, 1);
    expect(count(residential, (h) => h.occupancy === 'rented') / residential.length).toBeCloseTo(0.25, 1);
    expect(count(residential, (h) => h.occupancy === 'vacant') / residential.length).toBeCloseTo(0.1, 1);
  });

  it('gives every house at least one right, full shares, and a lease on every rented house', () => {
    const houseIds = new Set(c.houses.map((h) => h.id));
    expect(c.rights.filter((r) => !houseIds.has(r.houseId)).map((r) => r.id)).toEqual([]);
    expect(c.rights.filter((r) => !/^H-[0-9a-f]{10}$/.test(r.holderRef)).map((r) => r.id)).toEqual([]);
    const rightsByHouse = new Map<string, (typeof c.rights)[number][]>();
    for (const r of c.rights) {
      const list = rightsByHouse.get(r.houseId) ?? [];
      list.push(r);
      rightsByHouse.set(r.houseId, list);
    }
    const problems: string[] = [];
    for (const h of c.houses) {
      const rights = rightsByHouse.get(h.id) ?? [];
      if (rights.length === 0) problems.push(`${h.id}: no right`);
      // title (property / public housing / use right) shares add up to 1; a lease comes on top
      const titleShares = rights.filter((r) => r.rightType !== 'lease').reduce((sum, r) => sum + r.share, 0);
      if (Math.abs(titleShares - 1) > 1e-9) problems.push(`${h.id}: title shares ${titleShares}`);
      if (h.occupancy === 'rented' && !rights.some((r) => r.rightType === 'lease')) problems.push(`${h.id}: rented without lease`);
    }
    expect(problems).toEqual([]);
  });

  it('puts every person in an existing, occupied home and writes no identifying columns', () => {
    const houses = new Map(c.houses.map((h) => [h.id, h]));
    const problems = c.people
      .filter((p) => {
        const house = houses.get(p.houseId);
        return (
          house === undefined ||
          house.use !== 'residential' ||
          house.occupancy === 'vacant' ||
          !AGE_BANDS.includes(p.ageBand) ||
          p.tags.includes('infant') !== (p.ageBand === '0-2')
        );
      })
      .map((p) => p.id);
    expect(problems).toEqual([]);
    const header = sampleSeedFiles(c).get('people.csv')?.split('\n')[0];
    expect(header).toBe('id,houseId,ageBand,sex,tags');
  });

  it('has ~10 % single-elderly households, ~2 % people with a disability, and older walk-ups than towers', () => {
    const households = new Set(c.people.map((p) => p.houseId)).size;
    // Issue: 8–12 % of households are one elderly person living alone.
    const alone = count(c.people, (p) => p.tags.includes('living-alone-elderly'));
    expect(alone / households).toBeGreaterThanOrEqual(0.08);
    expect(alone / households).toBeLessThanOrEqual(0.12);
    const disabled = count(c.people, (p) => p.tags.includes('disability')) / c.people.length;
    expect(disabled).toBeGreaterThanOrEqual(0.01);
    expect(disabled).toBeLessThanOrEqual(0.03);
    const houses = new Map(c.houses.map((h) => [h.id, h]));
    const buildings = new Map(c.buildings.map((b) => [b.id, b]));
    const share = (withElevator: boolean): number => {
      const group = c.people.filter((p) => buildings.get(houses.get(p.houseId)?.buildingId ?? '')?.hasElevator === withElevator);
      return count(group, (p) => ELDERLY_AGE_BANDS.includes(p.ageBand)) / group.length;
    };
    expect(share(false)).toBeGreaterThan(share(true) + 0.04);
  });

  it('uses only valid facility categories, has none of the deliberate gaps (托育, 助残) and the counts asked for', () => {
    const n = (category: FacilityCategory): number => count(c.facilities, (f) => f.category === category);
    for (const f of c.facilities) expect(FACILITY_CATEGORIES).toContain(f.category);
    expect(n('nursery')).toBe(0);
    expect(n('disability-aid')).toBe(0);
    for (const category of [
      'kindergarten',
      'primary-school',
      'middle-school',
      'elderly-care',
      'elderly-canteen',
      'health-station',
    ] as const) {
      expect(n(category), category).toBe(1);
    }
    expect(n('fitness')).toBeGreaterThanOrEqual(2);
    expect(n('fitness')).toBeLessThanOrEqual(3);
    expect(n('parcel')).toBeGreaterThanOrEqual(4);
    expect(n('parcel')).toBeLessThanOrEqual(6);
    expect(n('bus-stop')).toBeGreaterThanOrEqual(3);
    expect(n('parking')).toBeGreaterThanOrEqual(3);
    expect(n('waste-sorting')).toBeGreaterThanOrEqual(6);
    expect(n('waste-sorting')).toBeLessThanOrEqual(10);
    // The middle school is outside the boundary, ≥ 500 m east of the centre.
    const middle = c.facilities.find((f) => f.category === 'middle-school');
    expect(toLocal(middle?.position ?? c.manifest.centre)[0]).toBeGreaterThan(500);
  });

  it('places facilities that name a building inside that building', () => {
    const buildings = new Map(c.buildings.map((b) => [b.id, b]));
    for (const f of c.facilities.filter((x) => x.buildingId !== undefined)) {
      const b = buildings.get(f.buildingId ?? '');
      expect(b, f.id).toBeDefined();
      const box = boxOf(b?.footprint[0] ?? [], toLocal);
      const [x, y] = toLocal(f.position);
      expect(x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1, f.id).toBe(true);
    }
    expect(count(c.facilities, (f) => f.buildingId !== undefined)).toBeGreaterThan(c.facilities.length / 2);
  });

  it('builds one connected walking network whose lines meet at shared vertices', () => {
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let root = k;
      while (parent.get(root) !== root) root = parent.get(root) ?? root;
      parent.set(k, root);
      return root;
    };
    for (const line of c.network) {
      expect(line.coordinates.length).toBeGreaterThanOrEqual(2);
      const keys = line.coordinates.map(key);
      for (const k of keys) if (!parent.has(k)) parent.set(k, k);
      for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]));
    }
    expect(new Set([...parent.keys()].map(find)).size).toBe(1);
    for (const kind of ['road', 'footway', 'path', 'steps', 'crossing'] as const) {
      expect(
        c.network.some((n) => n.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('puts every building within 40 m of the walking network', () => {
    const segments: [[number, number], [number, number]][] = [];
    for (const line of c.network) {
      for (let i = 0; i + 1 < line.coordinates.length; i++) segments.push([toLocal(line.coordinates[i]), toLocal(line.coordinates[i + 1])]);
    }
    for (const b of c.buildings) {
      const box = boxOf(b.footprint[0], toLocal);
      const centre: [number, number] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
      const nearest = Math.min(...segments.map(([p, q]) => pointSegmentDistance(centre, p, q)));
      expect(nearest, b.id).toBeLessThanOrEqual(40);
    }
  });

  it('keeps footprints apart from each other, off roads and water, closed and counter-clockwise', () => {
    const boxes = c.buildings.map((b) => boxOf(b.footprint[0], toLocal));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlaps(boxes[i], boxes[j]), `${c.buildings[i].id} × ${c.buildings[j].id}`).toBe(false);
      }
    }
    // Road and water surfaces are rectangles, so box overlap is exact for them.
    const blocked = c.base.filter((s) => s.kind === 'road' || s.kind === 'water').map((s) => boxOf(s.polygon[0], toLocal));
    c.buildings.forEach((b, i) => {
      for (const surface of blocked) expect(overlaps(boxes[i], surface), b.id).toBe(false);
    });
    const rings = [...c.buildings.map((b) => b.footprint[0]), ...c.reuse.map((r) => r.footprint[0]), ...c.base.map((s) => s.polygon[0])];
    for (const ring of rings) {
      expect(key(ring[0])).toBe(key(ring[ring.length - 1]));
      expect(signedRingAreaM2(ring.map(toLocal))).toBeGreaterThan(0);
    }
  });

  it('gives buildings plausible heights and gross floor area = footprint area × floors', () => {
    for (const b of c.buildings) {
      // storey height 2.9–3.1 m (rounded to 0.1 m)
      expect(b.heightMeters / b.floors, b.id).toBeGreaterThanOrEqual(2.85);
      expect(b.heightMeters / b.floors, b.id).toBeLessThanOrEqual(3.15);
      expect(Math.abs(b.grossFloorAreaM2 - polygonAreaM2(b.footprint) * b.floors), b.id).toBeLessThanOrEqual(0.05);
    }
    // Most housing is six-storey walk-ups without elevators; the high-rises (11+ floors) have them.
    const housing = c.buildings.filter((b) => b.use === 'residential');
    expect(count(housing, (b) => b.floors === 6 && !b.hasElevator) / housing.length).toBeGreaterThan(0.6);
    for (const b of housing.filter((x) => x.floors >= 11)) expect(b.hasElevator, b.id).toBe(true);
    expect(c.buildings.some((b) => b.idleStatus === 'idle')).toBe(true);
  });

  it('offers 5–8 reuse spaces, linked idle property, areas from their polygons, and room for a nursery, a day-care centre and a service hub', () => {
    expect(c.reuse.length).toBeGreaterThanOrEqual(5);
    expect(c.reuse.length).toBeLessThanOrEqual(8);
    const buildings = new Map(c.buildings.map((b) => [b.id, b]));
    for (const r of c.reuse) {
      expect(Math.abs(r.areaM2 - polygonAreaM2(r.footprint)), r.id).toBeLessThanOrEqual(0.05);
      if (r.kind === 'idle-property') expect(buildings.get(r.buildingId ?? '')?.idleStatus, r.id).not.toBe('in-use');
    }
    // Plots are open land: no building stands on one.
    const footprints = c.buildings.map((b) => boxOf(b.footprint[0], toLocal));
    for (const r of c.reuse.filter((x) => x.kind !== 'idle-property')) {
      const plot = boxOf(r.footprint[0], toLocal);
      expect(
        footprints.some((box) => overlaps(box, plot)),
        r.id,
      ).toBe(false);
    }
    for (const kind of ['idle-property', 'scattered-plot', 'corner-plot', 'inefficient-land'] as const) {
      expect(
        c.reuse.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
    }
    // 完整社区: nursery ≥ 200 m², day care ≥ 350 m²; embedded service hub ≥ 600 m² (2023 guideline).
    const sizes = c.reuse.map((r) => r.areaM2 * (r.floors ?? 1));
    expect(count(sizes, (s) => s >= 200)).toBeGreaterThanOrEqual(3);
    expect(count(sizes, (s) => s >= 350)).toBeGreaterThanOrEqual(2);
    expect(count(sizes, (s) => s >= 600)).toBeGreaterThanOrEqual(1);
  });

  it('draws a base map whose surfaces say what they are: a ≥ 4,000 m² public park, plazas apart from car parks and school yards', () => {
    const kinds = new Set(c.base.map((s) => s.kind));
    const all = ['ground', 'road', 'water', 'plaza', 'parking', 'school-yard', 'public-green', 'block-green', 'private-garden'] as const;
    for (const kind of all) expect(kinds.has(kind), kind).toBe(true);
    // Format 1.0's unclassified green is gone from the sample.
    expect(kinds.has('green')).toBe(false);
    // 完整社区 item 15: a 社区游园 of ≥ 4,000 m²; GB 50180 (5-min circle): at least 30 m wide.
    const parks = c.base.filter((s) => {
      const box = boxOf(s.polygon[0], toLocal);
      return s.kind === 'public-green' && Math.min(box.x1 - box.x0, box.y1 - box.y0) >= 30 && polygonAreaM2(s.polygon) >= 4000;
    });
    expect(parks.length).toBeGreaterThanOrEqual(1);
    expect(c.context).toEqual([]);
  });
});
