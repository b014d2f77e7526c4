import { because, type Reason } from '../../core/errors';

/**
 * Query parameters of the large-screen mode (`?mode=screen&…`):
 * - `tour`: absent → the built-in briefing, paused before its first step (→ starts it);
 *   `auto` → the built-in briefing playing from its first step (kiosk); `off` → no tour;
 *   anything else → the URL of a storyboard JSON (relative to the app or http/https), playing
 *   unless `play=0`.
 * - `dwell`: seconds every step stays once its scene is drawn (overrides the storyboard).
 * - `watchdog`: seconds `data-ready` may stay away before the view is rebuilt (default 60; 0: off).
 * - `governor=off`: always render at full quality.
 */
export interface ScreenOptions {
  tour: { url: string | null; play: boolean; start: boolean } | null;
  dwellSeconds: number | null;
  watchdogSeconds: number | null;
  governor: boolean;
}

export const DEFAULT_WATCHDOG_SECONDS = 60;
/** The built-in briefing, under the models folder. */
export const BUILTIN_TOUR_PATH = 'tours/briefing-nine-scenarios.json';

const seconds = (text: string | null, min: number, max: number): number | null => {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
};

export function parseScreenOptions(search: string): ScreenOptions {
  const params = new URLSearchParams(search);
  const tourParam = params.get('tour');
  let tour: ScreenOptions['tour'];
  if (tourParam === null || tourParam === '') tour = { url: null, play: false, start: false };
  else if (tourParam === 'off') tour = null;
  else if (tourParam === 'auto') tour = { url: null, play: true, start: true };
  else {
    const play = params.get('play') !== '0';
    tour = { url: tourParam, play, start: true };
  }
  const watchdogParam = params.get('watchdog');
  const watchdog = watchdogParam === '0' ? null : (seconds(watchdogParam, 5, 3600) ?? DEFAULT_WATCHDOG_SECONDS);
  return {
    tour,
    // 0.05 s is the soak test's pace; an hour per step is the most a wall would wait.
    dwellSeconds: seconds(params.get('dwell'), 0.05, 3600),
    watchdogSeconds: watchdog,
    governor: params.get('governor') !== 'off',
  };
}

/**
 * A storyboard address the screen may fetch: relative ones resolve against the app; only http(s)
 * (and blob: for a file the user picked) are followed — never javascript: or data: URLs.
 */
export function resolveTourUrl(value: string, baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return null;
  }
  return ['http:', 'https:', 'blob:'].includes(url.protocol) ? url.href : null;
}

/**
 * Whether the wall may fetch a storyboard from `value` (`?tour=<url>`): only from the app's own
 * origin or an origin the deployment lists (config/limits.json `tours.allowedOrigins`). A crafted
 * link must not make a command-centre wall contact an outside host and put its captions and camera
 * on the big screen; the refusal names the origin, for the wall to show.
 */
export function tourUrlPolicy(value: string, appUrl: string, allowedOrigins: readonly string[]): { url: string } | { refused: Reason } {
  const url = resolveTourUrl(value, appUrl);
  if (!url) return { refused: because('not an http(s) address', 'issue.url.notHttp') };
  // A blob: URL's origin is that of the page that made it.
  const origin = new URL(url).origin;
  if (origin === new URL(appUrl).origin || allowedOrigins.includes(origin)) return { url };
  return {
    refused: because(
      `is on ${origin}; storyboards are only read from this app's server or an origin listed in config/limits.json (tours.allowedOrigins)`,
      'issue.tour.originNotAllowed',
      { origin },
    ),
  };
}
