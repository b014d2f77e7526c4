import { createLocalFrame } from '../../core/geo/localFrame';
import type { LonLat } from '../../core/model/types';
import { MIN_CELL_SIZE } from '../../data/privacy/aggregate';

/** Square cells or pointy-top hexagons. */
export const CELL_SHAPES = ['square', 'hexagon'] as const;
export type CellShape = (typeof CELL_SHAPES)[number];

/**
 * One thing counted into a cell (a building): its position and its share of the cell's ratio. A cell's value
 * is Σ numerator / Σ denominator — the share aged 60+ of a cell is its elderly over its residents, not a
 * mean of the buildings' shares — and `count` is what small-cell suppression counts (residents, households).
 */
export interface AggregationInput {
  position: LonLat;
  numerator: number;
  denominator: number;
  count: number;
}

export interface AggregatedCell {
  /** `q,r` of the square's column and row or the hexagon's axial coordinates. */
  key: string;
  /** The cell's outline, closed, counter-clockwise. */
  ring: LonLat[];
  /** Σ numerator / Σ denominator; null when the cell is suppressed or its denominator is 0. */
  value: number | null;
  /** Inputs that fell in the cell. */
  inputs: number;
  /** Σ count; not shown for a suppressed cell. */
  count: number;
  /** True when the values are person-derived and fewer than 5 are counted (GB/T 35273 de-identification practice, as the building panel). */
  suppressed: boolean;
}

export interface GridOptions {
  shape: CellShape;
  /** Square: side. Hexagon: distance across the flats (the cell's width), so both sizes read as "cell width". */
  sizeMeters: number;
  /** Where the grid is anchored (the community's centre): cell (0,0) is centred there for hexagons, cornered there for squares. */
  origin: LonLat;
  /** Suppress cells counting fewer than `minCount` (person-derived values); off for building attributes. */
  suppressSmallCells: boolean;
  minCount?: number;
}

/**
 * Aggregates values to a square or hexagonal grid of a chosen size on the local tangent plane at `origin`
 * (metres; exact enough within a district: < 1 cm per km). Cells without inputs are not returned.
 */
export function aggregateToGrid(inputs: readonly AggregationInput[], options: GridOptions): AggregatedCell[] {
  const { shape, sizeMeters } = options;
  if (!(sizeMeters > 0)) throw new RangeError(`cell size must be positive, got ${sizeMeters}`);
  const frame = createLocalFrame(options.origin);
  const cells = new Map<string, { q: number; r: number; num: number; den: number; inputs: number; count: number }>();
  for (const input of inputs) {
    const [x, y] = frame.toLocal(input.position);
    const [q, r] = shape === 'square' ? [Math.floor(x / sizeMeters), Math.floor(y / sizeMeters)] : hexAt(x, y, sizeMeters);
    const key = `${q},${r}`;
    const cell = cells.get(key) ?? { q, r, num: 0, den: 0, inputs: 0, count: 0 };
    cell.num += input.numerator;
    cell.den += input.denominator;
    cell.inputs += 1;
    cell.count += input.count;
    cells.set(key, cell);
  }
  const minCount = options.minCount ?? MIN_CELL_SIZE;
  return [...cells.entries()].map(([key, c]) => {
    const suppressed = options.suppressSmallCells && c.count < minCount;
    const corners = shape === 'square' ? squareCorners(c.q, c.r, sizeMeters) : hexCorners(c.q, c.r, sizeMeters);
    const ring = corners.map(([x, y]) => frame.toLonLat(x, y));
    return {
      key,
      ring: [...ring, ring[0]],
      value: suppressed || c.den === 0 ? null : c.num / c.den,
      inputs: c.inputs,
      count: suppressed ? 0 : c.count,
      suppressed,
    };
  });
}

function squareCorners(q: number, r: number, s: number): [number, number][] {
  return [
    [q * s, r * s],
    [(q + 1) * s, r * s],
    [(q + 1) * s, (r + 1) * s],
    [q * s, (r + 1) * s],
  ];
}

// Pointy-top hexagons in axial coordinates (the layout of Red Blob Games' "Hexagonal Grids"): circumradius
// R = width / √3; centre x = √3·R·(q + r/2), y = 1.5·R·r.
const SQRT3 = Math.sqrt(3);

/** The axial coordinates of the hexagon containing (x, y): fractional axial, rounded in cube coordinates. */
function hexAt(x: number, y: number, width: number): [number, number] {
  const radius = width / SQRT3;
  const fq = ((SQRT3 / 3) * x - y / 3) / radius;
  const fr = ((2 / 3) * y) / radius;
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  // +0 turns a rounded -0 into 0, so keys read "0,0".
  return [q + 0, r + 0];
}

function hexCorners(q: number, r: number, width: number): [number, number][] {
  const radius = width / SQRT3;
  const cx = SQRT3 * radius * (q + r / 2);
  const cy = 1.5 * radius * r;
  return Array.from({ length: 6 }, (_, k) => {
    const angle = (Math.PI / 180) * (60 * k - 30);
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as [number, number];
  });
}

/** `classes` equal-interval breaks over the values (ascending upper bounds; the last is the maximum). */
export function equalIntervalBreaks(values: readonly number[], classes: number): number[] {
  if (!values.length) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [max];
  return Array.from({ length: classes }, (_, i) => min + ((max - min) * (i + 1)) / classes);
}

/** The class (0-based) of a value under `breaks`. */
export function classOf(value: number, breaks: readonly number[]): number {
  const i = breaks.findIndex((upper) => value <= upper);
  return i === -1 ? breaks.length - 1 : i;
}
