import { Cesium3DTileFeature, PrimitiveCollection, ShadowMode, type Cesium3DTileContent, type Cesium3DTileset } from 'cesium';
import type { Building } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { tilesetFromBuildings } from '../tilesFromMemory';
import { shownBuildingColor, type CommunityBuildings } from './buildingLayer';
import { toCesiumColor } from './polygonBatch';

const UNCOLOURED: Rgb = [200, 200, 200];

/**
 * A large community's buildings as 3D Tiles tiled in the page (the city tiler's quadtree and glb), so
 * Cesium draws only the tiles in view, coarse copies from afar, instead of building one Primitive's
 * geometry for every building before the first frame (see `npm run bench`: 50,000 buildings).
 *
 * Colours follow the same rules as the batched layer (colour mode, hover, selection). Features are
 * recoloured when a tile is drawn with colours older than the layer's: Cesium's documented pattern
 * (`tileVisible`), which also colours tiles that load later and the coarse copies of inner tiles.
 */
export class TiledBuildingLayer implements CommunityBuildings {
  /** Holds the tileset once tiled; added to the scene at once. */
  readonly root = new PrimitiveCollection();
  private tileset: Cesium3DTileset | null = null;
  private release: () => void = () => {};
  private destroyed = false;
  private failed = false;
  private shadowMode: ShadowMode = ShadowMode.DISABLED;
  private readonly baseColors = new Map<string, Rgb>();
  private hovered: string | null = null;
  private selected: string | null = null;
  private dirty = false;
  /** Bumped on each colour change; a tile drawn with an older version is recoloured. */
  private version = 0;
  private readonly colouredAt = new WeakMap<Cesium3DTileContent, number>();

  constructor(buildings: readonly Building[], colors: ReadonlyMap<string, Rgb>, onTiled: () => void) {
    for (const b of buildings) this.baseColors.set(b.id, colors.get(b.id) ?? UNCOLOURED);
    const tiled = buildings.map((b) => ({
      id: b.id,
      parts: [b.footprint],
      heightMeters: b.heightMeters,
      attributes: { name: b.name, floors: b.floors, yearBuilt: b.yearBuilt, use: b.use },
    }));
    tilesetFromBuildings(tiled, { shadows: this.shadowMode }).then(
      ({ tileset, release }) => {
        if (this.destroyed) {
          tileset.destroy();
          release();
          return;
        }
        this.tileset = tileset;
        this.release = release;
        tileset.shadows = this.shadowMode;
        tileset.tileVisible.addEventListener((tile: { content: Cesium3DTileContent }) => this.colour(tile.content));
        this.root.add(tileset);
        onTiled();
      },
      (error: unknown) => {
        // The buildings come from a package that was read and validated; tiling them failing is a bug, not
        // bad input. The rest of the scene still draws (ready stays honest: nothing more will come).
        console.error('Tiling the community buildings failed:', error);
        this.failed = true;
        onTiled();
      },
    );
  }

  get primitive(): { readonly ready: boolean; shadows: ShadowMode } {
    return this;
  }

  get shadows(): ShadowMode {
    return this.shadowMode;
  }

  set shadows(mode: ShadowMode) {
    this.shadowMode = mode;
    if (this.tileset) this.tileset.shadows = mode;
  }

  get ready(): boolean {
    return this.failed || (this.tileset?.tilesLoaded ?? false);
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

  sync(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    this.version++;
    return this.tileset !== null;
  }

  buildingIdOf(picked: unknown): string | null {
    if (!(picked instanceof Cesium3DTileFeature) || !this.tileset || picked.tileset !== this.tileset) return null;
    const id: unknown = picked.getProperty('id');
    return typeof id === 'string' && this.baseColors.has(id) ? id : null;
  }

  destroy(): void {
    this.destroyed = true;
    // The tileset itself is destroyed with the collection that holds it.
    this.release();
  }

  private colour(content: Cesium3DTileContent): void {
    if (this.colouredAt.get(content) === this.version) return;
    this.colouredAt.set(content, this.version);
    for (let i = 0; i < content.featuresLength; i++) {
      const feature = content.getFeature(i);
      const id = String(feature.getProperty('id'));
      feature.color = toCesiumColor(shownBuildingColor(id, this.baseColors.get(id) ?? UNCOLOURED, this.selected, this.hovered));
    }
  }
}
