import { describe, expect, it } from 'vitest';
import { summariseSunlight } from '../../../../src/analysis/sunlight/homeSunlight';
import { computeSunlightFromRequest, sunlightRequestFromPrisms, type Volume } from '../../../../src/analysis/sunlight/sunlightRequest';
import { sunlightPreset } from '../../../../src/analysis/sunlight/sunlightRules';
import { addedFloorsVolume, compareSunlight, elevatorShaftVolumes } from '../../../../src/analysis/sunlight/whatIf';
import type { Building, House } from '../../../../src/core/model/types';
import { at, frame, ORIGIN } from '../localMeters';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];
const slab = (id: string, y0: number, floors: number, entrances = 2): Building => ({
  id,
  footprint: rect(0, y0, 40, y0 + 10),
  floors,
  heightMeters: floors * 3,
  entrances,
  use: 'residential',
  yearBuilt: 1990,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'none',
  idleStatus: 'in-use',
  grossFloorAreaM2: 400 * floors,
});
/** Four homes of 100 m² on each floor, west to east. */
const homesOf = (b: Building): House[] =>
  Array.from({ length: b.floors * 4 }, (_, i) => ({
    id: `${b.id}-${Math.floor(i / 4) + 1}0${(i % 4) + 1}`,
    buildingId: b.id,
    entrance: i % 4 < 2 ? 1 : 2,
    floor: Math.floor(i / 4) + 1,
    room: `0${(i % 4) + 1}`,
    areaM2: 100,
    use: 'residential',
    occupancy: 'owner-occupied',
  }));

const preset = sunlightPreset(undefined)!;
// North: B, two storeys; 12 m south of it: A, three storeys.
const a = slab('A', -22, 3);
const b = slab('B', 0, 2);
const community = { buildings: [a, b], houses: [...homesOf(a), ...homesOf(b)] };
function run(volumes: Volume[] = []) {
  const replaced = new Map(volumes.map((v) => [v.id, v]));
  const sources = [
    ...community.buildings.map((x) => ({
      id: x.id,
      footprint: replaced.get(x.id)?.footprint ?? x.footprint,
      heightMeters: replaced.get(x.id)?.heightMeters ?? x.heightMeters,
      floors: x.floors,
    })),
    ...volumes.filter((v) => !community.buildings.some((x) => x.id === v.id)),
  ];
  const result = computeSunlightFromRequest(
    sunlightRequestFromPrisms(sources, { origin: ORIGIN, preset, date: '2027-01-20', storeyHeightOf: () => 3 }),
  );
  return summariseSunlight(community, result, preset.minHours);
}

describe('sunlight what-if', () => {
  const before = run();

  it('raising the southern block by three floors takes the rule from homes of the northern one, none of its own', () => {
    const raised = addedFloorsVolume(a, 3);
    expect(raised.heightMeters).toBe(18);
    const after = run([raised]);
    const comparison = compareSunlight(before, after, new Set(['A']));
    // Before: (9 − 0.9)/12 = 0.675 < tan β between 09:00 and 15:00 (0.631 at ±45°, 0.746 at ±30° by hand): B keeps the rule.
    expect(before.homes.filter((h) => h.buildingId === 'B').every((h) => h.passes)).toBe(true);
    // After: (18 − 0.9)/12 = 1.43 > tan β at noon (0.825): B's ground-floor south wall is dark except where the sun
    // comes round A's ends, which the middle homes do not see.
    expect(comparison.homesDroppingBelow.length).toBeGreaterThan(0);
    expect(comparison.homesDroppingBelow.every((h) => h.buildingId === 'B' && h.afterHours < 2 && h.beforeHours >= 2)).toBe(true);
    expect(comparison.homesDroppingBelow.map((h) => h.floor)).toContain(1);
    expect(comparison.failingAfter).toBeGreaterThan(comparison.failingBefore);
  });

  it('puts one elevator shaft per entrance on the north (stair) wall, 2.4 × 2.4 m, 1.5 m above the roof', () => {
    const shafts = elevatorShaftVolumes(a);
    expect(shafts.map((s) => s.id)).toEqual(['A:elevator-1', 'A:elevator-2']);
    const local = shafts.map((s) => s.footprint[0].map((p) => frame.toLocal(p)));
    for (const [i, ring] of local.entries()) {
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      // The north wall runs east to west on a counter-clockwise ring: the first shaft is the eastern one.
      expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo([30, 10][i], 1);
      expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(2.4, 1);
      expect(Math.min(...ys)).toBeCloseTo(-12, 1);
      expect(Math.max(...ys)).toBeCloseTo(-9.6, 1);
    }
    expect(shafts[0].heightMeters).toBe(10.5);
    // The shafts stand between A and B: they cost B's south façade some minutes, if any.
    const comparison = compareSunlight(before, run(shafts), new Set(['A']));
    for (const h of comparison.homesLosingSunlight) expect(h.buildingId).toBe('B');
  });
});
