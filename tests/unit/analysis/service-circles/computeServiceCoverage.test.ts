import { describe, expect, it } from 'vitest';
import { DeveloperError } from '../../../../src/core/errors';
import type { FacilityCategory } from '../../../../src/core/model/types';
import { ROUTE_SAME_EDGE, coverageOf, type ProgressEvent } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { reachedNetworkSegments, reachedNetworkSegmentsByBand, routeToNearest } from '../../../../src/analysis/service-circles/routes';
import { viewServiceCoverage } from '../../../../src/analysis/service-circles/serviceCoverageView';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromFeatures,
  type BuildingInput,
  type RequestOptions,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { at, frame, grid3x3, line, nodeAt, polylineMeters } from '../localMeters';

const near = (actual: number, expected: number, toleranceMeters = 0.02) =>
  expect(Math.abs(actual - expected)).toBeLessThan(toleranceMeters);

function run(
  network: { coordinates: [number, number][] }[],
  buildings: (Omit<BuildingInput, 'position'> & { xy: [number, number] })[],
  facilities: { id: string; category: FacilityCategory; xy: [number, number]; capacity?: number }[],
  options: RequestOptions = {},
  onProgress?: (e: ProgressEvent) => void,
) {
  const request = serviceCoverageRequestFromFeatures(
    {
      network,
      buildings: buildings.map(({ xy, ...b }) => ({ ...b, position: at(...xy) })),
      facilities: facilities.map(({ xy, ...f }) => ({ ...f, position: at(...xy) })),
    },
    options,
  );
  return computeServiceCoverageFromRequest(request, onProgress);
}

// The 3 × 3 grid of 100 m blocks, a kindergarten on its south-west corner (0, 0), and
//   B1 at (50, 20):   20 m from the south street → 20 + 50 = 70 m;
//   B2 at (190, 170): 10 m from the east street at y = 170 → via (200, 100): 300 + 70 + 10 = 380 m;
//   B3 at (5000, 5000): more than 500 m from any street → unreachable.
const B = [
  { id: 'B1', xy: [50, 20] as [number, number], population: { '3-5': 4 } },
  { id: 'B2', xy: [190, 170] as [number, number], population: { '3-5': 6 } },
  { id: 'B3', xy: [5000, 5000] as [number, number], population: { '3-5': 1 } },
];
const K1 = { id: 'K1', category: 'kindergarten' as const, xy: [0, 0] as [number, number] };

describe('computeServiceCoverage', () => {
  it('walks from each building to the nearest facility on a 3 × 3 grid (hand-checked 70 m and 380 m)', () => {
    const coverage = run(grid3x3(), B, [K1], { categories: ['kindergarten'] });
    const k = coverageOf(coverage, 'kindergarten')!;
    near(k.walkDistanceMeters[0], 70);
    near(k.walkDistanceMeters[1], 380);
    expect(k.walkDistanceMeters[2]).toBe(Infinity);
    // 1.0 m/s: seconds = metres.
    near(k.walkSeconds[1], 380);
    expect(Array.from(k.nearestFacility)).toEqual([0, 0, -1]);
    expect(coverage.buildings.unreachable).toEqual([{ index: 2, reason: 'no walkable network edge within 500 m' }]);
  });

  it('summarises coverage by buildings and target population within the rule and the 5/10/15-min bands', () => {
    // Within 300 m: B1 only. Bands: 300 s → B1; 600 s → B1, B2; 900 s → B1, B2. B3 unreachable.
    // Children 3–5: 4 + 6 + 1 = 11, of which 4 within 300 m → 7 uncovered.
    const s = coverageOf(run(grid3x3(), B, [K1], { categories: ['kindergarten'] }), 'kindergarten')!.summary;
    expect(s.buildingsCounted).toBe(3);
    expect(s.buildingsUnreachable).toBe(1);
    expect(s.buildingsWithinThreshold).toBe(1);
    expect(s.shareBuildingsWithinThreshold).toBeCloseTo(1 / 3, 12);
    expect(s.buildingsWithinBands).toEqual([1, 2, 2]);
    expect(s.targetPopulationTotal).toBe(11);
    expect(s.targetPopulationWithinThreshold).toBe(4);
    expect(s.uncoveredTargetPopulation).toBe(7);
    expect(s.targetPopulationWithinBands).toEqual([4, 10, 10]);
    near(s.maxWalkDistanceMeters, 380);
  });

  it('tracks which facility is nearest: a second kindergarten at (200, 200) serves B2 in 30 + 10 = 40 m', () => {
    const coverage = run(grid3x3(), B, [K1, { id: 'K2', category: 'kindergarten', xy: [200, 200] }], { categories: ['kindergarten'] });
    const k = coverageOf(coverage, 'kindergarten')!;
    expect(Array.from(k.nearestFacility)).toEqual([0, 1, -1]);
    near(k.walkDistanceMeters[1], 40);
    // Nodes with x + y < 200 are nearer K1, x + y > 200 nearer K2 (the diagonal is a tie).
    expect(k.nodeFacility![nodeAt(coverage.graph, 100, 0)]).toBe(0);
    expect(k.nodeFacility![nodeAt(coverage.graph, 200, 100)]).toBe(1);
    near(k.nodeDistanceMeters![nodeAt(coverage.graph, 200, 100)], 100);
  });

  it('counts time at the speed given: 380 m at 1.2 m/s is 316.7 s, outside the 5-min band', () => {
    const k = coverageOf(run(grid3x3(), B, [K1], { categories: ['kindergarten'], walkSpeedMetersPerSecond: 1.2 }), 'kindergarten')!;
    near(k.walkSeconds[1], 380 / 1.2);
    expect(k.summary.buildingsWithinBands).toEqual([1, 2, 2]);
  });

  it('walks straight along a shared edge instead of via its ends', () => {
    // One 1000 m street. Building 300 m along, 20 m off; shop 600 m along, 10 m off:
    // 20 + 300 + 10 = 330 m, where via an end it would be 320 + 610 = 930 m.
    const coverage = run([line([0, 0], [1000, 0])], [{ id: 'B', xy: [300, 20] }], [{ id: 'S', category: 'grocery', xy: [600, -10] }], {
      categories: ['grocery'],
    });
    const g = coverageOf(coverage, 'grocery')!;
    near(g.walkDistanceMeters[0], 330);
    expect(g.routeVia[0]).toBe(ROUTE_SAME_EDGE);
    const route = routeToNearest(coverage, 0, 'grocery')!;
    expect(route.coordinates.length).toBe(4);
    near(polylineMeters(route.coordinates), 330);
    expect(route.facilityId).toBe('S');
  });

  it('rebuilds the route to the nearest facility as a lon/lat polyline of the walked length', () => {
    const coverage = run(grid3x3(), B, [K1], { categories: ['kindergarten'] });
    const r1 = routeToNearest(coverage, 0, 'kindergarten')!;
    // B1 (50,20) → its foot (50,0) → the corner (0,0), where the kindergarten stands.
    expect(r1.coordinates.map((p) => frame.toLocal(p).map((v) => Math.round(v)))).toEqual([
      [50, 20],
      [50, 0],
      [0, 0],
    ]);
    const r2 = routeToNearest(coverage, 1, 'kindergarten')!;
    near(polylineMeters(r2.coordinates), 380);
    expect(r2.walkSeconds).toBeCloseTo(r2.distanceMeters, 9);
    expect(routeToNearest(coverage, 2, 'kindergarten')).toBeNull();
  });

  it('treats a category with no facility as a total gap: every walk Infinity, every target resident uncovered', () => {
    const k = coverageOf(run(grid3x3(), B, [K1], { categories: ['nursery', 'kindergarten'] }), 'nursery')!;
    expect(k.attachedFacilityCount).toBe(0);
    expect(Array.from(k.walkDistanceMeters)).toEqual([Infinity, Infinity, Infinity]);
    expect(k.summary.shareBuildingsWithinThreshold).toBe(0);
    // 0-2 is unknown here (no building states it): coverage by buildings only.
    expect(k.summary.targetPopulationTotal).toBeNull();
  });

  it('reads buildings beyond the search cutoff as unreachable', () => {
    const k = coverageOf(run(grid3x3(), B, [K1], { categories: ['kindergarten'], cutoffMeters: 200 }), 'kindergarten')!;
    near(k.walkDistanceMeters[0], 70);
    expect(k.walkDistanceMeters[1]).toBe(Infinity);
  });

  it('excludes buildings that are not homes from building shares', () => {
    const coverage = run(grid3x3(), [B[0], { ...B[1], counted: false }], [K1], { categories: ['kindergarten'] });
    expect(coverageOf(coverage, 'kindergarten')!.summary.shareBuildingsWithinThreshold).toBe(1);
  });

  it('reports progress once per category, in order', () => {
    const events: ProgressEvent[] = [];
    run(grid3x3(), B, [K1], { categories: ['kindergarten', 'grocery', 'bus-stop'] }, (e) => events.push(e));
    expect(events.map((e) => [e.category, e.completed, e.total])).toEqual([
      ['kindergarten', 1, 3],
      ['grocery', 2, 3],
      ['bus-stop', 3, 3],
    ]);
  });

  it('needs node arrays for routes through the network and for drawing bands', () => {
    const coverage = run(grid3x3(), B, [K1], { categories: ['kindergarten'], keepNodeArrays: false });
    expect(coverageOf(coverage, 'kindergarten')!.nodeDistanceMeters).toBeNull();
    expect(() => routeToNearest(coverage, 1, 'kindergarten')).toThrow(DeveloperError);
    expect(() => reachedNetworkSegments(coverage, 'kindergarten', 300)).toThrow(DeveloperError);
    expect(() => routeToNearest(coverage, 0, 'grocery')).toThrow(/not computed/);
  });
});

describe('reachedNetworkSegments', () => {
  const segmentsMeters = (segments: Float64Array) => {
    const out: number[][] = [];
    for (let i = 0; i < segments.length; i += 4) {
      const a = frame.toLocal([segments[i], segments[i + 1]]);
      const b = frame.toLocal([segments[i + 2], segments[i + 3]]);
      out.push([...a, ...b].map((v) => Math.round(v * 100) / 100));
    }
    return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  };

  it('clips an edge where the walk budget runs out: 60 m from a facility at one end of a 100 m street', () => {
    const coverage = run([line([0, 0], [100, 0])], [], [{ id: 'F', category: 'fitness', xy: [0, 0] }], { categories: ['fitness'] });
    const [s] = segmentsMeters(reachedNetworkSegments(coverage, 'fitness', 60));
    // The street may be stored either way round.
    expect(s[0] === 0 ? s : [s[2], s[3], s[0], s[1]]).toEqual([0, 0, 60, 0]);
  });

  it('spreads both ways from a facility in the middle of a street, net of its connector', () => {
    // Facility 5 m off the street at x = 50; with 25 m, 20 m remain on the street: 30 … 70.
    const coverage = run([line([0, 0], [100, 0])], [], [{ id: 'F', category: 'fitness', xy: [50, 5] }], { categories: ['fitness'] });
    const [s] = segmentsMeters(reachedNetworkSegments(coverage, 'fitness', 25));
    expect([Math.min(s[0], s[2]), Math.max(s[0], s[2])]).toEqual([30, 70]);
  });

  it('draws whole edges inside the budget and nothing of an unreached island', () => {
    const coverage = run([...grid3x3(), line([900, 0], [1000, 0])], [], [K1], { categories: ['kindergarten'] });
    // 200 m from the corner: the 2 edges out of it and the 4 edges one block further, whole; the
    // far corner's 4 edges not at all (their near ends are 200 m away, nothing left).
    const segments = segmentsMeters(reachedNetworkSegments(coverage, 'kindergarten', 200));
    const total = segments.reduce((sum, [x0, y0, x1, y1]) => sum + Math.hypot(x1 - x0, y1 - y0), 0);
    expect(Math.round(total)).toBe(600);
    expect(segments.every(([x0, , x1]) => x0 < 900 && x1 < 900)).toBe(true);
  });

  it('gives the reached streets per 5/10/15-min circle, cumulative (300/500/1,000 m whatever the speed)', () => {
    // The 3 × 3 grid has 1200 m of street; a point (x, y) on it is x + y from the corner. Within
    // 300 m: rows y = 0 and y = 100 whole (200 + 200), row y = 200 up to x = 100 (100), columns
    // x = 0 and x = 100 whole (200 + 200), column x = 200 up to y = 100 (100) = 1000 m. Within 500 m
    // and 1,000 m: all 1200 m (the farthest point is 400 m away).
    const coverage = run(grid3x3(), [], [K1], { categories: ['kindergarten'], walkSpeedMetersPerSecond: 1.3 });
    const bands = reachedNetworkSegmentsByBand(coverage, 'kindergarten');
    expect(bands.map((b) => [b.band.id, b.limitMeters])).toEqual([
      ['5min', 300],
      ['10min', 500],
      ['15min', 1000],
    ]);
    expect(bands.map((b) => Math.round(segmentsLength(b.segments)))).toEqual([1000, 1200, 1200]);
  });
});

function segmentsLength(segments: Float64Array): number {
  let total = 0;
  for (let i = 0; i < segments.length; i += 4)
    total += polylineMeters([
      [segments[i], segments[i + 1]],
      [segments[i + 2], segments[i + 3]],
    ]);
  return total;
}

describe('viewServiceCoverage', () => {
  it('binds the questions a UI asks to one result: building by id, route, bands, gaps', () => {
    const view = viewServiceCoverage(run(grid3x3(), B, [K1], { categories: ['kindergarten'] }));
    const b2 = view.buildingIndexOf('B2');
    expect(b2).toBe(1);
    expect(view.buildingIndexOf('nope')).toBe(-1);
    near(view.routeToNearest(b2, 'kindergarten')!.distanceMeters, 380);
    expect(view.category('kindergarten')!.summary.buildingsWithinThreshold).toBe(1);
    expect(view.reachedSegmentsByBand('kindergarten').length).toBe(3);
    expect(view.gaps()[0].category).toBe('kindergarten');
  });
});
