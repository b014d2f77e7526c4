import { describe, expect, it } from 'vitest';
import { lookAtPoint, overviewAbove } from '../../../../src/features/view/arrivalFlight';

describe('the flight from the city view into a community', () => {
  it('finds the ground point a camera looks at (hand-checked: 45° down from 1,500 m looks 1,500 m ahead)', () => {
    // North: 1,500 m / 111,320 m per degree = 0.013475° of latitude.
    const [lon, lat] = lookAtPoint({ lon: 120.17, lat: 30.26, heightMeters: 1500, headingDeg: 0, pitchDeg: -45 });
    expect(lon).toBeCloseTo(120.17, 9);
    expect(lat).toBeCloseTo(30.26 + 0.013475, 5);
    // East at 30.26°N: 1,500 / (111,320 × cos 30.26°) = 0.015598° of longitude.
    const [eastLon, eastLat] = lookAtPoint({ lon: 120.17, lat: 30.26, heightMeters: 1500, headingDeg: 90, pitchDeg: -45 });
    expect(eastLon).toBeCloseTo(120.17 + 0.015598, 5);
    expect(eastLat).toBeCloseTo(30.26, 9);
  });

  it('looks straight down and at the horizon without dividing by zero', () => {
    expect(lookAtPoint({ lon: 120, lat: 30, heightMeters: 800, headingDeg: 0, pitchDeg: -90 })).toEqual([120, 30]);
    expect(lookAtPoint({ lon: 120, lat: 30, heightMeters: 800, headingDeg: 0, pitchDeg: 0 })).toEqual([120, 30]);
  });

  it('starts the overview straight down, high above the point the final camera looks at', () => {
    const overview = overviewAbove({ lon: 120.17, lat: 30.26, heightMeters: 1500, headingDeg: 0, pitchDeg: -45 });
    expect(overview.pitchDeg).toBe(-90);
    expect(overview.heightMeters).toBe(25_000);
    expect(overview.lat).toBeCloseTo(30.273475, 5);
  });
});
