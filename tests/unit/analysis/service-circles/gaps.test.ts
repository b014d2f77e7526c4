import { describe, expect, it } from 'vitest';
import { rankServiceGaps } from '../../../../src/analysis/service-circles/gaps';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromFeatures,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import type { FacilityCategory } from '../../../../src/core/model/types';
import { at, grid3x3 } from '../localMeters';

/**
 * The 3 × 3 grid of 100 m blocks with four homes (walk from the corner (0,0) in brackets):
 *   H1 (50, 10) [60 m], H2 (150, 110) [260 m], H3 (190, 190) [10 m to the east street, then 200 + 190 = 400 m], H4 (110, 150) [260 m]
 * residents: all 10/20/30/40, aged 60+ 5/0/10/2, aged 3–5 1/0/3/0.
 * Facilities, all at the corner (0, 0): grocery (≤ 500 m: everybody covered), elderly-care and
 * kindergarten (≤ 300 m: H3 uncovered), no nursery and no culture station.
 */
function scenario(
  withPopulation = true,
  categories: FacilityCategory[] = ['grocery', 'elderly-care', 'kindergarten', 'nursery', 'culture-station'],
) {
  const homes: [number, number][] = [
    [50, 10],
    [150, 110],
    [190, 190],
    [110, 150],
  ];
  const pop = [
    { all: 10, '60+': 5, '3-5': 1, '0-2': 1 },
    { all: 20, '60+': 0, '3-5': 0, '0-2': 0 },
    { all: 30, '60+': 10, '3-5': 3, '0-2': 2 },
    { all: 40, '60+': 2, '3-5': 0, '0-2': 0 },
  ];
  const request = serviceCoverageRequestFromFeatures(
    {
      network: grid3x3(),
      buildings: homes.map((xy, i) => ({ id: `H${i + 1}`, position: at(...xy), ...(withPopulation ? { population: pop[i] } : {}) })),
      facilities: (['grocery', 'elderly-care', 'kindergarten'] as const).map((category) => ({
        id: category,
        category,
        position: at(0, 0),
      })),
    },
    { categories },
  );
  return computeServiceCoverageFromRequest(request);
}

describe('rankServiceGaps', () => {
  it('puts 一老一小 first, then more uncovered target residents first; fully covered categories are no gap', () => {
    // Priority 1: elderly-care uncovered 60+ = 10 (H3); nursery missing, 0–2 = 1 + 2 = 3 uncovered;
    // kindergarten uncovered 3–5 = 3 (H3): a tie with nursery at 3, broken by uncovered homes
    // (nursery 4, kindergarten 1).
    // Priority 3: culture-station missing, all 100 residents uncovered. Grocery: none uncovered.
    const gaps = rankServiceGaps(scenario());
    expect(gaps.map((g) => [g.category, g.priority, g.uncoveredTargetPopulation])).toEqual([
      ['elderly-care', 1, 10],
      ['nursery', 1, 3],
      ['kindergarten', 1, 3],
      ['culture-station', 3, 100],
    ]);
    expect(gaps.find((g) => g.category === 'nursery')).toMatchObject({
      missing: true,
      targetPopulationTotal: 3,
      uncoveredTargetPopulation: 3,
    });
  });

  it('lists the worst-served homes where the target population lives, unreachable and longest walks first', () => {
    const gaps = rankServiceGaps(scenario());
    // Kindergarten: only H3 is beyond 300 m and has children aged 3–5.
    expect(
      gaps
        .find((g) => g.category === 'kindergarten')!
        .worstBuildings.map((w) => [w.buildingId, Math.round(w.walkDistanceMeters), w.reason]),
    ).toEqual([['H3', 400, 'beyond-threshold']]);
    // Nursery is missing: homes with infants, more infants first on equal (infinite) walks.
    expect(gaps.find((g) => g.category === 'nursery')!.worstBuildings.map((w) => [w.buildingId, w.targetPopulation, w.reason])).toEqual([
      ['H3', 2, 'no-facility'],
      ['H1', 1, 'no-facility'],
    ]);
  });

  it('ranks by uncovered homes when population is unknown', () => {
    const gaps = rankServiceGaps(scenario(false), { worstBuildings: 2 });
    // elderly-care and kindergarten: H3 only (1 home); nursery: all 4 homes → nursery first.
    expect(gaps.map((g) => [g.category, g.uncoveredBuildings])).toEqual([
      ['nursery', 4],
      ['elderly-care', 1],
      ['kindergarten', 1],
      ['culture-station', 4],
    ]);
    expect(gaps[0].uncoveredTargetPopulation).toBeNull();
    expect(gaps[0].worstBuildings.length).toBe(2);
  });

  it('finds no gap when every target resident is covered', () => {
    expect(rankServiceGaps(scenario(true, ['grocery']))).toEqual([]);
  });
});
