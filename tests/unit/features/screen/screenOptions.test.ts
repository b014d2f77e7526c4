import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCHDOG_SECONDS, parseScreenOptions, resolveTourUrl } from '../../../../src/features/screen/screenOptions';

describe('large-screen options', () => {
  it('loads the built-in briefing paused by default, with the 60 s watchdog and the governor on', () => {
    expect(parseScreenOptions('?mode=screen')).toEqual({
      tour: { url: null, play: false, start: false },
      dwellSeconds: null,
      watchdogSeconds: DEFAULT_WATCHDOG_SECONDS,
      governor: true,
    });
  });

  it('plays the built-in briefing at the kiosk dwell: ?tour=auto&dwell=8', () => {
    expect(parseScreenOptions('?mode=screen&tour=auto&dwell=8')).toMatchObject({
      tour: { url: null, play: true, start: true },
      dwellSeconds: 8,
    });
  });

  it('loads a user storyboard by URL, playing unless play=0', () => {
    expect(parseScreenOptions('?tour=tours%2Fmine.json').tour).toEqual({ url: 'tours/mine.json', play: true, start: true });
    expect(parseScreenOptions('?tour=https://intranet/t.json&play=0').tour).toEqual({
      url: 'https://intranet/t.json',
      play: false,
      start: true,
    });
    expect(parseScreenOptions('?tour=off').tour).toBeNull();
  });

  it('accepts the soak pace of 0.2 s but ignores dwell values that are not seconds', () => {
    expect(parseScreenOptions('?dwell=0.2').dwellSeconds).toBe(0.2);
    for (const bad of ['0', '-3', 'abc', '', '1e9']) expect(parseScreenOptions(`?dwell=${bad}`).dwellSeconds).toBeNull();
  });

  it('switches the watchdog off with 0 and keeps the default for nonsense', () => {
    expect(parseScreenOptions('?watchdog=0').watchdogSeconds).toBeNull();
    expect(parseScreenOptions('?watchdog=20').watchdogSeconds).toBe(20);
    expect(parseScreenOptions('?watchdog=1').watchdogSeconds).toBe(DEFAULT_WATCHDOG_SECONDS);
    expect(parseScreenOptions('?governor=off').governor).toBe(false);
  });
});

describe('storyboard addresses', () => {
  const base = 'http://127.0.0.1:4173/twin/index.html';
  it('resolves relative addresses against the app and keeps http(s)', () => {
    expect(resolveTourUrl('models/tours/x.json', base)).toBe('http://127.0.0.1:4173/twin/models/tours/x.json');
    expect(resolveTourUrl('https://intranet.example/t.json', base)).toBe('https://intranet.example/t.json');
  });
  it('refuses javascript: and data: addresses', () => {
    expect(resolveTourUrl('javascript:alert(1)', base)).toBeNull();
    expect(resolveTourUrl('data:application/json,{}', base)).toBeNull();
  });
});
