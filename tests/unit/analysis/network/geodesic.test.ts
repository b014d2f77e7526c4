import { describe, expect, it } from 'vitest';
import { andoyerLambertDistanceMeters, vincentyDistanceMeters } from '../../../../src/analysis/network/geodesic';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
// Vincenty (1975) / Geoscience Australia test line: Flinders Peak → Buninyong, 54,972.271 m on GRS80
// (WGS84 differs from GRS80 by 0.1 mm in the semi-minor axis: nothing at this length).
const FLINDERS = [dms(144, 25, 29.5244), -dms(37, 57, 3.7203)] as const;
const BUNINYONG = [dms(143, 55, 35.3839), -dms(37, 39, 10.1561)] as const;

describe('ellipsoidal distance', () => {
  it('matches the Flinders Peak – Buninyong geodesic to the millimetre (Vincenty)', () => {
    expect(vincentyDistanceMeters(FLINDERS[0], FLINDERS[1], BUNINYONG[0], BUNINYONG[1])).toBeCloseTo(54972.271, 3);
  });

  it('gives the WGS84 meridian arc of 1° at the equator, 110,574.389 m, and a·π/180 = 111,319.491 m along it', () => {
    expect(vincentyDistanceMeters(0, 0, 0, 1)).toBeCloseTo(110574.389, 3);
    expect(vincentyDistanceMeters(0, 0, 1, 0)).toBeCloseTo((6378137 * Math.PI) / 180, 3);
  });

  it('is not a sphere: 1° of latitude and 1° of longitude at the equator differ by 745 m', () => {
    expect(vincentyDistanceMeters(0, 0, 1, 0) - vincentyDistanceMeters(0, 0, 0, 1)).toBeCloseTo(745.1, 1);
  });

  it('is 0 for one point and symmetric', () => {
    expect(vincentyDistanceMeters(120.18, 30.27, 120.18, 30.27)).toBe(0);
    const ab = vincentyDistanceMeters(120.18, 30.27, 120.181, 30.2705);
    expect(vincentyDistanceMeters(120.181, 30.2705, 120.18, 30.27)).toBeCloseTo(ab, 9);
  });

  it('Andoyer–Lambert agrees within 10 cm at 55 km and 1 mm at street scale', () => {
    expect(andoyerLambertDistanceMeters(FLINDERS[0], FLINDERS[1], BUNINYONG[0], BUNINYONG[1])).toBeCloseTo(54972.271, 0);
    expect(Math.abs(andoyerLambertDistanceMeters(FLINDERS[0], FLINDERS[1], BUNINYONG[0], BUNINYONG[1]) - 54972.271)).toBeLessThan(0.1);
    expect(andoyerLambertDistanceMeters(120.18, 30.27, 120.181, 30.2705)).toBeCloseTo(
      vincentyDistanceMeters(120.18, 30.27, 120.181, 30.2705),
      3,
    );
  });
});
