import { createLocalFrame } from '../core/geo/localFrame';
import {
  AGE_BANDS,
  ELDERLY_AGE_BANDS,
  RIGHT_TYPES,
  type AgeBand,
  type Building,
  type House,
  type HouseUse,
  type Occupancy,
  type Person,
  type Right,
  type RightType,
} from '../core/model/types';
import { isSmallCell, suppressCount, suppressTable, type SuppressedCount } from '../data/privacy/aggregate';
import { canSeePersonRows, type Role } from '../data/privacy/mask';
import type { Rgb } from './buildingColorModes';
import { ageClassColor, occupancyColor, rightTypeColor, type AgeClass, type InspectorColorMode } from './unitColorModes';

/**
 * The 分层分户 (floors and units) view of one building as plain data: every floor with one box per
 * house, laid out along the building's long axis in local metres, and what the UI may show about
 * each house for a given role. No three.js, no React: the engine draws it, the panel reads it.
 *
 * The boxes are a schematic, not surveyed walls: on each floor the houses are ordered by 单元
 * (entrance) then 室 (room) and each takes a share of the building's length equal to its share of
 * that floor's house area, at the building's full depth (one row, as in a slab walk-up where every
 * home runs from the north to the south façade).
 */

export interface UnitAddress {
  /** The building's name (e.g. "3幢"), or its id when unnamed. */
  building: string;
  entrance: number;
  floor: number;
  room: string;
}

export interface UnitBox {
  /** The house id. */
  id: string;
  address: UnitAddress;
  /** Start of the box along the long axis, metres from the building's end. */
  xMeters: number;
  /** Extent along the long axis, metres. */
  widthMeters: number;
  areaM2: number;
  use: HouseUse;
  occupancy: Occupancy;
  /** The right type with the largest summed share (ties: RIGHT_TYPES order); null when none is recorded. */
  rightType: RightType | null;
  /**
   * Residents, small-cell suppressed for every role (like the building panel's aggregates); null when
   * the community has no person rows (a package with building-level statistics only: homes are not counted).
   */
  residents: SuppressedCount | null;
  /** Residents per age band, or null when the role may not see them for this house (see `ageDetail`). */
  ageBands: Record<AgeBand, SuppressedCount> | null;
  ageClass: AgeClass;
  colors: Record<InspectorColorMode, Rgb>;
}

export interface FloorLayout {
  /** 1-based floor number. */
  floor: number;
  /** Height of the floor's base above ground, metres, before any explode offset. */
  elevationMeters: number;
  /** Floor marked for attention (e.g. the floors a reuse option converts). */
  highlighted: boolean;
  units: UnitBox[];
}

export interface BuildingUnitLayout {
  buildingId: string;
  /** Length of the footprint along its long axis, metres. */
  lengthMeters: number;
  /** Depth of the footprint across the long axis, metres. */
  depthMeters: number;
  /** Storey height, metres: building height / floors. */
  floorHeightMeters: number;
  /** Floors 1..building.floors, lowest first, including floors without houses. */
  floors: FloorLayout[];
  /** Houses of the building whose floor is outside 1..floors (basements, data errors): not drawn. */
  unplacedHouses: number;
  /** The role the privacy rules were applied for. */
  role: Role;
}

export interface UnitLayoutOptions {
  role: Role;
  /** Floors to mark, 1-based. */
  highlightFloors?: readonly number[];
}

export interface UnitLayoutData {
  houses: readonly House[];
  rights: readonly Right[];
  people: readonly Person[];
  /** Building-level statistics; where they stand in for person rows, nothing per home is known about residents. */
  residentStats?: readonly unknown[];
}

/** Footprints narrower than this are treated as this deep, so a degenerate polygon still draws. */
const MIN_EXTENT_METERS = 1;

export function layoutBuildingUnits(building: Building, data: UnitLayoutData, options: UnitLayoutOptions): BuildingUnitLayout {
  const { lengthMeters, depthMeters } = footprintExtents(building);
  const floorCount = Math.max(1, Math.round(building.floors));
  const floorHeightMeters = building.heightMeters / floorCount;
  const houses = data.houses.filter((h) => h.buildingId === building.id);
  const houseIds = new Set(houses.map((h) => h.id));
  const rightsByHouse = groupBy(
    data.rights.filter((r) => houseIds.has(r.houseId)),
    (r) => r.houseId,
  );
  const peopleByHouse = groupBy(
    data.people.filter((p) => houseIds.has(p.houseId)),
    (p) => p.houseId,
  );
  // A package with statistics and no person rows says nothing about the residents of one home:
  // their count and ages are unknown there, not zero (the occupancy colours still come from houses.csv).
  const perHomeResidents = data.people.length > 0 || !data.residentStats?.length;
  const highlighted = new Set(options.highlightFloors ?? []);
  const buildingLabel = building.name ?? building.id;

  const floors: FloorLayout[] = [];
  for (let floor = 1; floor <= floorCount; floor++) {
    const onFloor = houses.filter((h) => h.floor === floor).sort(byEntranceThenRoom);
    const floorAreaM2 = onFloor.reduce((sum, h) => sum + Math.max(h.areaM2, 0), 0);
    let x = 0;
    const units = onFloor.map((house): UnitBox => {
      // Equal shares when areas are missing (all zero), so every house still gets a box.
      const share = floorAreaM2 > 0 ? Math.max(house.areaM2, 0) / floorAreaM2 : 1 / onFloor.length;
      const widthMeters = share * lengthMeters;
      const residents = perHomeResidents ? (peopleByHouse.get(house.id) ?? []) : null;
      const unit = describeUnit(house, buildingLabel, rightsByHouse.get(house.id) ?? [], residents, options.role);
      const box = { ...unit, xMeters: x, widthMeters };
      x += widthMeters;
      return box;
    });
    floors.push({ floor, elevationMeters: (floor - 1) * floorHeightMeters, highlighted: highlighted.has(floor), units });
  }
  const unplacedHouses = houses.filter((h) => !(Number.isInteger(h.floor) && h.floor >= 1 && h.floor <= floorCount)).length;
  return { buildingId: building.id, lengthMeters, depthMeters, floorHeightMeters, floors, unplacedHouses, role: options.role };
}

/** Finds a unit by house id. */
export function findUnit(layout: BuildingUnitLayout, unitId: string): UnitBox | undefined {
  for (const floor of layout.floors) for (const unit of floor.units) if (unit.id === unitId) return unit;
  return undefined;
}

function describeUnit(
  house: House,
  building: string,
  rights: Right[],
  people: Person[] | null,
  role: Role,
): Omit<UnitBox, 'xMeters' | 'widthMeters'> {
  const rightType = dominantRightType(rights);
  const { ageBands, ageClass } = people ? ageDetail(people, role) : { ageBands: null, ageClass: 'unknown' as const };
  return {
    id: house.id,
    address: { building, entrance: house.entrance, floor: house.floor, room: house.room },
    areaM2: house.areaM2,
    use: house.use,
    occupancy: house.occupancy,
    rightType,
    residents: people ? suppressCount(people.length) : null,
    ageBands,
    ageClass,
    colors: { occupancy: occupancyColor(house.occupancy), rightType: rightTypeColor(rightType), ageBand: ageClassColor(ageClass) },
  };
}

/**
 * Share, not count, decides: two co-owners at 0.5 each are one 不动产权, not two. On a tie the
 * earlier type in RIGHT_TYPES wins, so a leased home still reads as 不动产权 (the lease rests on it).
 */
export function dominantRightType(rights: readonly Right[]): RightType | null {
  let best: RightType | null = null;
  let bestShare = 0;
  for (const type of RIGHT_TYPES) {
    const share = rights.filter((r) => r.rightType === type).reduce((sum, r) => sum + r.share, 0);
    if (share > bestShare) {
      best = type;
      bestShare = share;
    }
  }
  return best;
}

const YOUNG_CHILD_BANDS: readonly AgeBand[] = ['0-2', '3-5'];

/**
 * What may be said about the ages in one house.
 *
 * Roles that may see person rows (caseworker, administrator) see the true bands: the panel lists
 * the people anyway. For the public a household is a small group, so (GB/T 35273 display
 * restriction; k = 5 as in `aggregate.ts`): with fewer than 5 residents nothing about ages is
 * shown; with 5 or more the bands go through `suppressTable` (the 60+ bands are a published
 * sub-total), and the colour class is shown only when the counts it rests on (60+, 0–5) are not
 * small cells themselves — "someone here is over 60" is exactly what suppression hides.
 */
export function ageDetail(
  people: readonly Person[],
  role: Role,
): { ageBands: Record<AgeBand, SuppressedCount> | null; ageClass: AgeClass } {
  const counts = AGE_BANDS.map((band) => people.filter((p) => p.ageBand === band).length);
  const elderly = sumOf(counts, ELDERLY_AGE_BANDS);
  const youngChildren = sumOf(counts, YOUNG_CHILD_BANDS);
  if (people.length === 0) return { ageBands: null, ageClass: 'empty' };
  const trueClass: AgeClass = elderly > 0 && youngChildren > 0 ? 'both' : elderly > 0 ? 'elderly' : youngChildren > 0 ? 'child' : 'other';
  if (canSeePersonRows(role)) {
    return { ageBands: recordOf(counts.map((value) => ({ value, suppressed: false }))), ageClass: trueClass };
  }
  if (isSmallCell(people.length)) return { ageBands: null, ageClass: 'suppressed' };
  const elderlyGroup = ELDERLY_AGE_BANDS.map((band) => AGE_BANDS.indexOf(band));
  const ageBands = recordOf(suppressTable(counts, [elderlyGroup]));
  const ageClass = isSmallCell(elderly) || isSmallCell(youngChildren) ? 'suppressed' : trueClass;
  return { ageBands, ageClass };
}

function sumOf(counts: readonly number[], bands: readonly AgeBand[]): number {
  return bands.reduce((sum, band) => sum + counts[AGE_BANDS.indexOf(band)], 0);
}

function recordOf(cells: SuppressedCount[]): Record<AgeBand, SuppressedCount> {
  return Object.fromEntries(AGE_BANDS.map((band, i) => [band, cells[i]])) as Record<AgeBand, SuppressedCount>;
}

/**
 * Length and depth of the footprint's exterior ring, in local metres, measured along its longest
 * edge and across it (the oriented box of a slab block; good enough for a schematic of an L-shape).
 */
export function footprintExtents(building: Pick<Building, 'footprint'>): { lengthMeters: number; depthMeters: number } {
  const ring = building.footprint[0] ?? [];
  if (ring.length < 2) return { lengthMeters: MIN_EXTENT_METERS, depthMeters: MIN_EXTENT_METERS };
  const frame = createLocalFrame(ring[0]);
  const points = ring.map((p) => frame.toLocal(p));
  let axis: [number, number] = [1, 0];
  let longest = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i][0] - points[i - 1][0];
    const dy = points[i][1] - points[i - 1][1];
    const length = Math.hypot(dx, dy);
    if (length > longest) {
      longest = length;
      axis = [dx / length, dy / length];
    }
  }
  const along = points.map(([x, y]) => x * axis[0] + y * axis[1]);
  const across = points.map(([x, y]) => -x * axis[1] + y * axis[0]);
  const extent = (values: number[]) => Math.max(MIN_EXTENT_METERS, Math.max(...values) - Math.min(...values));
  const a = extent(along);
  const b = extent(across);
  // In an L- or T-shape the longest edge may run across the block: the longer extent is the length.
  return { lengthMeters: Math.max(a, b), depthMeters: Math.min(a, b) };
}

function byEntranceThenRoom(a: House, b: House): number {
  return a.entrance - b.entrance || a.room.localeCompare(b.room, 'en', { numeric: true });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
