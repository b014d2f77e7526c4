import { describe, expect, it } from 'vitest';
import { draftFigures, measureFigures, type MeasurePoint } from '../../../../src/analysis/measure/measurement';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';

const frame = createLocalFrame([120.18, 30.25]);
const point = (east: number, north: number, height = 0, ground = 0, buildingId: string | null = null): MeasurePoint => ({
  position: [...frame.toLonLat(east, north), height],
  groundHeightMeters: ground,
  buildingId,
  snap: 'none',
});
const flat = () => 0;

describe('measureFigures', () => {
  it('gives a distance between two roofs: 40 m apart, 30 m up (3-4-5)', () => {
    const f = measureFigures('distance', [point(0, 0, 12), point(40, 0, 42)], flat);
    expect(f).toMatchObject({ tool: 'distance', heightDifferenceMeters: 30 });
    if (f.tool !== 'distance') throw new Error('not a distance');
    expect(f.horizontalMeters).toBeCloseTo(40, 3);
    expect(f.slantMeters).toBeCloseTo(50, 3);
    // Along the ground between the two footprints: flat, so the horizontal distance.
    expect(f.groundMeters).toBeCloseTo(40, 3);
  });

  it('follows the terrain along the ground: a 3-in-4 ramp makes 400 m horizontal 500 m walked', () => {
    const ramp = (lon: number, lat: number) => (frame.toLocal([lon, lat])[0] * 3) / 4;
    const f = measureFigures('path', [point(0, 0), point(200, 0), point(400, 0)], ramp);
    if (f.tool !== 'path') throw new Error('not a path');
    expect(f.horizontalMeters).toBeCloseTo(400, 2);
    expect(f.groundMeters).toBeCloseTo(500, 1);
  });

  it('gives an area its projected and terrain areas and its perimeter (a 30 × 20 m plot)', () => {
    const plot = [point(0, 0), point(30, 0), point(30, 20), point(0, 20)];
    const f = measureFigures('area', plot, flat);
    if (f.tool !== 'area') throw new Error('not an area');
    expect(f.horizontalSquareMeters).toBeCloseTo(600, 1);
    expect(f.terrainSquareMeters).toBeCloseTo(600, 1);
    expect(f.perimeterMeters).toBeCloseTo(100, 2);
  });

  it('gives a height above the ground under the point and the picked building roof from its data', () => {
    const f = measureFigures('height', [point(5, 5, 24.6, 2, 'B7')], flat, (id) => (id === 'B7' ? 24 : undefined));
    expect(f).toEqual({ tool: 'height', aboveGroundMeters: 22.6, roofHeightMeters: 24, buildingId: 'B7' });
    expect(measureFigures('height', [point(5, 5, 0.2)], flat)).toMatchObject({ roofHeightMeters: null, buildingId: null });
  });

  it('refuses a measurement with too few points', () => {
    expect(() => measureFigures('area', [point(0, 0), point(1, 0)], flat)).toThrow(/area needs 3 points, got 2/);
  });
});

describe('draftFigures', () => {
  it('shows the open length of a path and the closed perimeter and area of an area being drawn', () => {
    expect(draftFigures('path', [point(0, 0), point(30, 0)]).lengthMeters).toBeCloseTo(30, 2);
    const area = draftFigures('area', [point(0, 0), point(30, 0), point(30, 20)]);
    expect(area.lengthMeters).toBeCloseTo(30 + 20 + Math.hypot(30, 20), 2);
    expect(area.areaSquareMeters).toBeCloseTo(300, 1);
    expect(draftFigures('area', [point(0, 0), point(30, 0)]).areaSquareMeters).toBeNull();
  });
});
