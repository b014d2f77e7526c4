/**
 * Planar helpers for laying out the synthetic sample in local metres (x east, y north) before it is
 * converted to longitude/latitude. Pure: no Node or DOM APIs.
 */

/** A point in local metres: [east, north]. */
export type Pt = [x: number, y: number];

/** An axis-aligned rectangle in local metres, x0 < x1 and y0 < y1. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A closed interval [a, b] along one axis. */
export type Interval = [a: number, b: number];

export function rect(x0: number, y0: number, x1: number, y1: number): Rect {
  return { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

export function expandRect(r: Rect, by: number): Rect {
  return { x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by };
}

/** True when the interiors of two rectangles intersect (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function rectArea(r: Rect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0);
}

export function rectCentre(r: Rect): Pt {
  return [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];
}

/** Exterior ring of a rectangle: counter-clockwise and closed (RFC 7946). */
export function rectRing(r: Rect): Pt[] {
  return [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
    [r.x0, r.y0],
  ];
}

/**
 * The strip of `widthMeters` around a straight segment, as a closed counter-clockwise ring
 * (used for road surfaces drawn from centrelines).
 */
export function segmentStrip(a: Pt, b: Pt, widthMeters: number): Pt[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const nx = (-dy / length) * (widthMeters / 2);
  const ny = (dx / length) * (widthMeters / 2);
  return [
    [a[0] - nx, a[1] - ny],
    [b[0] - nx, b[1] - ny],
    [b[0] + nx, b[1] + ny],
    [a[0] + nx, a[1] + ny],
    [a[0] - nx, a[1] - ny],
  ];
}

/** The bounding rectangle of a set of points. */
export function boundsOf(points: readonly Pt[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

/** `whole` minus every interval of `holes`, as sorted disjoint intervals (empty ones dropped). */
export function subtractIntervals(whole: Interval, holes: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [whole];
  for (const [ha, hb] of holes) {
    const next: Interval[] = [];
    for (const [a, b] of pieces) {
      if (hb <= a || ha >= b) {
        next.push([a, b]);
        continue;
      }
      if (ha > a) next.push([a, ha]);
      if (hb < b) next.push([hb, b]);
    }
    pieces = next;
  }
  return pieces.filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
}

/** Distance from point p to segment ab. */
export function pointSegmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const EPS = 1e-9;

/** Parameter t of the point p along segment ab (assumes p lies on the line through a and b). */
function paramAlong(a: Pt, b: Pt, p: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return Math.abs(dx) >= Math.abs(dy) ? (p[0] - a[0]) / dx : (p[1] - a[1]) / dy;
}

/**
 * Points where segments ab and cd meet: none, one (crossing or touching), or the end points of a
 * collinear overlap. A point equal to one of the four end points is returned as that very end point,
 * so that the same coordinates end up in both lines.
 */
function segmentMeetings(a: Pt, b: Pt, c: Pt, d: Pt): Pt[] {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const denominator = rx * sy - ry * sx;
  const qpx = c[0] - a[0];
  const qpy = c[1] - a[1];
  const scale = Math.hypot(rx, ry) * Math.hypot(sx, sy);
  if (Math.abs(denominator) <= EPS * scale) {
    // Parallel: only collinear overlaps meet; their end points are the meeting points.
    if (Math.abs(qpx * ry - qpy * rx) > EPS * Math.hypot(rx, ry) * Math.max(1, Math.hypot(qpx, qpy))) return [];
    const found: Pt[] = [];
    for (const p of [c, d]) {
      const t = paramAlong(a, b, p);
      if (t >= -EPS && t <= 1 + EPS) found.push(p);
    }
    for (const p of [a, b]) {
      const u = paramAlong(c, d, p);
      if (u >= -EPS && u <= 1 + EPS) found.push(p);
    }
    return found;
  }
  const t = (qpx * sy - qpy * sx) / denominator;
  const u = (qpx * ry - qpy * rx) / denominator;
  if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) return [];
  for (const endpoint of [a, b, c, d]) {
    const p: Pt = [a[0] + t * rx, a[1] + t * ry];
    if (Math.hypot(p[0] - endpoint[0], p[1] - endpoint[1]) < 1e-6) return [endpoint];
  }
  return [[a[0] + t * rx, a[1] + t * ry]];
}

/**
 * Nodes a set of polylines in place: wherever two lines cross or one ends on another, the meeting
 * point is inserted as a vertex into both, with identical coordinates, so that a graph built from
 * shared vertices is connected exactly where the lines meet on the map.
 */
export function nodePolylines(lines: Pt[][]): Pt[][] {
  // splits[line][segment] = points to insert into that segment
  const splits: Pt[][][] = lines.map((line) => line.slice(1).map(() => []));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const li = lines[i];
      const lj = lines[j];
      for (let si = 0; si + 1 < li.length; si++) {
        for (let sj = 0; sj + 1 < lj.length; sj++) {
          for (const p of segmentMeetings(li[si], li[si + 1], lj[sj], lj[sj + 1])) {
            splits[i][si].push(p);
            splits[j][sj].push(p);
          }
        }
      }
    }
  }
  return lines.map((line, li) => {
    const out: Pt[] = [line[0]];
    for (let s = 0; s + 1 < line.length; s++) {
      const a = line[s];
      const b = line[s + 1];
      const inner = splits[li][s].map((p) => ({ p, t: paramAlong(a, b, p) })).sort((m, n) => m.t - n.t);
      for (const { p } of inner) {
        const last = out[out.length - 1];
        if (samePoint(p, last) || samePoint(p, b)) continue;
        out.push(p);
      }
      out.push(b);
    }
    return out;
  });
}

function samePoint(p: Pt, q: Pt): boolean {
  return Math.abs(p[0] - q[0]) < 1e-6 && Math.abs(p[1] - q[1]) < 1e-6;
}
