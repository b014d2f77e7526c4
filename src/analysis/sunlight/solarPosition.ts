import { getSpa, SPA_ZA, SPA_ZA_RTS } from 'nrel-spa';

/**
 * Where the sun is, by NREL's Solar Position Algorithm (Reda & Andreas 2004, "Solar Position Algorithm
 * for Solar Radiation Applications", Solar Energy 76(5) 577–589; uncertainty ±0.0003° for −2000…6000),
 * through the `nrel-spa` package, a line-by-line port of NREL's C reference checked here against the
 * paper's published example (tests/unit/analysis/sunlight/solarPosition.test.ts).
 *
 * Times are instants (ms since the epoch, UTC); China's civil time is Beijing time, UTC+8, all year.
 */

/** Beijing time (北京时间) is UTC+8 with no daylight saving. */
export const BEIJING_UTC_OFFSET_HOURS = 8;
const HOUR_MS = 3_600_000;
const DEG = Math.PI / 180;

export interface SunPosition {
  /** Degrees clockwise from north (navigational: 90 east, 180 south). */
  azimuthDeg: number;
  /** Topocentric elevation above the horizon, degrees, with SPA's standard refraction (1010 mbar, 10 °C). */
  elevationDeg: number;
}

export interface Site {
  lon: number;
  lat: number;
  /** Metres above sea level; Hangzhou's old town is at ~10 m. */
  elevationMeters?: number;
}

/** SPA's ΔT (TT − UT1), seconds: 69.2 s for 2020–2030 (IERS Bulletin A; the sun moves 0.0008° per second of ΔT error). */
const DELTA_T_SECONDS = 69.2;

/** The sun at an instant, seen from a site. */
export function sunPosition(instantMs: number, site: Site): SunPosition {
  const result = getSpa(new Date(instantMs), site.lat, site.lon, 0, {
    elevation: site.elevationMeters ?? 0,
    delta_t: DELTA_T_SECONDS,
    function: SPA_ZA,
  });
  return { azimuthDeg: result.azimuth, elevationDeg: 90 - result.zenith };
}

/** Parses an ISO calendar date `YYYY-MM-DD` (a day of Beijing time); null when it is not one. */
export function parseCivilDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant of a Beijing clock time (hours, may be fractional) on a Beijing civil date. */
export function beijingInstant(date: string, clockHours: number): number {
  const d = parseCivilDate(date);
  if (!d) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(d.year, d.month - 1, d.day) + (clockHours - BEIJING_UTC_OFFSET_HOURS) * HOUR_MS;
}

/**
 * True solar noon (the sun's transit, hour angle 0) of a Beijing civil date, as Beijing clock hours.
 * True solar time (真太阳时) is then Beijing time + the equation of time − (120° − longitude)/15°, that
 * is `clock = solarNoon + (trueSolarHours − 12)`: SPA's transit already holds both terms. The
 * equation of time drifts < 1 s per hour in January, so one value per day is exact to the second.
 */
export function trueSolarNoonBeijingHours(date: string, site: Site): number {
  const d = parseCivilDate(date);
  if (!d) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  // SPA reads the Date's UTC fields as local clock time of the given zone and returns the transit in it.
  const result = getSpa(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)), site.lat, site.lon, BEIJING_UTC_OFFSET_HOURS, {
    elevation: site.elevationMeters ?? 0,
    delta_t: DELTA_T_SECONDS,
    function: SPA_ZA_RTS,
  });
  return result.solarNoon;
}

/** The equation of time of a date at a site, minutes (true solar − mean solar time), from SPA's transit. */
export function equationOfTimeMinutes(date: string, site: Site): number {
  const meanNoonBeijing = 12 + (BEIJING_UTC_OFFSET_HOURS * 15 - site.lon) / 15;
  return (meanNoonBeijing - trueSolarNoonBeijingHours(date, site)) * 60;
}

/** The instant of a true solar time (hours) on a Beijing civil date. */
export function trueSolarInstant(date: string, trueSolarHours: number, site: Site): number {
  return beijingInstant(date, trueSolarNoonBeijingHours(date, site) + (trueSolarHours - 12));
}

/**
 * The sun's apparent ecliptic longitude, degrees, by Meeus' low-accuracy series (Astronomical
 * Algorithms, 2nd ed., ch. 25; ±0.01°, i.e. ±15 minutes in the time of a solar term). Enough to name
 * the day of a solar term (节气) unless it falls within minutes of midnight.
 */
export function apparentSolarLongitudeDeg(instantMs: number): number {
  const julianDay = instantMs / 86_400_000 + 2_440_587.5;
  const t = (julianDay - 2_451_545.0) / 36_525;
  const meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * DEG;
  const centre =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const omega = (125.04 - 1934.136 * t) * DEG;
  const longitude = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega);
  return ((longitude % 360) + 360) % 360;
}

/** The solar terms the sunlight rules use: 冬至 (winter solstice, 270°) and 大寒 (Great Cold, 300°). */
export const SOLAR_TERMS = { dongzhi: 270, dahan: 300 } as const;
export type SolarTerm = keyof typeof SOLAR_TERMS;

/**
 * The Beijing civil date (YYYY-MM-DD) on which a solar term falls in a Gregorian year: the instant the
 * sun's apparent longitude reaches the term's value, found by bisection, read on Beijing's clock.
 * 大寒 falls on 20 or 21 January, 冬至 on 21 or 22 December.
 */
export function solarTermDate(year: number, term: SolarTerm): string {
  const target = SOLAR_TERMS[term];
  // Search the month where the term lies: January for 大寒, December for 冬至.
  let lo = term === 'dahan' ? Date.UTC(year, 0, 10) : Date.UTC(year, 11, 10);
  let hi = lo + 20 * 86_400_000;
  const ahead = (ms: number) => ((apparentSolarLongitudeDeg(ms) - target + 540) % 360) - 180 >= 0;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (ahead(mid)) hi = mid;
    else lo = mid;
  }
  const beijing = new Date(hi + BEIJING_UTC_OFFSET_HOURS * HOUR_MS);
  return beijing.toISOString().slice(0, 10);
}

/**
 * The sun's path over a time window of true solar time, sampled at the middle of each step (so n steps
 * of Δ minutes cover the window exactly and a point lit at every sample gets the whole window).
 * Directions are unit vectors toward the sun in the local east/north/up frame.
 */
export interface SunPath {
  date: string;
  stepMinutes: number;
  /** Beijing instants of the samples, ms. */
  instantsMs: Float64Array;
  /** True solar hours of the samples. */
  trueSolarHours: Float64Array;
  /** East, north, up of the unit vector toward the sun, per sample. */
  directions: Float64Array;
  /** tan(elevation) per sample; ≤ 0 when the sun is below the horizon. */
  tanElevation: Float64Array;
}

export function sunPath(date: string, site: Site, window: { startHours: number; endHours: number; stepMinutes: number }): SunPath {
  const { startHours, endHours, stepMinutes } = window;
  if (!(endHours > startHours) || !(stepMinutes > 0)) throw new RangeError(`empty window ${startHours}–${endHours} / ${stepMinutes} min`);
  const count = Math.round(((endHours - startHours) * 60) / stepMinutes);
  const noon = trueSolarNoonBeijingHours(date, site);
  const dayStart = beijingInstant(date, 0);
  const instantsMs = new Float64Array(count);
  const trueSolarHours = new Float64Array(count);
  const directions = new Float64Array(count * 3);
  const tanElevation = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const solar = startHours + ((i + 0.5) * stepMinutes) / 60;
    const instant = dayStart + (noon + solar - 12) * HOUR_MS;
    const { azimuthDeg, elevationDeg } = sunPosition(instant, site);
    const az = azimuthDeg * DEG;
    const el = elevationDeg * DEG;
    instantsMs[i] = instant;
    trueSolarHours[i] = solar;
    directions[i * 3] = Math.sin(az) * Math.cos(el);
    directions[i * 3 + 1] = Math.cos(az) * Math.cos(el);
    directions[i * 3 + 2] = Math.sin(el);
    tanElevation[i] = Math.tan(el);
  }
  return { date, stepMinutes, instantsMs, trueSolarHours, directions, tanElevation };
}
