import { ColorGeometryInstanceAttribute, type Primitive, type ShadowMode } from 'cesium';
import type { Building, ContextBuilding } from '../../../core/model/types';
import { HOVER_COLOR, SELECTED_COLOR } from '../../../layers/layerCatalog';
import type { Rgb } from '../../../layers/buildingColorModes';
import { createPolygonBatch, toCesiumColor } from './polygonBatch';

export const BUILDING_PICK_PREFIX = 'building:';
export const CONTEXT_PICK_PREFIX = 'context:';

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/** What a building shows: selected, hovered (its colour lightened) or its colour mode's colour. */
export function shownBuildingColor(id: string, base: Rgb, selected: string | null, hovered: string | null): Rgb {
  return id === selected ? SELECTED_COLOR : id === hovered ? mix(base, HOVER_COLOR, 0.55) : base;
}

/** The community's buildings as the adapter drives them, batched or tiled. */
export interface CommunityBuildings {
  /** Added to the scene; its `shadows` follow the shadow playback. */
  readonly primitive: { readonly ready: boolean; shadows: ShadowMode };
  /** Every building in view is drawn (and coloured). */
  readonly ready: boolean;
  setColors(colors: ReadonlyMap<string, Rgb>): void;
  setHovered(id: string | null): void;
  setSelected(id: string | null): void;
  /** Applies changed colours; true when something changed on screen. */
  sync(): boolean;
  /** The building id of a picked object of this layer, or null. */
  buildingIdOf(picked: unknown): string | null;
  destroy(): void;
}

/**
 * Extruded buildings in one batched Primitive. Colour changes (colour mode, hover, selection) write
 * per-instance attributes in place — no geometry is rebuilt. Updates requested before the primitive
 * is ready are applied on the first `sync()` after it becomes ready.
 */
export class BuildingLayer implements CommunityBuildings {
  readonly primitive: Primitive;
  private readonly keys: string[];
  private readonly baseColors = new Map<string, Rgb>();
  private readonly shownColors = new Map<string, string>();
  private hovered: string | null = null;
  private selected: string | null = null;
  private dirty = true;

  constructor(
    buildings: readonly (Building | ContextBuilding)[],
    colors: ReadonlyMap<string, Rgb> | Rgb,
    private readonly prefix: string,
  ) {
    this.keys = buildings.map((b) => prefix + b.id);
    for (const b of buildings) this.baseColors.set(b.id, colors instanceof Map ? (colors.get(b.id) ?? [200, 200, 200]) : (colors as Rgb));
    this.primitive = createPolygonBatch(
      buildings.map((b) => ({
        key: prefix + b.id,
        polygon: b.footprint,
        heightMeters: 0,
        extrudedHeightMeters: b.heightMeters,
        color: this.baseColors.get(b.id)!,
      })),
    );
    // The initial colours are baked into the geometry.
    for (const b of buildings) this.shownColors.set(b.id, String(this.baseColors.get(b.id)));
  }

  get ready(): boolean {
    return this.primitive.ready;
  }

  setColors(colors: ReadonlyMap<string, Rgb>): void {
    for (const [id, color] of colors) if (this.baseColors.has(id)) this.baseColors.set(id, color);
    this.dirty = true;
  }

  setHovered(id: string | null): void {
    this.hovered = id;
    this.dirty = true;
  }

  setSelected(id: string | null): void {
    this.selected = id;
    this.dirty = true;
  }

  /** Writes changed colours into the primitive; returns true when something changed on screen. */
  sync(): boolean {
    if (!this.dirty || !this.primitive.ready) return false;
    this.dirty = false;
    let changed = false;
    // In instance order: Cesium's attribute lookup resumes from the last index, so this is linear.
    for (const key of this.keys) {
      const id = key.slice(this.prefix.length);
      const base = this.baseColors.get(id)!;
      const color = shownBuildingColor(id, base, this.selected, this.hovered);
      const text = String(color);
      if (this.shownColors.get(id) === text) continue;
      const attributes = this.primitive.getGeometryInstanceAttributes(key) as { color?: Uint8Array } | undefined;
      if (!attributes) continue;
      attributes.color = ColorGeometryInstanceAttribute.toValue(toCesiumColor(color), attributes.color);
      this.shownColors.set(id, text);
      changed = true;
    }
    return changed;
  }

  buildingIdOf(picked: unknown): string | null {
    const id = (picked as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id.startsWith(this.prefix) ? id.slice(this.prefix.length) : null;
  }

  destroy(): void {
    // The primitive goes with the collection it was added to.
  }
}
