import { createLocalFrame, type LocalFrame } from '../../core/geo/localFrame';
import type { Building, Community, ContextBuilding, LonLat, PolygonCoords } from '../../core/model/types';
import type { WorkerTask, WorkerTaskContext } from '../../core/worker/serveWorker';
import { solarTermDate, sunPath, type Site } from './solarPosition';
import { computeSunlightHours, type Prisms, type SunlightHours } from './sunlightHours';
import type { SunlightPreset } from './sunlightRules';

/**
 * A sunlight run as plain data that crosses to the worker: the prisms in local metres around one
 * origin (the community's buildings, its context buildings and any what-if volumes), which of them
 * are assessed, the preset and the date. Built on the page (cheap); the worker computes the sun path
 * and the hours.
 */
export interface SunlightRequest {
  origin: LonLat;
  elevationMeters: number;
  date: string;
  preset: SunlightPreset;
  obstacles: Prisms;
  /** Prism ids, for the results (buildings' ids; context and what-if volumes have their own). */
  obstacleIds: string[];
  assessed: Int32Array;
  floors: Int32Array;
  storeyHeights: Float64Array;
}

export interface SunlightResult extends SunlightHours {
  date: string;
  presetId: string;
  /** Ids of the assessed buildings, indexed like `assessed`. */
  buildingIds: string[];
  origin: LonLat;
  /** Worker time, ms. */
  elapsedMs: number;
}

/** A prism to add or raise in a what-if: a new volume, an elevator shaft, a building with floors added. */
export interface Volume {
  id: string;
  footprint: PolygonCoords;
  heightMeters: number;
}

export interface PrismSource {
  id: string;
  footprint: PolygonCoords;
  heightMeters: number;
  /** Assessed (sampled) with this many floors, or not assessed. */
  floors?: number;
}

/** The default date of a preset: its solar term in the given year (大寒 in January, 冬至 in December). */
export function defaultSunlightDate(preset: SunlightPreset, year: number): string {
  return solarTermDate(year, preset.day);
}

/** Prisms of footprints (exterior rings, closing vertex dropped) in a local frame. */
export function prismsOf(sources: readonly PrismSource[], frame: LocalFrame): { prisms: Prisms; kept: number[] } {
  const ringStart = [0];
  const coords: number[] = [];
  const heights: number[] = [];
  const kept: number[] = [];
  sources.forEach((s, index) => {
    const ring = s.footprint[0] ?? [];
    const open =
      ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
    if (open.length < 3 || !(s.heightMeters > 0)) return;
    for (const p of open) coords.push(...frame.toLocal(p));
    ringStart.push(coords.length / 2);
    heights.push(s.heightMeters);
    kept.push(index);
  });
  return {
    prisms: { ringStart: Int32Array.from(ringStart), coords: Float64Array.from(coords), heights: Float64Array.from(heights) },
    kept,
  };
}

/** Residential buildings with homes are what the rule protects. */
export function isAssessed(building: Building): boolean {
  return building.use === 'residential' || building.use === 'mixed';
}

/**
 * The request for a community: its buildings (the residential ones assessed) and its context
 * buildings as obstacles; `volumes` replace the building of the same id (floors added) or are added
 * (a new volume, an elevator shaft).
 */
export function sunlightRequestFromCommunity(
  community: Community,
  options: { preset: SunlightPreset; date?: string; volumes?: readonly Volume[] },
): SunlightRequest {
  const replaced = new Map((options.volumes ?? []).map((v) => [v.id, v]));
  const sources: PrismSource[] = community.buildings.map((b) => {
    const v = replaced.get(b.id);
    return {
      id: b.id,
      footprint: v?.footprint ?? b.footprint,
      heightMeters: v?.heightMeters ?? b.heightMeters,
      ...(isAssessed(b) ? { floors: b.floors } : {}),
    };
  });
  const own = new Set(community.buildings.map((b) => b.id));
  for (const v of options.volumes ?? [])
    if (!own.has(v.id)) sources.push({ id: v.id, footprint: v.footprint, heightMeters: v.heightMeters });
  for (const layer of community.context)
    sources.push(...layer.buildings.map((c: ContextBuilding) => ({ id: c.id, footprint: c.footprint, heightMeters: c.heightMeters })));
  const storeyHeight = new Map(community.buildings.map((b) => [b.id, b.heightMeters / Math.max(1, Math.round(b.floors))]));
  return sunlightRequestFromPrisms(sources, {
    origin: community.manifest.centre,
    preset: options.preset,
    ...(options.date ? { date: options.date } : {}),
    storeyHeightOf: (id) => storeyHeight.get(id) ?? 3,
  });
}

/** The request for plain prisms (the CLI's `--buildings`): every source with `floors` is assessed. */
export function sunlightRequestFromPrisms(
  sources: readonly PrismSource[],
  options: { origin: LonLat; preset: SunlightPreset; date?: string; elevationMeters?: number; storeyHeightOf?: (id: string) => number },
): SunlightRequest {
  const frame = createLocalFrame(options.origin);
  const { prisms, kept } = prismsOf(sources, frame);
  const assessed: number[] = [];
  const floors: number[] = [];
  const storeyHeights: number[] = [];
  kept.forEach((sourceIndex, prismIndex) => {
    const s = sources[sourceIndex];
    if (s.floors === undefined || !(s.floors >= 1)) return;
    assessed.push(prismIndex);
    floors.push(Math.round(s.floors));
    storeyHeights.push(options.storeyHeightOf?.(s.id) ?? s.heightMeters / Math.round(s.floors));
  });
  const year = new Date().getFullYear();
  return {
    origin: options.origin,
    elevationMeters: options.elevationMeters ?? 10,
    date: options.date ?? defaultSunlightDate(options.preset, year),
    preset: options.preset,
    obstacles: prisms,
    obstacleIds: kept.map((i) => sources[i].id),
    assessed: Int32Array.from(assessed),
    floors: Int32Array.from(floors),
    storeyHeights: Float64Array.from(storeyHeights),
  };
}

/** Computes a request (in the worker, or directly in tests and the CLI). */
export function computeSunlightFromRequest(request: SunlightRequest, onProgress?: (done: number) => void): SunlightResult {
  const started = performance.now();
  const site: Site = { lon: request.origin[0], lat: request.origin[1], elevationMeters: request.elevationMeters };
  const { preset } = request;
  const path = sunPath(request.date, site, {
    startHours: preset.windowStartHours,
    endHours: preset.windowEndHours,
    stepMinutes: preset.stepMinutes,
  });
  const hours = computeSunlightHours(
    {
      obstacles: request.obstacles,
      assessed: request.assessed,
      floors: request.floors,
      storeyHeights: request.storeyHeights,
      sun: { directions: path.directions, tanElevation: path.tanElevation, stepMinutes: path.stepMinutes },
      rule: preset,
    },
    onProgress,
  );
  return {
    ...hours,
    date: request.date,
    presetId: preset.id,
    buildingIds: Array.from(request.assessed, (i) => request.obstacleIds[i]),
    origin: request.origin,
    elapsedMs: performance.now() - started,
  };
}

export function sunlightRequestTransferables(request: SunlightRequest): ArrayBuffer[] {
  const { obstacles } = request;
  return [obstacles.ringStart, obstacles.coords, obstacles.heights, request.assessed, request.floors, request.storeyHeights].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export function sunlightResultTransferables(result: SunlightResult): ArrayBuffer[] {
  return [result.positions, result.normals, result.facadeAzimuthDeg, result.building, result.floor, result.hours, result.rawMinutes].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export const computeSunlightTask: WorkerTask<SunlightRequest, SunlightResult, number> = Object.assign(
  (request: SunlightRequest, context: WorkerTaskContext<number>) => computeSunlightFromRequest(request, (done) => context.progress(done)),
  { transferOutput: sunlightResultTransferables },
);
