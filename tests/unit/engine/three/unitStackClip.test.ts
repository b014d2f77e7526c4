import { Raycaster, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { UnitStack } from '../../../../src/engine/three/UnitStack';
import type { BuildingUnitLayout } from '../../../../src/layers/unitLayout';

/** A 20 m × 10 m block of 6 floors of 3 m, one 20 m wide home per floor. */
const layout = {
  buildingId: 'B',
  lengthMeters: 20,
  depthMeters: 10,
  floorHeightMeters: 3,
  unplacedHouses: 0,
  role: 'public',
  floors: Array.from({ length: 6 }, (_, i) => ({
    floor: i + 1,
    elevationMeters: 3 * i,
    highlighted: false,
    units: [
      {
        id: `H${i + 1}`,
        address: { entrance: 1, floor: i + 1, room: '01' },
        xMeters: 0,
        widthMeters: 20,
        areaM2: 200,
        use: 'residential',
        occupancy: 'owner-occupied',
        rightType: null,
        colors: { occupancy: [1, 2, 3], rightType: [1, 2, 3], ageMix: [1, 2, 3] },
      },
    ],
  })),
} as unknown as BuildingUnitLayout;

/** Straight down through the block's centre from 100 m up. */
const downRay = () => new Raycaster(new Vector3(0, 100, 0), new Vector3(0, -1, 0));

describe('the inspector stack cut by the clip tool', () => {
  it('a section at 10.5 m cuts the 4th floor 1.5 m above its base, with the floors pulled apart too', () => {
    const stack = new UnitStack(layout, 'occupancy');
    const plane = stack.clipPlane({ kind: 'section', heightMeters: 10.5 });
    // Keeps y ≤ 10.5 (three keeps a non-negative distance).
    expect(plane.distanceToPoint(new Vector3(0, 10.4, 0))).toBeGreaterThan(0);
    expect(plane.distanceToPoint(new Vector3(0, 10.6, 0))).toBeLessThan(0);
    stack.setExplode(2);
    // Floor 4's base moves to 3 × (3 + 2) = 15 m: the cut follows it to 16.5 m.
    expect(stack.clipPlane({ kind: 'section', heightMeters: 10.5 }).constant).toBeCloseTo(16.5, 9);
    stack.dispose();
  });

  it('picking skips what the cut removed: from above, the top home left is the 4th floor’s, seen inside through the cut', () => {
    const stack = new UnitStack(layout, 'occupancy');
    stack.group.updateMatrixWorld(true);
    expect(stack.pick(downRay())).toBe('H6');
    // As the inspector does when it cuts: the cut-open box shows (and picks) its inside faces.
    stack.setCutOpen(true);
    expect(stack.pick(downRay(), [stack.clipPlane({ kind: 'section', heightMeters: 10.5 })])).toBe('H4');
    stack.dispose();
  });

  it('a lengthwise cut keeps the back half (z ≤ 0)', () => {
    const stack = new UnitStack(layout, 'occupancy');
    const plane = stack.clipPlane({ kind: 'lengthwise' });
    expect(plane.distanceToPoint(new Vector3(0, 5, -1))).toBeGreaterThan(0);
    expect(plane.distanceToPoint(new Vector3(0, 5, 1))).toBeLessThan(0);
    stack.dispose();
  });
});
