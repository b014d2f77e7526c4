/**
 * Synthetic 人·房·权 for the sample: a house (户) for every unit of every residential or mixed
 * building, ground-floor shop units, rights on every house, and residents in the occupied homes.
 * Pure and deterministic for a given Random; no person here exists.
 */
import type { AgeBand, House, Occupancy, Person, PersonTag, Right, Sex } from '../../core/model/types';
import type { Random } from '../../core/random';
import type { HousingStock, PlannedBuilding } from './layout';

export interface IdentifiedBuilding {
  id: string;
  plan: PlannedBuilding;
}

export interface Population {
  houses: House[];
  rights: Right[];
  people: Person[];
}

/**
 * Tenure mix of homes: overall ≈ 65 % owner-occupied, 25 % rented, 10 % vacant. Old walk-ups near
 * the centre let more to tenants than the newer high-rises.
 */
const OCCUPANCY_WEIGHTS: Record<HousingStock, readonly (readonly [Occupancy, number])[]> = {
  old: [
    ['owner-occupied', 0.63],
    ['rented', 0.27],
    ['vacant', 0.1],
  ],
  new: [
    ['owner-occupied', 0.74],
    ['rented', 0.16],
    ['vacant', 0.1],
  ],
};

const SHOP_OCCUPANCY: readonly (readonly [Occupancy, number])[] = [
  ['owner-occupied', 0.35],
  ['rented', 0.5],
  ['vacant', 0.15],
];

/** Share of property rights held jointly by two holders (夫妻共有), 0.5 / 0.5. */
const CO_OWNED_SHARE = 0.3;
/** Share of shop units on a 使用权 (collective-owned 门面) instead of full property. */
const SHOP_USE_RIGHT_SHARE = 0.2;

/** A household member's broad role; the age band is drawn from it. */
type Member = 'elderly' | 'elderly-alone' | 'adult' | 'child';
type Household = readonly Member[];

/**
 * Household types and weights by stock and tenure. Tuned so that the whole community has about
 * 20 % aged 60+ (Hangzhou 2020 census, 上城区 ≈ 21 %), 14.5 % under 18, ~10 % single-elderly
 * households, and that old walk-ups are older than the 2000s high-rises.
 */
const HOUSEHOLDS: Record<HousingStock | 'rented', readonly (readonly [Household, number])[]> = {
  old: [
    [['elderly-alone'], 0.15],
    [['elderly', 'elderly'], 0.14],
    [['elderly', 'elderly', 'adult'], 0.03],
    [['elderly', 'adult'], 0.07],
    [['elderly', 'adult', 'adult', 'child'], 0.06],
    [['elderly', 'elderly', 'adult', 'adult', 'child'], 0.03],
    [['adult'], 0.05],
    [['adult', 'adult'], 0.14],
    [['adult', 'adult', 'adult'], 0.13],
    [['adult', 'adult', 'child'], 0.14],
    [['adult', 'adult', 'child', 'child'], 0.04],
  ],
  new: [
    [['elderly-alone'], 0.04],
    [['elderly', 'elderly'], 0.06],
    [['elderly', 'elderly', 'adult'], 0.04],
    [['elderly', 'adult'], 0.04],
    [['elderly', 'adult', 'adult', 'child'], 0.11],
    [['elderly', 'elderly', 'adult', 'adult', 'child'], 0.04],
    [['adult'], 0.05],
    [['adult', 'adult'], 0.15],
    [['adult', 'adult', 'adult'], 0.09],
    [['adult', 'adult', 'child'], 0.28],
    [['adult', 'adult', 'child', 'child'], 0.1],
  ],
  rented: [
    [['elderly-alone'], 0.03],
    [['elderly', 'elderly'], 0.02],
    [['adult'], 0.2],
    [['adult', 'adult'], 0.26],
    [['adult', 'adult', 'adult'], 0.2],
    [['adult', 'adult', 'adult', 'adult'], 0.08],
    [['adult', 'adult', 'child'], 0.17],
    [['adult', 'adult', 'child', 'child'], 0.04],
  ],
};

/** Children's bands in proportion to the target shares 0-2 2 %, 3-5 2.5 %, 6-11 5 %, 12-14 2.5 %, 15-17 2.5 %. */
const CHILD_BANDS: readonly (readonly [AgeBand, number])[] = [
  ['0-2', 2],
  ['3-5', 2.5],
  ['6-11', 5],
  ['12-14', 2.5],
  ['15-17', 2.5],
];
/** 60-69 : 70-79 : 80+ ≈ 10 : 6 : 4 overall; people living alone are older. */
const ELDERLY_BANDS: readonly (readonly [AgeBand, number])[] = [
  ['60-69', 0.54],
  ['70-79', 0.3],
  ['80+', 0.16],
];
const ALONE_ELDERLY_BANDS: readonly (readonly [AgeBand, number])[] = [
  ['60-69', 0.36],
  ['70-79', 0.36],
  ['80+', 0.28],
];

/** Probability of a disability flag by age band: ~2 % overall, rising with age. */
const DISABILITY_BY_BAND: Record<AgeBand, number> = {
  '0-2': 0.004,
  '3-5': 0.006,
  '6-11': 0.008,
  '12-14': 0.008,
  '15-17': 0.01,
  '18-59': 0.012,
  '60-69': 0.03,
  '70-79': 0.05,
  '80+': 0.09,
};

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Issues pseudonymous references from the seeded generator: hex digits, never derived from a person. */
class RefIssuer {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Random) {}

  issue(prefix: string, hexDigits: number): string {
    for (;;) {
      let hex = '';
      while (hex.length < hexDigits)
        hex += Math.floor(this.rng.next() * 0x10000)
          .toString(16)
          .padStart(4, '0');
      const ref = `${prefix}${hex.slice(0, hexDigits)}`;
      if (!this.used.has(ref)) {
        this.used.add(ref);
        return ref;
      }
    }
  }
}

export function populate(buildings: readonly IdentifiedBuilding[], rng: Random): Population {
  const houses: House[] = [];
  const rights: Right[] = [];
  const people: Person[] = [];
  const refs = new RefIssuer(rng);
  const houseStock = new Map<string, HousingStock>();
  const publicHousing = new Set<string>();

  for (const { id, plan } of buildings) {
    const length = plan.rect.x1 - plan.rect.x0;
    const depth = plan.rect.y1 - plan.rect.y0;
    // Ground-floor shop units: along the frontage, one per 2 of a mixed building's entrances' rooms.
    if (plan.shopUnits) {
      const units = plan.shopUnits;
      const upperFloors = plan.use === 'commercial' ? plan.floors : 1;
      for (let i = 0; i < units; i++) {
        const entrance = plan.residential ? Math.floor(i / 2) + 1 : 1;
        const room = plan.residential ? `01${pad2((i % 2) + 1)}` : `01${pad2(i + 1)}`;
        const occupancy: Occupancy =
          plan.idleStatus === 'idle'
            ? 'vacant'
            : plan.idleStatus === 'low-use'
              ? rng.pick(['vacant', 'rented'] as const)
              : rng.weighted(SHOP_OCCUPANCY);
        houses.push({
          id: `${id}-${entrance}-${room}`,
          buildingId: id,
          entrance,
          floor: 1,
          room,
          areaM2: round1((length / units) * depth * upperFloors * 0.92),
          use: 'commercial',
          occupancy,
        });
      }
    }
    const spec = plan.residential;
    if (!spec) continue;
    const entranceWidth = length / spec.entrances;
    // Each stack (entrance, room) keeps its plan on every floor; ~0.92 of the gross floor is in homes.
    const stackAreas: number[][] = [];
    for (let e = 0; e < spec.entrances; e++) {
      const perFloor = entranceWidth * depth * 0.92;
      stackAreas.push(
        Array.from({ length: spec.householdsPerFloor }, () => {
          const raw = (perFloor / spec.householdsPerFloor) * rng.range(0.85, 1.15);
          return round1(Math.min(spec.areaRangeM2[1], Math.max(spec.areaRangeM2[0], raw)));
        }),
      );
    }
    for (let e = 1; e <= spec.entrances; e++) {
      for (let floor = spec.firstResidentialFloor; floor <= plan.floors; floor++) {
        for (let r = 1; r <= spec.householdsPerFloor; r++) {
          const room = `${pad2(floor)}${pad2(r)}`;
          const houseId = `${id}-${e}-${room}`;
          const occupancy = rng.weighted(OCCUPANCY_WEIGHTS[spec.stock]);
          houses.push({
            id: houseId,
            buildingId: id,
            entrance: e,
            floor,
            room,
            areaM2: stackAreas[e - 1][r - 1],
            use: 'residential',
            occupancy,
          });
          houseStock.set(houseId, spec.stock);
          // 直管公房 are let by the housing bureau to sitting tenants, never sublet here.
          if (occupancy !== 'rented' && rng.chance(spec.publicHousingShare)) publicHousing.add(houseId);
        }
      }
    }
  }

  let rightNumber = 0;
  const addRight = (houseId: string, rightType: Right['rightType'], holderRef: string, share: number): void => {
    rightNumber++;
    rights.push({ id: `JH-R${String(rightNumber).padStart(6, '0')}`, houseId, rightType, holderRef, share });
  };
  for (const house of houses) {
    if (publicHousing.has(house.id)) {
      addRight(house.id, 'public-housing', refs.issue('H-', 10), 1);
    } else if (house.use === 'commercial' && rng.chance(SHOP_USE_RIGHT_SHARE)) {
      addRight(house.id, 'use-right', refs.issue('H-', 10), 1);
    } else if (rng.chance(CO_OWNED_SHARE)) {
      addRight(house.id, 'property', refs.issue('H-', 10), 0.5);
      addRight(house.id, 'property', refs.issue('H-', 10), 0.5);
    } else {
      addRight(house.id, 'property', refs.issue('H-', 10), 1);
    }
    // A rented house keeps its owner's right and gains the tenant's lease.
    if (house.occupancy === 'rented') addRight(house.id, 'lease', refs.issue('H-', 10), 1);
  }

  for (const house of houses) {
    if (house.use !== 'residential' || house.occupancy === 'vacant') continue;
    const stock = houseStock.get(house.id) ?? 'old';
    const household = rng.weighted(HOUSEHOLDS[house.occupancy === 'rented' ? 'rented' : stock]);
    const adults = household.filter((m) => m === 'adult').length;
    const elders = household.filter((m) => m === 'elderly').length;
    household.forEach((member, index) => {
      const ageBand =
        member === 'child'
          ? rng.weighted(CHILD_BANDS)
          : member === 'adult'
            ? '18-59'
            : rng.weighted(member === 'elderly-alone' ? ALONE_ELDERLY_BANDS : ELDERLY_BANDS);
      let sex: Sex;
      if (member === 'elderly-alone')
        sex = rng.chance(0.68) ? 'F' : 'M'; // widows outnumber widowers
      else if ((member === 'adult' && adults === 2) || (member === 'elderly' && elders === 2)) {
        // couples: the first of the pair draws, the second is the other sex
        const first = household.indexOf(member) === index;
        sex = first ? (rng.chance(0.5) ? 'F' : 'M') : people[people.length - 1].sex === 'F' ? 'M' : 'F';
      } else sex = rng.chance(0.5) ? 'F' : 'M';
      const tags: PersonTag[] = [];
      if (member === 'elderly-alone') tags.push('living-alone-elderly');
      if (rng.chance(DISABILITY_BY_BAND[ageBand])) tags.push('disability');
      if (ageBand === '0-2') tags.push('infant');
      people.push({ id: refs.issue('P-', 8), houseId: house.id, ageBand, sex, tags });
    });
  }
  return { houses, rights, people };
}
