/**
 * Render quality an all-day screen may trade for frame time (see core/perf/frameGovernor). Engine
 * neutral: the adapter maps it to its own settings (Cesium: viewer.resolutionScale, scene.msaaSamples,
 * the facility labels).
 */

/** Facility names drawn: all, only the major categories (the minor ones are many and small), none. */
export type LabelDensity = 'all' | 'major' | 'none';

export interface RenderQuality {
  /** Drawing-buffer size relative to the CSS size (1 = full resolution), > 0. */
  resolutionScale: number;
  /** Multisample anti-aliasing where the render profile has it (the light profile never does). */
  msaa: boolean;
  labels: LabelDensity;
  /**
   * Maximum screen-space error of streamed 3D Tiles (the city base), pixels: higher loads coarser and
   * fewer tiles. Cesium's default is 16.
   */
  tileScreenSpaceError: number;
}

/**
 * The ladder the governor walks, best first. Resolution goes first: on a wall it is the cost that
 * grows with the screen (7680×2160 is 8× the pixels of 1080p) and the loss is least visible from afar;
 * then anti-aliasing, then label density, with the city tiles' screen-space error rising alongside
 * (a coarser city: fewer buildings in the distance, which costs little at the wall's viewing distance).
 * The viewer draws no shadows, so there are none to drop.
 */
export const QUALITY_LEVELS: readonly RenderQuality[] = [
  { resolutionScale: 1, msaa: true, labels: 'all', tileScreenSpaceError: 16 },
  { resolutionScale: 0.85, msaa: true, labels: 'all', tileScreenSpaceError: 16 },
  { resolutionScale: 0.7, msaa: true, labels: 'all', tileScreenSpaceError: 24 },
  { resolutionScale: 0.7, msaa: false, labels: 'all', tileScreenSpaceError: 24 },
  { resolutionScale: 0.7, msaa: false, labels: 'major', tileScreenSpaceError: 32 },
  { resolutionScale: 0.5, msaa: false, labels: 'major', tileScreenSpaceError: 48 },
  { resolutionScale: 0.5, msaa: false, labels: 'none', tileScreenSpaceError: 64 },
];
