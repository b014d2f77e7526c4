import { describe, expect, it } from 'vitest';
import type { Building, FacilityCategory, PolygonCoords, ReuseSpace } from '../../../../src/core/model/types';
import { bundleFitProblem, checkCategory, type CandidateSpace } from '../../../../src/analysis/reuse/feasibility';
import { reuseCandidates, type ReuseCandidate } from '../../../../src/analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES, reuseRuleFor } from '../../../../src/analysis/reuse/reuseRules';
import { at } from '../localMeters';
import { loadSampleCommunity } from '../../support/samplePackage';

/** A 10 m square footprint centred on (x, y) local metres. */
const square = (x: number, y: number): PolygonCoords => [
  [at(x - 5, y - 5), at(x + 5, y - 5), at(x + 5, y + 5), at(x - 5, y + 5), at(x - 5, y - 5)],
];

const building = (id: string, b: Partial<Building> = {}): Building => ({
  id,
  footprint: square(0, 0),
  floors: 1,
  heightMeters: 3,
  use: 'other',
  yearBuilt: 1990,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'none',
  idleStatus: 'in-use',
  grossFloorAreaM2: 100,
  ...b,
});

const space = (id: string, r: Partial<ReuseSpace>): ReuseSpace => ({
  id,
  kind: 'idle-property',
  footprint: square(0, 0),
  areaM2: 100,
  ownerType: 'community',
  ...r,
});

const rule = (c: FacilityCategory) => reuseRuleFor(DEFAULT_REUSE_RULES, c)!;
const reasonsOf = (candidate: ReuseCandidate, c: FacilityCategory) => candidate.feasible.find((f) => f.category === c)!.reasons;
const okOf = (candidate: ReuseCandidate) => candidate.feasible.filter((f) => f.ok).map((f) => f.category);

// A small community: an idle 3-storey office (B1) stood for by reuse space S1 (140 m² footprint),
// a 180 m² corner plot S2, two idle properties without / with no step-free access (S3, S4), a low-use
// 2-storey building B2 of 900 m² and an in-use building B3.
const community = {
  buildings: [
    building('B1', { floors: 3, idleStatus: 'idle', grossFloorAreaM2: 420, use: 'office', footprint: square(100, 0) }),
    building('B2', { floors: 2, idleStatus: 'low-use', grossFloorAreaM2: 900, use: 'commercial', footprint: square(200, 50) }),
    building('B3', { idleStatus: 'in-use' }),
  ],
  reuse: [
    space('S1', {
      buildingId: 'B1',
      areaM2: 140,
      floors: 3,
      groundFloorAccess: true,
      ownerType: 'state',
      footprint: square(100, 0),
      name: '原办公楼',
    }),
    space('S2', { kind: 'corner-plot', areaM2: 180, footprint: square(0, 100) }),
    space('S3', { areaM2: 300 }),
    space('S4', { areaM2: 300, groundFloorAccess: false }),
  ],
  // 2,000 occupied homes (and 50 empty ones, not households): the 社区综合服务站 needs 2,000 / 100 × 30 = 600 m².
  houses: Array.from({ length: 2050 }, (_, i) => ({
    id: `H${i}`,
    buildingId: 'X',
    entrance: 1,
    floor: 1,
    room: '101',
    areaM2: 60,
    use: 'residential' as const,
    occupancy: i < 2000 ? ('owner-occupied' as const) : ('vacant' as const),
  })),
};

describe('reuseCandidates', () => {
  const candidates = reuseCandidates(community);
  const byId = (id: string) => candidates.find((c) => c.id === id)!;

  it('lists every reuse space, then idle / low-use buildings no reuse space stands for', () => {
    expect(candidates.map((c) => [c.id, c.source, c.kind])).toEqual([
      ['S1', 'reuse-space', 'idle-property'],
      ['S2', 'reuse-space', 'corner-plot'],
      ['S3', 'reuse-space', 'idle-property'],
      ['S4', 'reuse-space', 'idle-property'],
      ['B2', 'building', 'low-use-property'],
    ]);
  });

  it('takes a reuse space’s area as its footprint × floors, a plot as a single storey, a building’s gross floor area', () => {
    // S1: 140 m² × 3 floors = 420 m²; S2: 180 m² plot, one storey assumed; B2: 900 m² GFA.
    expect(byId('S1')).toMatchObject({
      areaM2: 420,
      siteAreaM2: 140,
      floors: 3,
      areaBasis: 'site-area-x-floors',
      ownerType: 'state',
      buildingId: 'B1',
      name: '原办公楼',
    });
    expect(byId('S2')).toMatchObject({ areaM2: 180, floors: 1, areaBasis: 'plot-single-storey', groundFloorAccess: true });
    expect(byId('B2')).toMatchObject({
      areaM2: 900,
      floors: 2,
      areaBasis: 'building-gross-floor-area',
      ownerType: null,
      groundFloorAccess: true,
      buildingId: 'B2',
    });
    // 10 m square footprint: 100 m² to within the local-frame error.
    expect(byId('B2').siteAreaM2).toBeCloseTo(100, 0);
  });

  it('places a candidate at its footprint centroid', () => {
    const [x, y] = [byId('B2').position[0], byId('B2').position[1]];
    expect(x).toBeCloseTo(at(200, 50)[0], 9);
    expect(y).toBeCloseTo(at(200, 50)[1], 9);
  });

  it('says which minimum failed: "area 180 < 200 m²" for a nursery on the 180 m² plot', () => {
    expect(reasonsOf(byId('S2'), 'nursery')).toEqual(['area 180 < 200 m²']);
    expect(okOf(byId('S2'))).toEqual(['elderly-canteen', 'disability-aid', 'health-station', 'fitness']);
  });

  it('counts only the ground floor for a nursery or day care without an elevator: 420 m² on 3 floors → 140 m²', () => {
    const s1 = byId('S1');
    expect(reasonsOf(s1, 'nursery')).toEqual(['area on floors ≤ 1 (no elevator) 140 < 200 m²']);
    expect(reasonsOf(s1, 'elderly-care')).toEqual(['area on floors ≤ 1 (no elevator) 140 < 350 m²']);
    expect(reasonsOf(s1, 'fitness')).toEqual(['area on floors ≤ 1 (no elevator) 140 < 150 m²']);
    // A kindergarten may use floors 1–3: all 420 m², still short of 2,200.
    expect(reasonsOf(s1, 'kindergarten')).toEqual(['area 420 < 2200 m²']);
    expect(reasonsOf(s1, 'community-service')).toEqual(['area 420 < 600 m²']);
    expect(okOf(s1)).toEqual(['elderly-canteen', 'disability-aid', 'health-station', 'grocery']);
  });

  it('counts every floor with an elevator', () => {
    const withLift = reuseCandidates({ ...community, buildings: [building('B1', { floors: 3, idleStatus: 'idle', hasElevator: true })] });
    const s1 = withLift.find((c) => c.id === 'S1')!;
    expect(s1.hasElevator).toBe(true);
    expect(s1.feasible.find((f) => f.category === 'nursery')).toMatchObject({ ok: true, usableAreaM2: 420 });
  });

  it('needs step-free access: recorded false or not recorded at all fails every rule that asks for it', () => {
    expect(reasonsOf(byId('S4'), 'health-station')).toEqual(['no ground-floor access']);
    expect(reasonsOf(byId('S3'), 'health-station')).toEqual(['ground-floor access not recorded']);
    expect(okOf(byId('S3'))).toEqual([]);
  });

  it('allows a hub (嵌入式服务综合体) only from 600 m², with the bundled functions fitting on their floors', () => {
    expect(byId('S1').hub).toMatchObject({
      ok: false,
      reasons: ['area 420 < 600 m²', '1 of the core functions (elderly-care, nursery, elderly-canteen) fit on their own; a hub needs 2'],
    });
    const hub = byId('B2').hub;
    // B2: 900 m² on 2 floors, 450 m² a floor, no elevator. Nursery (200) and day care (350) both
    // need the ground floor: 550 > 450, so no bundle holds both; nursery + canteen + a third does.
    expect(hub.ok).toBe(true);
    expect(hub.bundles.length).toBeGreaterThan(0);
    expect(hub.bundles.some((b) => b.includes('nursery') && b.includes('elderly-care'))).toBe(false);
    expect(hub.bundles).toContainEqual(['nursery', 'elderly-canteen', 'disability-aid']);
    for (const b of hub.bundles) {
      expect(b.length).toBeGreaterThanOrEqual(3);
      expect(b.filter((c) => ['nursery', 'elderly-care', 'elderly-canteen'].includes(c)).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('feasibility checks', () => {
  const plot = (areaM2: number, floors = 1, hasElevator = false): CandidateSpace => ({
    areaM2,
    floors,
    groundFloorAccess: true,
    hasElevator,
  });

  it('estimates kindergarten places from the usable area: 2,440 m² / 12.2 m² = 200 places', () => {
    expect(checkCategory(plot(2440.5), rule('kindergarten'))).toMatchObject({ ok: true, capacity: { unit: 'places', count: 200 } });
    expect(checkCategory(plot(400), rule('nursery')).capacity).toBeNull();
  });

  it('fits a bundle when its minimum areas fit in the whole space and on the floors each may use', () => {
    const bundle = ['nursery', 'elderly-care', 'health-station'].map((c) => rule(c as FacilityCategory));
    // 200 + 350 + 120 = 670 m².
    expect(bundleFitProblem(plot(600), bundle)).toBe('the minimum floor areas add up to 670 > 600 m²');
    expect(bundleFitProblem(plot(700), bundle)).toBeNull();
    // 2 floors of 350 m²: nursery + day care need 550 m² on the ground floor.
    expect(bundleFitProblem(plot(700, 2), bundle)).toBe('functions limited to floors ≤ 1 need 550 > 350 m² there');
    expect(bundleFitProblem(plot(700, 2, true), bundle)).toBeNull();
  });
});

describe('reuse candidates of the sample package 景和新村', async () => {
  const sample = await loadSampleCommunity();
  const candidates = reuseCandidates(sample);

  it('has its 7 reuse spaces and the 5 idle or low-use buildings not already among them', () => {
    expect(candidates.map((c) => c.id)).toEqual([
      'JH-S01',
      'JH-S02',
      'JH-S03',
      'JH-S04',
      'JH-S05',
      'JH-S06',
      'JH-S07',
      'JH-B064',
      'JH-B108',
      'JH-B153',
      'JH-B166',
      'JH-B191',
    ]);
  });

  it('reads the old street office JH-S01 as 419.9 m² × 3 floors = its building’s gross floor area; its ground floor holds a nursery or a day-care centre, not both', () => {
    const s01 = candidates[0];
    const b071 = sample.buildings.find((b) => b.id === 'JH-B071')!;
    expect(s01.areaM2).toBeCloseTo(b071.grossFloorAreaM2, 0);
    expect(s01.feasible.find((f) => f.category === 'nursery')).toMatchObject({ ok: true, reasons: [] });
    expect(s01.feasible.find((f) => f.category === 'nursery')!.usableAreaM2).toBeCloseTo(419.9, 6);
    expect(s01.feasible.find((f) => f.category === 'kindergarten')!.reasons).toEqual(['area 1259.7 < 2200 m²']);
    // 200 + 350 = 550 m² > 419.9 m² on the ground floor, so no hub bundle has both.
    expect(s01.hub.ok).toBe(true);
    expect(s01.hub.bundles.some((b) => b.includes('nursery') && b.includes('elderly-care'))).toBe(false);
  });

  it('rejects the 160 m² boiler house JH-S03 for a nursery: area 160 < 200 m²', () => {
    expect(candidates[2].feasible.find((f) => f.category === 'nursery')!.reasons).toEqual(['area 160 < 200 m²']);
  });
});
