import { ringCentroid } from '../../core/geo/polygon';
import type { SummarySource } from '../../data/community/buildingSummaries';
import type { WorkerTask, WorkerTaskContext } from '../../core/worker/serveWorker';
import { FACILITY_CATEGORIES, type Community, type Facility, type FacilityCategory, type LonLat } from '../../core/model/types';
import { isOpenAt, parseWeeklyHours, type WeekTime } from '../../core/time/weeklyHours';
import { attachPoints, attachedPointsBuffers, type AttachedPoints } from '../network/attachPoints';
import { buildWalkGraphFromPacked, packLines, walkGraphBuffers, type PackedLines } from '../network/buildGraph';
import { buildEdgeGridIndex } from '../network/edgeIndex';
import { computeServiceCoverage, type ProgressEvent, type ServiceCoverage } from './computeServiceCoverage';
import { populationByTargetFromCommunity, type PopulationByTarget } from './population';
import { DEFAULT_SERVICE_RULES, TARGET_POPULATIONS, type ServiceRuleSet, type TargetPopulation } from './rules';

/**
 * Everything a service-coverage run needs, as plain data and typed arrays: what the UI posts to the
 * worker (buffers transferred, not copied) and what the CLI computes directly. The graph is built
 * and the points attached on the computing side, so the heavy part never blocks the UI thread.
 */
export interface ServiceCoverageRequest extends RequestOptions {
  lines: PackedLines;
  /** Building positions (footprint centroids), [lon, lat] interleaved. */
  buildingLonLat: Float64Array;
  facilityLonLat: Float64Array;
  /** Per facility: index into FACILITY_CATEGORIES. */
  facilityCategory: Uint8Array;
  /** Per facility: capacity, NaN when unknown. */
  facilityCapacity: Float64Array;
  population?: PopulationByTarget;
  countedBuildings?: Uint8Array;
  buildingIds?: string[];
  facilityIds?: string[];
  /** As in RequestOptions, but always set: the bundled rules when the caller gave none. */
  rules: ServiceRuleSet;
}

/**
 * When time-shared (错时共享) facilities count: 'open-hours' = in their open hours, i.e. they count
 * (the week has hours when they serve); a WeekTime = only if they are open at that moment.
 */
export type SharingTime = 'open-hours' | WeekTime;

export interface RequestOptions {
  rules?: ServiceRuleSet;
  /** Time-shared facilities: counted in their open hours (default), or at one moment of the week. */
  sharingAt?: SharingTime;
  walkSpeedMetersPerSecond?: number;
  snapToleranceMeters?: number;
  maxSnapMeters?: number;
  cutoffMeters?: number;
  categories?: FacilityCategory[];
  keepNodeArrays?: boolean;
}

/** A building of a generic input: a position, and optionally its residents by target population. */
export interface BuildingInput {
  id: string;
  position: LonLat;
  /** Residents by target; a target absent from every building is unknown. */
  population?: Partial<Record<TargetPopulation, number>>;
  /** Whether it counts in building shares (a home); default true. */
  counted?: boolean;
}

export interface FacilityInput {
  id: string;
  category: FacilityCategory;
  position: LonLat;
  capacity?: number;
}

const optionsOf = (options: RequestOptions) => {
  const { rules = DEFAULT_SERVICE_RULES, sharingAt: _sharingAt, ...rest } = options;
  return { rules, ...rest };
};

/**
 * The facilities as the service circles see them: each as itself, then — for 错时共享 — once more per
 * category it serves while shared (same id and place: a school's field counts as a fitness ground),
 * when it is open then. The extra rows come after the facilities, so a facility's index is unchanged.
 */
export function facilitiesWithSharing(facilities: readonly Facility[], at: SharingTime = 'open-hours'): FacilityInput[] {
  const shared: FacilityInput[] = [];
  for (const f of facilities) {
    if (!f.sharing) continue;
    if (at !== 'open-hours' && !isOpenAt(parseWeeklyHours(f.sharing.hours), at)) continue;
    for (const category of f.sharing.categories) shared.push({ id: f.id, category, position: f.position });
  }
  return [...facilities, ...shared];
}

/** A request from any lists of lines, buildings and facilities (e.g. OpenStreetMap extracts). */
export function serviceCoverageRequestFromFeatures(
  input: {
    network: readonly { coordinates: readonly (readonly number[])[] }[];
    buildings: readonly BuildingInput[];
    facilities: readonly FacilityInput[];
  },
  options: RequestOptions = {},
): ServiceCoverageRequest {
  const { buildings, facilities } = input;
  const buildingLonLat = new Float64Array(buildings.length * 2);
  buildings.forEach((b, i) => {
    buildingLonLat[2 * i] = b.position[0];
    buildingLonLat[2 * i + 1] = b.position[1];
  });
  // A target's population is known only when every building states it.
  let population: PopulationByTarget | undefined;
  for (const target of TARGET_POPULATIONS) {
    if (!buildings.length || !buildings.every((b) => typeof b.population?.[target] === 'number')) continue;
    population ??= {};
    population[target] = Float64Array.from(buildings, (b) => b.population![target]!);
  }
  return {
    lines: packLines(input.network),
    buildingLonLat,
    ...packFacilities(facilities),
    ...(population ? { population } : {}),
    countedBuildings: Uint8Array.from(buildings, (b) => (b.counted === false ? 0 : 1)),
    buildingIds: buildings.map((b) => b.id),
    ...optionsOf(options),
  };
}

function packFacilities(facilities: readonly FacilityInput[]) {
  const facilityLonLat = new Float64Array(facilities.length * 2);
  facilities.forEach((f, i) => {
    facilityLonLat[2 * i] = f.position[0];
    facilityLonLat[2 * i + 1] = f.position[1];
  });
  return {
    facilityLonLat,
    facilityCategory: Uint8Array.from(facilities, (f) => FACILITY_CATEGORIES.indexOf(f.category)),
    facilityCapacity: Float64Array.from(facilities, (f) => (typeof f.capacity === 'number' ? f.capacity : Number.NaN)),
    facilityIds: facilities.map((f) => f.id),
  };
}

/**
 * A request for a validated community: its network, building footprint centroids, facilities and
 * residents per building. Buildings count in building shares when somebody lives there or their
 * use is residential / mixed (a school or a shed is not a home to be served).
 */
export function serviceCoverageRequestFromCommunity(
  community: Pick<Community, 'network' | 'facilities'> & SummarySource,
  options: RequestOptions = {},
): ServiceCoverageRequest {
  const buildingIds = community.buildings.map((b) => b.id);
  const population = populationByTargetFromCommunity(community, buildingIds);
  const residents = population.all!;
  const buildingLonLat = new Float64Array(community.buildings.length * 2);
  community.buildings.forEach((b, i) => {
    const [lon, lat] = ringCentroid(b.footprint);
    buildingLonLat[2 * i] = lon;
    buildingLonLat[2 * i + 1] = lat;
  });
  return {
    lines: packLines(community.network),
    buildingLonLat,
    ...packFacilities(facilitiesWithSharing(community.facilities, options.sharingAt)),
    population,
    countedBuildings: Uint8Array.from(community.buildings, (b, i) =>
      residents[i] > 0 || b.use === 'residential' || b.use === 'mixed' ? 1 : 0,
    ),
    buildingIds,
    ...optionsOf(options),
  };
}

export interface PreparedNetwork {
  graph: ReturnType<typeof buildWalkGraphFromPacked>;
  buildings: AttachedPoints;
  facilities: AttachedPoints;
}

/** Builds the graph and attaches buildings and facilities (one edge index for both). */
export function prepareNetwork(request: ServiceCoverageRequest): PreparedNetwork {
  const graph = buildWalkGraphFromPacked(request.lines, {
    ...(request.snapToleranceMeters !== undefined ? { snapToleranceMeters: request.snapToleranceMeters } : {}),
  });
  const index = buildEdgeGridIndex(graph);
  const attachOptions = { index, ...(request.maxSnapMeters !== undefined ? { maxSnapMeters: request.maxSnapMeters } : {}) };
  return {
    graph,
    buildings: attachPoints(graph, request.buildingLonLat, attachOptions),
    facilities: attachPoints(graph, request.facilityLonLat, attachOptions),
  };
}

/** Graph, attachment and coverage in one go: what the worker runs. */
export function computeServiceCoverageFromRequest(
  request: ServiceCoverageRequest,
  onProgress?: (event: ProgressEvent) => void,
): ServiceCoverage {
  const { graph, buildings, facilities } = prepareNetwork(request);
  return computeServiceCoverage(
    {
      graph,
      buildings,
      facilities,
      facilityCategory: request.facilityCategory,
      facilityCapacity: request.facilityCapacity,
      rules: request.rules,
      ...(request.population ? { population: request.population } : {}),
      ...(request.countedBuildings ? { countedBuildings: request.countedBuildings } : {}),
      ...(request.walkSpeedMetersPerSecond !== undefined ? { walkSpeedMetersPerSecond: request.walkSpeedMetersPerSecond } : {}),
      ...(request.categories ? { categories: request.categories } : {}),
      ...(request.cutoffMeters !== undefined ? { cutoffMeters: request.cutoffMeters } : {}),
      ...(request.keepNodeArrays !== undefined ? { keepNodeArrays: request.keepNodeArrays } : {}),
      ...(request.buildingIds ? { buildingIds: request.buildingIds } : {}),
      ...(request.facilityIds ? { facilityIds: request.facilityIds } : {}),
    },
    onProgress,
  );
}

const unique = (buffers: (ArrayBufferLike | undefined)[]): ArrayBuffer[] => [
  ...new Set(buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer)),
];

/** Buffers of a request, to transfer to the worker (the request's arrays are unusable afterwards). */
export function requestTransferables(request: ServiceCoverageRequest): ArrayBuffer[] {
  return unique([
    request.lines.coordinates.buffer,
    request.lines.lineOffsets.buffer,
    request.buildingLonLat.buffer,
    request.facilityLonLat.buffer,
    request.facilityCategory.buffer,
    request.facilityCapacity.buffer,
    request.countedBuildings?.buffer,
    ...Object.values(request.population ?? {}).map((a) => a?.buffer),
  ]);
}

/** Buffers of a result, to transfer back from the worker. */
export function coverageTransferables(coverage: ServiceCoverage): ArrayBuffer[] {
  return unique([
    ...walkGraphBuffers(coverage.graph),
    ...attachedPointsBuffers(coverage.buildings),
    ...attachedPointsBuffers(coverage.facilities),
    coverage.facilityCategory.buffer,
    coverage.countedBuildings.buffer,
    ...Object.values(coverage.population).map((a) => a?.buffer),
    ...coverage.categories.flatMap((c) => [
      c.facilityIndices.buffer,
      c.walkDistanceMeters.buffer,
      c.walkSeconds.buffer,
      c.nearestFacility.buffer,
      c.routeVia.buffer,
      c.nodeDistanceMeters?.buffer,
      c.nodePredecessor?.buffer,
      c.nodeFacility?.buffer,
      c.capacity?.placesPerDemandByBuilding.buffer,
      c.capacity?.placesPerDemandByFacility.buffer,
      c.capacity?.demandInCatchmentByFacility.buffer,
    ]),
  ]);
}

/** `computeServiceCoverageFromRequest` as a worker task: progress per category, the result's buffers moved back. */
export const computeServiceCoverageTask: WorkerTask<ServiceCoverageRequest, ServiceCoverage, ProgressEvent> = Object.assign(
  (request: ServiceCoverageRequest, context: WorkerTaskContext<ProgressEvent>) =>
    computeServiceCoverageFromRequest(request, (event) => context.progress(event)),
  { transferOutput: coverageTransferables },
);
