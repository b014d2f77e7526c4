import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../src/core/geo/localFrame';
import { framePoints } from '../../../src/scenarios/camera';
import { governance } from '../../../src/scenarios/governance';
import { partyBuilding } from '../../../src/scenarios/party-building';
import { SCENARIOS } from '../../../src/scenarios/registry';
import { overlayScene } from '../../../src/scenarios/scene';
import { at } from '../analysis/localMeters';
import { tinyContext } from './tinyCommunity';

describe('scenario cameras', () => {
  it('frames one point from the minimum radius: d = 1.2 × 150 m / sin 30° = 360 m, at −45° → 254.6 m up', () => {
    const target = at(0, 0);
    const camera = framePoints([target], { headingDeg: 0, pitchDeg: -45 });
    expect(camera.heightMeters).toBeCloseTo(360 * Math.SQRT1_2, 3);
    // Looking north: the camera stands 254.6 m south of the point.
    const [east, north] = createLocalFrame(target).toLocal([camera.lon, camera.lat]);
    expect(east).toBeCloseTo(0, 3);
    expect(north).toBeCloseTo(-360 * Math.SQRT1_2, 3);
  });

  it('frames an extent by half its diagonal and stands back along the heading', () => {
    // A 600 × 800 m box: half-diagonal 500 m → d = 1.2 × 500 / 0.5 = 1,200 m; pitch −30° → 600 m up, 1,039.2 m back.
    const camera = framePoints([at(0, 0), at(600, 800)], { headingDeg: 90, pitchDeg: -30 });
    expect(camera.heightMeters).toBeCloseTo(600, 1);
    const [east, north] = createLocalFrame(at(300, 400)).toLocal([camera.lon, camera.lat]);
    // Heading 90° (looking east): the camera is west of the centre.
    expect(east).toBeCloseTo(-1200 * Math.cos(Math.PI / 6), 0);
    expect(north).toBeCloseTo(0, 0);
  });

  it('gives every scenario a finite camera with the package heading', () => {
    const ctx = tinyContext();
    for (const s of SCENARIOS) {
      const c = s.camera(ctx);
      expect([c.lon, c.lat, c.heightMeters].every(Number.isFinite), s.id).toBe(true);
      expect(c.headingDeg).toBe(0);
      expect(c.heightMeters).toBeGreaterThan(0);
    }
  });
});

describe('scenario scenes', () => {
  it('colours every building from a legend entry in custom colourings', () => {
    const ctx = tinyContext();
    for (const s of SCENARIOS) {
      const { coloring } = s.scene(ctx);
      if (coloring.kind !== 'custom') continue;
      expect(coloring.colors.size, s.id).toBe(ctx.community.buildings.length);
      const legend = coloring.legend.map((e) => String(e.color));
      for (const color of coloring.colors.values()) expect(legend, s.id).toContain(String(color));
    }
  });

  it('lays the 一统 overlay over another scene without taking its colouring', () => {
    const ctx = tinyContext();
    const base = governance.scene(ctx);
    const combined = overlayScene(base, partyBuilding.scene(ctx));
    expect(combined.coloring).toBe(base.coloring);
    expect(combined.serviceCategory).toBe('community-service');
    expect(combined.highlightedFacilityIds).toContain('PC');
    expect(combined.layers).toMatchObject({ facilities: true, serviceReach: true, boundary: true });
    // The overlay's "route: false" does not switch off a layer the base shows.
    expect(overlayScene({ ...base, layers: { route: true } }, partyBuilding.scene(ctx)).layers.route).toBe(true);
  });
});
