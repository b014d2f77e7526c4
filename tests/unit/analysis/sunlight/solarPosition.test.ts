import { getSpa, SPA_ZA } from 'nrel-spa';
import { describe, expect, it } from 'vitest';
import {
  apparentSolarLongitudeDeg,
  equationOfTimeMinutes,
  solarTermDate,
  sunPath,
  sunPosition,
  trueSolarInstant,
  trueSolarNoonBeijingHours,
} from '../../../../src/analysis/sunlight/solarPosition';

const HANGZHOU = { lon: 120.16, lat: 30.27 };

describe('solar position (NREL SPA through nrel-spa)', () => {
  it("reproduces SPA's published example (Reda & Andreas 2004, table A5.1): zenith 50.11162°, azimuth 194.34024°", () => {
    // 2003-10-17 12:30:30 local time at UTC−7, ΔUT1 0, ΔT 67 s, 1830.14 m, 820 mbar, 11 °C.
    const r = getSpa(new Date(Date.UTC(2003, 9, 17, 19, 30, 30)), 39.742476, -105.1786, 0, {
      elevation: 1830.14,
      pressure: 820,
      temperature: 11,
      delta_t: 67,
      delta_ut1: 0,
      function: SPA_ZA,
    });
    expect(r.zenith).toBeCloseTo(50.11162, 5);
    expect(r.azimuth).toBeCloseTo(194.34024, 5);
  });

  it('our wrapper gives the same sun within the refraction and ΔT differences of its defaults (< 0.01°)', () => {
    const p = sunPosition(Date.UTC(2003, 9, 17, 19, 30, 30), { lon: -105.1786, lat: 39.742476, elevationMeters: 1830.14 });
    expect(90 - p.elevationDeg).toBeCloseTo(50.11162, 1);
    expect(p.azimuthDeg).toBeCloseTo(194.34024, 1);
  });

  it('the equation of time has its published extremes: −14.2 min about 11 February, +16.4 min about 3 November', () => {
    expect(equationOfTimeMinutes('2027-02-11', HANGZHOU)).toBeCloseTo(-14.2, 0);
    expect(equationOfTimeMinutes('2027-11-03', HANGZHOU)).toBeCloseTo(16.4, 0);
  });

  it('true solar noon is Beijing 12:00 − EoT + (120° − longitude)/15°: in Hangzhou on 大寒 2027 about 12:10', () => {
    const noon = trueSolarNoonBeijingHours('2027-01-20', HANGZHOU);
    const eot = equationOfTimeMinutes('2027-01-20', HANGZHOU);
    expect(noon).toBeCloseTo(12 - eot / 60 + (120 - HANGZHOU.lon) / 15, 6);
    expect(noon * 60).toBeGreaterThan(12 * 60 + 9);
    expect(noon * 60).toBeLessThan(12 * 60 + 12);
    // At true solar noon the sun is due south.
    expect(sunPosition(trueSolarInstant('2027-01-20', 12, HANGZHOU), HANGZHOU).azimuthDeg).toBeCloseTo(180, 1);
  });

  it('names the days of 大寒 and 冬至 (Chinese calendar: 2024-01-20, 2027-01-20, 2025-12-21, 2026-12-22)', () => {
    expect(solarTermDate(2024, 'dahan')).toBe('2024-01-20');
    expect(solarTermDate(2027, 'dahan')).toBe('2027-01-20');
    expect(solarTermDate(2025, 'dongzhi')).toBe('2025-12-21');
    expect(solarTermDate(2026, 'dongzhi')).toBe('2026-12-22');
    // The June solstice of 2025 (21 June 02:42 UTC) is at 90°.
    expect(apparentSolarLongitudeDeg(Date.UTC(2025, 5, 21, 2, 42))).toBeCloseTo(90, 1);
  });

  it('samples the window at the middle of each step: 8 h of 1-minute steps are 480 samples from 08:00:30 to 15:59:30', () => {
    const path = sunPath('2027-01-20', HANGZHOU, { startHours: 8, endHours: 16, stepMinutes: 1 });
    expect(path.trueSolarHours.length).toBe(480);
    expect(path.trueSolarHours[0]).toBeCloseTo(8 + 0.5 / 60, 9);
    expect(path.trueSolarHours[479]).toBeCloseTo(16 - 0.5 / 60, 9);
    // Hand check at 08:00 true solar time on 大寒 (δ ≈ −20.2°, hour angle −60°):
    // sin α = sin φ sin δ + cos φ cos δ cos 60° = 0.5041·(−0.3453) + 0.8636·0.9385·0.5 = 0.2312 → α ≈ 13.4°.
    const first = Math.asin(path.directions[2]) * (180 / Math.PI);
    expect(first).toBeCloseTo(13.4, 0);
  });
});
