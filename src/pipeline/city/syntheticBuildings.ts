/**
 * A synthetic Hangzhou of building footprints for tests and benchmarks — seeded, and every feature
 * says `"synthetic": true`: no building here exists. Footprints are scattered over the 13 districts
 * and county-level units around each one's urban centre (hangzhouDistricts.ts), in numbers
 * proportional to its urban communities, denser and taller towards the centre: pre-1980 low-rise in
 * the old core, the 1980s–90s six-storey walk-ups (the renewal stock of 杭政办函〔2023〕52号), 2000s
 * mid-rise, high-rise since 2010, and low, wide industrial sheds at the edges. Each footprint sits
 * in its own 36 m slot of a street grid turned to the district's orientation, so none overlap.
 */
import { createLocalFrame } from '../../core/geo/localFrame';
import { createRandom, type Random } from '../../core/random';
import { HANGZHOU_DISTRICTS } from './hangzhouDistricts';

const SLOT_METERS = 36;
/** The communities' scatter (hangzhouDistricts.ts) widened to the built-up area of the district. */
const SPREAD_FACTOR = 3;
const TRIES = 12;

export interface SyntheticBuilding {
  type: 'Feature';
  id: string;
  properties: { id: string; district: string; height: number; floors: number; yearBuilt: number; use: string; synthetic: true };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

function gaussian(random: Random): number {
  // Box–Muller.
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Year and floors from how central the spot is (0 at the centre, ~3 at the edge). */
function ageAndFloors(random: Random, distance: number, central: boolean): { yearBuilt: number; floors: number; use: string } {
  const r = random.next();
  if (distance > 1.8 && r < 0.25) return { yearBuilt: random.int(1995, 2020), floors: random.int(1, 3), use: 'industrial' };
  const old = central ? Math.max(0.05, 0.55 - 0.2 * distance) : 0.15;
  const p = random.next();
  if (p < old * 0.3) return { yearBuilt: random.int(1950, 1979), floors: random.int(2, 4), use: 'residential' };
  if (p < old) return { yearBuilt: random.int(1980, 1999), floors: random.chance(0.8) ? 6 : random.int(4, 7), use: 'residential' };
  if (p < old + 0.3)
    return { yearBuilt: random.int(2000, 2009), floors: random.int(7, 18), use: random.chance(0.8) ? 'residential' : 'commercial' };
  const tall = distance < 1 ? 34 : 26;
  return {
    yearBuilt: random.int(2010, 2024),
    floors: random.int(11, tall),
    use: random.chance(0.75) ? 'residential' : random.pick(['commercial', 'office', 'public']),
  };
}

/** `count` synthetic footprints, in a fixed order for a seed (one object at a time: a million never sit in memory). */
export function* syntheticBuildings(count: number, seed: number): Generator<SyntheticBuilding> {
  const random = createRandom(seed);
  const weights = HANGZHOU_DISTRICTS.map((d) => d.urbanCommunities);
  const total = weights.reduce((a, b) => a + b, 0);
  const districts = HANGZHOU_DISTRICTS.map((d) => ({
    ...d,
    frame: createLocalFrame(d.centre),
    // A street grid per district, turned by up to ±25°.
    angle: (random.range(-25, 25) * Math.PI) / 180,
  }));
  const occupied = new Set<number>();
  let made = 0;
  let attempts = 0;
  while (made < count) {
    if (++attempts > count * TRIES) throw new Error(`only ${made} of ${count} buildings fit: the districts are full`);
    let pick = random.next() * total;
    const d = districts.find((_, i) => (pick -= weights[i]) < 0) ?? districts[0];
    const gx = gaussian(random);
    const gy = gaussian(random);
    const east = gx * d.spreadDeg[0] * SPREAD_FACTOR * d.frame.metersPerDegreeLon;
    const north = gy * d.spreadDeg[1] * SPREAD_FACTOR * d.frame.metersPerDegreeLat;
    // Into the district's street grid, one building per slot.
    const [cos, sin] = [Math.cos(d.angle), Math.sin(d.angle)];
    const u = Math.round((east * cos + north * sin) / SLOT_METERS);
    const v = Math.round((-east * sin + north * cos) / SLOT_METERS);
    const slot = (districts.indexOf(d) * 8192 + (u + 4096)) * 8192 + (v + 4096);
    if (occupied.has(slot)) continue;
    occupied.add(slot);
    const distance = Math.hypot(gx, gy);
    const { yearBuilt, floors, use } = ageAndFloors(random, distance, d.central);
    const [w, depth] = use === 'industrial' ? [random.range(24, 32), random.range(16, 30)] : [random.range(12, 30), random.range(9, 18)];
    const cu = u * SLOT_METERS;
    const cv = v * SLOT_METERS;
    const corner = ([a, b]: [number, number]): [number, number] => {
      const [x, y] = [cu + a, cv + b];
      const [lon, lat] = d.frame.toLonLat(x * cos - y * sin, x * sin + y * cos);
      return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
    };
    const ring = (
      [
        [-w / 2, -depth / 2],
        [w / 2, -depth / 2],
        [w / 2, depth / 2],
        [-w / 2, depth / 2],
        [-w / 2, -depth / 2],
      ] as [number, number][]
    ).map(corner);
    const id = `HZS-${String(++made).padStart(7, '0')}`;
    const storey = use === 'industrial' ? 6 : 3;
    yield {
      type: 'Feature',
      id,
      properties: { id, district: d.id, height: floors * storey, floors, yearBuilt, use, synthetic: true },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  }
}
