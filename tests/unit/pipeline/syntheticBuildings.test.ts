import { describe, expect, it } from 'vitest';
import { syntheticBuildings } from '../../../src/pipeline/city/syntheticBuildings';
import { HANGZHOU_DISTRICTS } from '../../../src/pipeline/city/hangzhouDistricts';
import { HANGZHOU_BOUNDS } from '../../../src/data/city/readCityDataset';

describe('synthetic Hangzhou buildings', () => {
  const buildings = [...syntheticBuildings(20_000, 7)];

  it('is seeded: the same seed gives the same buildings, another seed others', () => {
    expect([...syntheticBuildings(50, 7)]).toEqual(buildings.slice(0, 50));
    expect([...syntheticBuildings(50, 8)]).not.toEqual(buildings.slice(0, 50));
  });

  it('says it is synthetic, has unique ids, closed rings inside Hangzhou and plausible heights and years', () => {
    expect(new Set(buildings.map((b) => b.id)).size).toBe(buildings.length);
    const b = HANGZHOU_BOUNDS;
    const wrong = buildings.filter(({ properties: p, geometry }) => {
      const ring = geometry.coordinates[0];
      const closed = ring[0].join() === ring.at(-1)!.join();
      const inside = ring.every(([lon, lat]) => lon > b.west && lon < b.east && lat > b.south && lat < b.north);
      return !(p.synthetic && closed && inside && p.height >= 3 && p.height <= 34 * 3 && p.yearBuilt >= 1950 && p.yearBuilt <= 2024);
    });
    expect(wrong).toEqual([]);
  });

  it('spreads over all 13 districts roughly by their urban communities, the walk-ups of 1980–1999 among them', () => {
    const byDistrict = new Map<string, number>();
    for (const b of buildings) byDistrict.set(b.properties.district, (byDistrict.get(b.properties.district) ?? 0) + 1);
    expect(byDistrict.size).toBe(13);
    const total = HANGZHOU_DISTRICTS.reduce((sum, d) => sum + d.urbanCommunities, 0);
    for (const d of HANGZHOU_DISTRICTS) expect(byDistrict.get(d.id)! / buildings.length).toBeCloseTo(d.urbanCommunities / total, 1);
    const walkUps = buildings.filter((b) => b.properties.yearBuilt >= 1980 && b.properties.yearBuilt < 2000 && b.properties.floors <= 7);
    expect(walkUps.length / buildings.length).toBeGreaterThan(0.1);
  });
});
