import { DeveloperError } from '../core/errors';
import { lonLatBounds } from '../core/geo/bounds';
import { createLocalFrame } from '../core/geo/localFrame';
import type { CameraBookmark, Community, LonLat } from '../core/model/types';

/**
 * Camera bookmarks relative to the community: the view that frames a set of points (the scenario's
 * evidence), looking along `headingDeg` and down at `pitchDeg`.
 *
 * The points' bounding box gives a centre and a radius r (half its diagonal, at least
 * `minRadiusMeters`). A sphere of radius r fills a 60° field of view (Cesium's default
 * PerspectiveFrustum fov, π/3) at a distance r / sin 30° = 2r; `margin` adds room around it.
 * The camera then sits that distance from the centre, back along the heading and up at the pitch:
 * height = d·sin(−pitch), horizontal offset = d·cos(pitch) — the same geometry as the sample
 * package's own camera (pipeline/sample).
 */
export interface FramingOptions {
  headingDeg: number;
  /** Negative = looking down. */
  pitchDeg: number;
  /** Default 150 m, so a single building is not filled edge to edge. */
  minRadiusMeters?: number;
  /** Default 1.2. */
  margin?: number;
}

const HALF_FOV_RAD = Math.PI / 6;

export function framePoints(points: readonly LonLat[], options: FramingOptions): CameraBookmark {
  if (points.length === 0) throw new DeveloperError('framePoints needs at least one point');
  const bounds = lonLatBounds(points);
  const centre: LonLat = [(bounds.west + bounds.east) / 2, (bounds.south + bounds.north) / 2];
  const frame = createLocalFrame(centre);
  const [east, north] = frame.toLocal([bounds.east, bounds.north]);
  const radius = Math.max(Math.hypot(east, north), options.minRadiusMeters ?? 150);
  const distance = ((options.margin ?? 1.2) * radius) / Math.sin(HALF_FOV_RAD);
  const pitch = (options.pitchDeg * Math.PI) / 180;
  const heading = (options.headingDeg * Math.PI) / 180;
  const horizontal = distance * Math.cos(pitch);
  const [lon, lat] = frame.toLonLat(-horizontal * Math.sin(heading), -horizontal * Math.cos(heading));
  return { lon, lat, heightMeters: distance * Math.sin(-pitch), headingDeg: options.headingDeg, pitchDeg: options.pitchDeg };
}

/** The heading of the package's own camera (so every scenario keeps the user's orientation), else north. */
export function packageHeadingDeg(community: Pick<Community, 'manifest'>): number {
  return community.manifest.camera?.headingDeg ?? 0;
}

/**
 * Frames the given buildings (footprint vertices) plus extra points; with neither, the community
 * boundary. Pitch −45° by default: steeper than the package's overview so the evidence reads clearly.
 */
export function frameEvidence(
  community: Pick<Community, 'manifest' | 'buildings'>,
  buildingIds: readonly string[],
  extraPoints: readonly LonLat[] = [],
  options: Partial<FramingOptions> = {},
): CameraBookmark {
  const wanted = new Set(buildingIds);
  const points: LonLat[] = [...extraPoints];
  for (const b of community.buildings) if (wanted.has(b.id)) points.push(...b.footprint[0]);
  if (points.length === 0) points.push(...(community.manifest.boundary[0] ?? [community.manifest.centre]));
  return framePoints(points, { headingDeg: packageHeadingDeg(community), pitchDeg: -45, ...options });
}
