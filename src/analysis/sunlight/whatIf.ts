import { createLocalFrame } from '../../core/geo/localFrame';
import type { Building, PolygonCoords } from '../../core/model/types';
import type { CommunitySunlight } from './homeSunlight';
import type { Volume } from './sunlightRequest';

/**
 * What an addition does to the neighbours' sunlight: the volumes of a what-if (floors added to a
 * building, an elevator shaft on its stair side, a new volume) and the homes whose hours drop, and
 * which of them fall below the rule. GB 50180-2018 §4.0.9 item 3: an addition may not lower the
 * neighbours' homes below the standard they had, except an elevator added to existing housing for
 * accessibility — so the elevator what-if is shown as information, the others as a check.
 */

/** Size of an added elevator shaft: a common 加装电梯 shaft is about 2.4 × 2.4 m in plan [M, unverified]. */
export const DEFAULT_SHAFT = { widthMeters: 2.4, depthMeters: 2.4, overrunMeters: 1.5 } as const;

/** The building with `floors` more storeys of its own storey height (same footprint). */
export function addedFloorsVolume(building: Building, floors: number): Volume {
  const storey = building.heightMeters / Math.max(1, Math.round(building.floors));
  return { id: building.id, footprint: building.footprint, heightMeters: building.heightMeters + floors * storey };
}

/**
 * One elevator shaft per entrance (单元) on the stair side, outside the wall: in the slab walk-ups of
 * the 1980s–90s the stairwells and entrances are on the north façade, the living rooms face south
 * [M, common layout; a survey decides]. The shafts stand at the centres of equal stretches of the
 * north long wall, `widthMeters` along it, `depthMeters` out from it, `overrunMeters` above the roof
 * (the machine room or overrun).
 */
export function elevatorShaftVolumes(
  building: Building,
  shaft: { widthMeters: number; depthMeters: number; overrunMeters: number } = DEFAULT_SHAFT,
): Volume[] {
  const ring = building.footprint[0] ?? [];
  if (ring.length < 4) return [];
  const frame = createLocalFrame(ring[0]);
  const pts = ring.map((p) => frame.toLocal(p));
  let twice = 0;
  for (let i = 1; i < pts.length; i++) twice += pts[i - 1][0] * pts[i][1] - pts[i][0] * pts[i - 1][1];
  const ccw = twice > 0 ? 1 : -1;
  // The stair side: the wall longer than a third of the longest whose outward normal points most to the north.
  const edges = pts.slice(1).map((b, i) => {
    const a = pts[i];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return { a, b, length, nx: (ccw * (b[1] - a[1])) / length, ny: (-ccw * (b[0] - a[0])) / length };
  });
  const longest = Math.max(...edges.map((e) => e.length));
  const wall = edges.filter((e) => e.length >= longest / 3).sort((p, q) => q.ny - p.ny)[0];
  const count = Math.max(1, Math.round(building.entrances ?? 1));
  const [ux, uy] = [(wall.b[0] - wall.a[0]) / wall.length, (wall.b[1] - wall.a[1]) / wall.length];
  const half = shaft.widthMeters / 2;
  return Array.from({ length: count }, (_, i) => {
    const t = ((i + 0.5) / count) * wall.length;
    const [cx, cy] = [wall.a[0] + ux * t, wall.a[1] + uy * t];
    const corners: [number, number][] = [
      [cx - ux * half, cy - uy * half],
      [cx + ux * half, cy + uy * half],
      [cx + ux * half + wall.nx * shaft.depthMeters, cy + uy * half + wall.ny * shaft.depthMeters],
      [cx - ux * half + wall.nx * shaft.depthMeters, cy - uy * half + wall.ny * shaft.depthMeters],
    ];
    const footprint: PolygonCoords = [[...corners, corners[0]].map(([x, y]) => frame.toLonLat(x, y))];
    return { id: `${building.id}:elevator-${i + 1}`, footprint, heightMeters: building.heightMeters + shaft.overrunMeters };
  });
}

export interface HomeChange {
  houseId: string;
  buildingId: string;
  floor: number;
  beforeHours: number;
  afterHours: number;
}

export interface SunlightComparison {
  /** Homes of other buildings than those changed whose hours drop by a minute or more. */
  homesLosingSunlight: HomeChange[];
  /** Of those, the homes that met the rule before and do not after. */
  homesDroppingBelow: HomeChange[];
  /** Homes below the rule before and after, in the whole community. */
  failingBefore: number;
  failingAfter: number;
}

/** Before against after, for the neighbours of the changed buildings (`changed`: their ids). */
export function compareSunlight(before: CommunitySunlight, after: CommunitySunlight, changed: ReadonlySet<string>): SunlightComparison {
  const afterById = new Map(after.homes.map((h) => [h.houseId, h]));
  const losing: HomeChange[] = [];
  const dropping: HomeChange[] = [];
  for (const h of before.homes) {
    if (changed.has(h.buildingId)) continue;
    const a = afterById.get(h.houseId);
    if (!a || a.hours > h.hours - 1 / 60 + 1e-6) continue;
    const change = { houseId: h.houseId, buildingId: h.buildingId, floor: h.floor, beforeHours: h.hours, afterHours: a.hours };
    losing.push(change);
    if (h.passes && !a.passes) dropping.push(change);
  }
  const byLoss = (p: HomeChange, q: HomeChange) =>
    q.beforeHours - q.afterHours - (p.beforeHours - p.afterHours) || p.houseId.localeCompare(q.houseId);
  return {
    homesLosingSunlight: losing.sort(byLoss),
    homesDroppingBelow: dropping.sort(byLoss),
    failingBefore: before.failingHomes,
    failingAfter: after.failingHomes,
  };
}
