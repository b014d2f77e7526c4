import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCHDOG_SECONDS, parseScreenOptions, resolveTourUrl, tourUrlPolicy } from '../../../../src/features/screen/screenOptions';

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

describe('storyboard addresses: only the app’s own server or origins the deployment allows', () => {
  const base = 'http://wall.intranet:8080/twin/index.html';
  it('follows the app’s own origin (relative or absolute) and a same-origin blob', () => {
    expect(tourUrlPolicy('models/tours/x.json', base, [])).toEqual({ url: 'http://wall.intranet:8080/twin/models/tours/x.json' });
    expect(tourUrlPolicy('http://wall.intranet:8080/other/t.json', base, [])).toEqual({ url: 'http://wall.intranet:8080/other/t.json' });
    expect(tourUrlPolicy('blob:http://wall.intranet:8080/0c5e', base, [])).toEqual({ url: 'blob:http://wall.intranet:8080/0c5e' });
  });

  it('refuses any other host, port or scheme unless the deployment lists its origin', () => {
    for (const other of [
      'https://evil.example/t.json',
      'http://wall.intranet:9090/t.json',
      'https://wall.intranet:8080/t.json',
      '//evil.example/t.json',
    ])
      expect(tourUrlPolicy(other, base, []), other).toMatchObject({ refused: { message: { code: 'issue.tour.originNotAllowed' } } });
    expect(tourUrlPolicy('https://gis.intranet/t.json', base, ['https://gis.intranet'])).toEqual({ url: 'https://gis.intranet/t.json' });
    expect(tourUrlPolicy('javascript:alert(1)', base, [])).toMatchObject({ refused: { message: { code: 'issue.url.notHttp' } } });
  });
});
