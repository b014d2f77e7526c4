import {
  BoxGeometry,
  Color,
  DoubleSide,
  FrontSide,
  Group,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  Plane,
  Quaternion,
  SRGBColorSpace,
  Vector3,
  type Raycaster,
} from 'three';
import type { InspectorClip } from '../contract';
import type { Rgb } from '../../layers/buildingColorModes';
import type { InspectorColorMode } from '../../layers/unitColorModes';
import type { BuildingUnitLayout, UnitBox } from '../../layers/unitLayout';

/** Thickness of the floor plate drawn under each floor, metres. */
const SLAB_METERS = 0.2;
/** Gap left around each unit box so neighbours read as separate homes, metres per side. */
const UNIT_INSET_METERS = 0.2;
/** Floor plates overhang the units by this much, more for marked floors so they stand out. */
const SLAB_OVERHANG_METERS = 0.4;
const MARKED_SLAB_OVERHANG_METERS = 1.6;
// Darker than any unit colour (the 'nobody lives here' grey included), so plates never read as homes.
const SLAB_COLOR: Rgb = [38, 46, 60];
/** The UI's accent (--accent in styles.css), so a marked floor matches the panel's wording of it. */
const MARKED_SLAB_COLOR: Rgb = [0, 229, 255];

interface FloorMesh {
  floor: number;
  /** Null for a floor without house records: only its plate is drawn. */
  mesh: InstancedMesh | null;
  units: UnitBox[];
}

/**
 * The drawn floors and units of one building layout: one InstancedMesh per floor (one draw call
 * for all its homes, one raycast target) and one for all floor plates. The building is centred on
 * the origin, long axis along x, depth along z, floors up y. Owns its geometry and materials.
 */
export class UnitStack {
  readonly group = new Group();
  private readonly box = new BoxGeometry(1, 1, 1);
  private readonly unitMaterial = new MeshLambertMaterial({ color: 0xffffff });
  private readonly slabMaterial = new MeshLambertMaterial({ color: 0xffffff });
  private readonly floors: FloorMesh[];
  private readonly slabs: InstancedMesh;
  private readonly unitIndex = new Map<string, { floor: FloorMesh; index: number }>();
  private explodeMeters = 0;
  private marked: Set<number>;

  constructor(
    readonly layout: BuildingUnitLayout,
    colorMode: InspectorColorMode,
  ) {
    this.marked = new Set(layout.floors.filter((f) => f.highlighted).map((f) => f.floor));
    this.floors = layout.floors.map((f) => {
      const mesh = f.units.length ? new InstancedMesh(this.box, this.unitMaterial, f.units.length) : null;
      if (mesh) this.group.add(mesh);
      return { floor: f.floor, mesh, units: f.units };
    });
    for (const floor of this.floors) floor.units.forEach((u, index) => this.unitIndex.set(u.id, { floor, index }));
    this.slabs = new InstancedMesh(this.box, this.slabMaterial, Math.max(1, layout.floors.length));
    this.slabs.count = layout.floors.length;
    this.group.add(this.slabs);
    this.setExplode(0);
    this.setColorMode(colorMode);
    this.setMarkedFloors([...this.marked]);
  }

  /** Height of the base of a floor above ground, metres, with the explode gap. */
  floorBaseY(floor: number): number {
    return (floor - 1) * (this.layout.floorHeightMeters + this.explodeMeters);
  }

  /** Total height of the drawn stack, metres. */
  heightMeters(): number {
    return this.floorBaseY(this.layout.floors.length + 1) - this.explodeMeters;
  }

  setExplode(explodeMeters: number): void {
    this.explodeMeters = Math.max(0, explodeMeters);
    const m = new Matrix4();
    for (const floor of this.floors) {
      if (!floor.mesh) continue;
      floor.units.forEach((unit, i) => floor.mesh!.setMatrixAt(i, this.unitMatrix(unit, m)));
      floor.mesh.instanceMatrix.needsUpdate = true;
      // Raycasting and frustum culling test the cached bounding sphere of all instances.
      floor.mesh.computeBoundingSphere();
    }
    this.placeSlabs();
  }

  setColorMode(mode: InspectorColorMode): void {
    const color = new Color();
    for (const floor of this.floors) {
      if (!floor.mesh) continue;
      floor.units.forEach((unit, i) => floor.mesh!.setColorAt(i, rgbColor(unit.colors[mode], color)));
      floor.mesh.instanceColor!.needsUpdate = true;
    }
  }

  setMarkedFloors(floors: readonly number[]): void {
    this.marked = new Set(floors);
    this.placeSlabs();
  }

  isMarked(floor: number): boolean {
    return this.marked.has(floor);
  }

  /** Centre and size (metres) of a unit's box as drawn, or null for an unknown id. */
  unitBounds(unitId: string): { center: Vector3; size: Vector3 } | null {
    const found = this.unitIndex.get(unitId);
    if (!found) return null;
    const unit = found.floor.units[found.index];
    const { center, size } = this.unitPlacement(unit);
    return { center, size };
  }

  /**
   * The plane that cuts the stack as `clip` says, in its frame (three keeps where the plane's signed
   * distance is ≥ 0). A section height counts in the building's own storeys, so with the floors pulled
   * apart it still cuts the floor it crosses at the same height above that floor.
   */
  clipPlane(clip: InspectorClip): Plane {
    if (clip.kind === 'lengthwise') return new Plane(new Vector3(0, 0, -1), 0);
    const storey = this.layout.floorHeightMeters;
    const below = Math.max(0, Math.floor(clip.heightMeters / storey));
    const y = this.floorBaseY(below + 1) + (clip.heightMeters - below * storey);
    return new Plane(new Vector3(0, -1, 0), y);
  }

  /** A cut stack shows the inside of its boxes: their back faces are drawn too. */
  setCutOpen(open: boolean): void {
    for (const material of [this.unitMaterial, this.slabMaterial]) {
      material.side = open ? DoubleSide : FrontSide;
      material.needsUpdate = true;
    }
  }

  /** The unit under the ray, if any; hits on the removed side of `planes` do not count. */
  pick(raycaster: Raycaster, planes: readonly Plane[] = []): string | null {
    const meshes = this.floors.flatMap((f) => (f.mesh ? [f.mesh] : []));
    const hit = raycaster.intersectObjects(meshes, false).find((h) => planes.every((p) => p.distanceToPoint(h.point) >= 0));
    if (!hit || hit.instanceId === undefined) return null;
    const floor = this.floors.find((f) => f.mesh === hit.object);
    return floor?.units[hit.instanceId]?.id ?? null;
  }

  dispose(): void {
    for (const floor of this.floors) floor.mesh?.dispose();
    this.slabs.dispose();
    this.box.dispose();
    this.unitMaterial.dispose();
    this.slabMaterial.dispose();
    this.group.clear();
  }

  private unitPlacement(unit: UnitBox): { center: Vector3; size: Vector3 } {
    const { lengthMeters, depthMeters, floorHeightMeters } = this.layout;
    const height = Math.max(0.1, floorHeightMeters - SLAB_METERS - UNIT_INSET_METERS);
    const size = new Vector3(
      Math.max(0.1, unit.widthMeters - 2 * UNIT_INSET_METERS),
      height,
      Math.max(0.1, depthMeters - 2 * UNIT_INSET_METERS),
    );
    const center = new Vector3(
      unit.xMeters + unit.widthMeters / 2 - lengthMeters / 2,
      this.floorBaseY(unit.address.floor) + SLAB_METERS + height / 2,
      0,
    );
    return { center, size };
  }

  private unitMatrix(unit: UnitBox, out: Matrix4): Matrix4 {
    const { center, size } = this.unitPlacement(unit);
    return out.compose(center, IDENTITY, size);
  }

  private placeSlabs(): void {
    const { lengthMeters, depthMeters } = this.layout;
    const m = new Matrix4();
    const color = new Color();
    this.layout.floors.forEach((f, i) => {
      const marked = this.marked.has(f.floor);
      const overhang = 2 * (marked ? MARKED_SLAB_OVERHANG_METERS : SLAB_OVERHANG_METERS);
      const size = new Vector3(lengthMeters + overhang, SLAB_METERS, depthMeters + overhang);
      this.slabs.setMatrixAt(i, m.compose(new Vector3(0, this.floorBaseY(f.floor) + SLAB_METERS / 2, 0), IDENTITY, size));
      this.slabs.setColorAt(i, rgbColor(marked ? MARKED_SLAB_COLOR : SLAB_COLOR, color));
    });
    this.slabs.instanceMatrix.needsUpdate = true;
    if (this.slabs.instanceColor) this.slabs.instanceColor.needsUpdate = true;
    this.slabs.computeBoundingSphere();
  }
}

const IDENTITY = new Quaternion();

/** Layer colours are sRGB bytes; three works in linear space and converts on output. */
function rgbColor([r, g, b]: Rgb, out: Color): Color {
  return out.setRGB(r / 255, g / 255, b / 255, SRGBColorSpace);
}
