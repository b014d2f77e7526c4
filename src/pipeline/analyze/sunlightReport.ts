import { residentsInFailingHomesCells, type CommunitySunlight } from '../../analysis/sunlight/homeSunlight';
import type { SunlightResult } from '../../analysis/sunlight/sunlightRequest';
import type { SunlightPreset } from '../../analysis/sunlight/sunlightRules';
import { createLocalFrame } from '../../core/geo/localFrame';
import { formatSuppressed, suppressCount, type SuppressedCount } from '../../data/privacy/aggregate';

/** Sunlight as JSON (the CLI's `--sunlight --json`) and as a readable summary. */

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Residents are personal data in aggregate: fewer than 5 print as "<5". */
const residents = (n: number) => formatSuppressed(suppressCount(n));
/** The same in JSON: the number, or "<5". */
const residentsJson = (cell: SuppressedCount): number | string => (cell.suppressed ? formatSuppressed(cell) : cell.value);

export interface SunlightMeta {
  input: string;
}

function presetJson(preset: SunlightPreset) {
  return {
    id: preset.id,
    name: preset.name,
    day: preset.day,
    minHours: preset.minHours,
    windowTrueSolarHours: [preset.windowStartHours, preset.windowEndHours],
    stepMinutes: preset.stepMinutes,
    minSegmentMinutes: preset.minSegmentMinutes,
    summing: preset.summing,
    sillHeightMeters: preset.sillHeightMeters,
    pointSpacingMeters: preset.pointSpacingMeters,
    sources: preset.sources,
  };
}

/**
 * Every building's floors with their sample points (lon, lat, height above ground, the façade's
 * outward azimuth, hours) and the floor's best and worst hours, keyed by building id.
 */
function buildingsJson(result: SunlightResult, sunlight?: CommunitySunlight) {
  const frame = createLocalFrame(result.origin);
  const byBuilding = new Map(sunlight?.buildings.map((b) => [b.buildingId, b]));
  const cells = sunlight ? residentsInFailingHomesCells(sunlight).byBuilding : new Map<string, SuppressedCount>();
  const floors = result.buildingIds.map(
    () => new Map<number, { lon: number; lat: number; heightMeters: number; facadeAzimuthDeg: number; hours: number }[]>(),
  );
  for (let p = 0; p < result.hours.length; p++) {
    const [lon, lat] = frame.toLonLat(result.positions[3 * p], result.positions[3 * p + 1]);
    const point = {
      lon: round(lon, 7),
      lat: round(lat, 7),
      heightMeters: round(result.positions[3 * p + 2], 2),
      facadeAzimuthDeg: round(result.facadeAzimuthDeg[p], 1),
      hours: round(result.hours[p], 3),
    };
    const map = floors[result.building[p]];
    const list = map.get(result.floor[p]);
    if (list) list.push(point);
    else map.set(result.floor[p], [point]);
  }
  return Object.fromEntries(
    result.buildingIds.map((id, a) => {
      const summary = byBuilding.get(id);
      const floorList = [...floors[a].entries()]
        .sort((x, y) => x[0] - y[0])
        .map(([floor, points]) => {
          const hours = points.map((p) => p.hours);
          const homes = summary?.floors.find((f) => f.floor === floor);
          return {
            floor,
            bestHours: Math.max(...hours),
            worstHours: Math.min(...hours),
            ...(homes && homes.homes > 0
              ? { worstHomeHours: round(homes.worstHomeHours, 3), homes: homes.homes, failingHomes: homes.failingHomes }
              : {}),
            points,
          };
        });
      return [
        id,
        {
          ...(summary
            ? {
                worstFloorHours: round(summary.worstFloorHours, 3),
                homes: summary.homes,
                failingHomes: summary.failingHomes,
                residentsInFailingHomes: residentsJson(cells.get(id)!),
              }
            : {}),
          floors: floorList,
        },
      ];
    }),
  );
}

export function sunlightReportJson(
  result: SunlightResult,
  preset: SunlightPreset,
  meta: SunlightMeta,
  sunlight?: CommunitySunlight,
): unknown {
  return {
    input: meta.input,
    date: result.date,
    preset: presetJson(preset),
    stats: { ...result.stats, workerMilliseconds: round(result.elapsedMs, 0) },
    ...(sunlight
      ? {
          summary: {
            homes: sunlight.totalHomes,
            failingHomes: sunlight.failingHomes,
            passRate: round(sunlight.passRate, 4),
            residentsInFailingHomes: residentsJson(residentsInFailingHomesCells(sunlight).total),
            residentsNote:
              'estimated per building from its residents and occupied homes (aggregates, no person rows); fewer than 5 shown as <5',
          },
          homes: Object.fromEntries(
            sunlight.homes.map((h) => [h.houseId, { building: h.buildingId, floor: h.floor, hours: round(h.hours, 3), passes: h.passes }]),
          ),
        }
      : {}),
    buildings: buildingsJson(result, sunlight),
  };
}

export function sunlightReportText(
  result: SunlightResult,
  preset: SunlightPreset,
  meta: SunlightMeta,
  sunlight?: CommunitySunlight,
  top = 8,
): string {
  const lines = [
    `Sunlight of ${meta.input} on ${result.date}`,
    `rule: ${preset.name.en} — ≥ ${preset.minHours} h in ${preset.windowStartHours}:00–${preset.windowEndHours}:00 true solar time, ` +
      `${preset.stepMinutes}-min steps, segments ≥ ${preset.minSegmentMinutes} min, ${preset.summing}; points every ≤ ${preset.pointSpacingMeters} m at sill ${preset.sillHeightMeters} m`,
    `computed: ${result.stats.points} façade points × ${result.stats.steps} steps, ${result.stats.rays} rays, ${result.stats.prismTests} exact prism tests, ${(result.elapsedMs / 1000).toFixed(2)} s`,
  ];
  if (sunlight) {
    lines.push(
      `homes: ${sunlight.totalHomes}, below the rule: ${sunlight.failingHomes} (${((1 - sunlight.passRate) * 100).toFixed(1)} %), ` +
        `residents in them (estimated from building aggregates): ${residents(sunlight.residentsInFailingHomes)}`,
      '',
      'building      homes  below  worst floor (h)  residents below',
    );
    const cells = residentsInFailingHomesCells(sunlight).byBuilding;
    const worst = [...sunlight.buildings]
      .filter((b) => b.failingHomes > 0)
      .sort((a, b) => b.failingHomes - a.failingHomes || a.worstFloorHours - b.worstFloorHours);
    for (const b of worst.slice(0, top))
      lines.push(
        `${b.buildingId.padEnd(12)}  ${String(b.homes).padStart(5)}  ${String(b.failingHomes).padStart(5)}  ${b.worstFloorHours.toFixed(2).padStart(15)}  ${formatSuppressed(cells.get(b.buildingId)!).padStart(15)}`,
      );
  } else {
    lines.push('', 'building      floor  best (h)  worst (h)');
    const json = buildingsJson(result) as Record<string, { floors: { floor: number; bestHours: number; worstHours: number }[] }>;
    for (const [id, b] of Object.entries(json))
      for (const f of b.floors)
        lines.push(
          `${id.padEnd(12)}  ${String(f.floor).padStart(5)}  ${f.bestHours.toFixed(2).padStart(8)}  ${f.worstHours.toFixed(2).padStart(9)}`,
        );
  }
  return lines.join('\n');
}
