import type { CameraBookmark } from '../../core/model/types';

const METERS_PER_DEGREE_LAT = 111_320;

/** How high the city overview starts: the whole of central Hangzhou in view. */
export const OVERVIEW_HEIGHT_METERS = 25_000;

/** Long enough to read as a flight from the city into the community, short enough for a briefing. */
export const ARRIVAL_FLIGHT_SECONDS = 4;

/**
 * Where a camera looks: the ground point on its line of sight (flat-earth over the few kilometres
 * involved; a camera looking at or above the horizon looks at the point below it).
 */
export function lookAtPoint(camera: CameraBookmark): [number, number] {
  const down = Math.max(0, -camera.pitchDeg) * (Math.PI / 180);
  const ahead = down > 1e-6 && down < Math.PI / 2 - 1e-9 ? camera.heightMeters / Math.tan(down) : 0;
  const heading = camera.headingDeg * (Math.PI / 180);
  const north = ahead * Math.cos(heading);
  const east = ahead * Math.sin(heading);
  return [camera.lon + east / (METERS_PER_DEGREE_LAT * Math.cos(camera.lat * (Math.PI / 180))), camera.lat + north / METERS_PER_DEGREE_LAT];
}

/**
 * The city overview a link from the city view opens with (`?fly=1`): straight down from high above
 * the point the final camera looks at, so the flight descends onto the community.
 */
export function overviewAbove(camera: CameraBookmark, heightMeters = OVERVIEW_HEIGHT_METERS): CameraBookmark {
  const [lon, lat] = lookAtPoint(camera);
  return { lon, lat, heightMeters, headingDeg: 0, pitchDeg: -90 };
}
