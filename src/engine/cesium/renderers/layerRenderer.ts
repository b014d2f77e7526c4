import type { ImageryLayerCollection, PrimitiveCollection, Scene, TerrainProvider } from 'cesium';
import type { IssueMessage } from '../../../core/errors';
import type { LayerKind, LayerView, RenderQuality } from '../../contract';

/** What the adapter lends a renderer while it draws one layer. */
export interface RenderContext {
  scene: Scene;
  /** The globe's imagery layers, for a layer that is imagery rather than primitives (a base map). */
  imageryLayers: ImageryLayerCollection;
  /** Lays a terrain under the globe; null returns to the ellipsoid if `provider` is still the one laid. */
  setTerrain(provider: TerrainProvider | null, previous?: TerrainProvider): void;
  /** The render quality now (the tileset screen-space error follows it); later changes come through `setQuality`. */
  quality: RenderQuality;
  /**
   * Reports that the layer could not be loaded after `draw` returned (a 404, a corrupt tile, a wrong
   * CRS): an English message for logs and, for the UI, the same as a translatable message.
   */
  fail(message: string, issue?: IssueMessage): void;
}

/**
 * One drawn layer. Its primitives live in `root`, which the adapter adds to and removes from the
 * scene; a layer that is imagery or terrain (no primitives) has no root and undoes itself in `destroy`.
 */
export interface DrawnLayer<K extends LayerKind = LayerKind> {
  readonly root?: PrimitiveCollection;
  /** True once all it shows is on screen (batches built in workers, tiles in view loaded). */
  loaded(): boolean;
  /** Takes a changed view of the same layer in place (a moved model keeps its GPU resources); false: draw anew. */
  update?(view: LayerView<K>): boolean;
  /**
   * The attributes of a picked object of this layer (a 3D Tiles feature's properties; `{}` for an
   * object without any). Absent: the layer cannot be picked.
   */
  pickProperties?(picked: unknown): Record<string, unknown>;
  /** Follows the render quality (a tileset's screen-space error). */
  setQuality?(quality: RenderQuality): void;
  /** Frees what `root` does not own (pending loads, imagery, terrain); called before `root` is removed. */
  destroy?(): void;
}

/** Draws the layers of one kind; registered in `renderers/index.ts`. */
export interface LayerRenderer<K extends LayerKind> {
  draw(view: LayerView<K>, context: RenderContext): DrawnLayer<K>;
}

/**
 * True while a primitive of the collection (e.g. a batch built in a worker) is not ready. Collections
 * without a `ready` flag (points, billboards) draw in the frame they are added.
 */
export function collectionPending(collection: PrimitiveCollection): boolean {
  for (let i = 0; i < collection.length; i++) if ((collection.get(i) as { ready?: boolean }).ready === false) return true;
  return false;
}

/**
 * A layer whose one primitive loads asynchronously (a tileset, a model): the root stays empty until
 * it arrives; a load that ends after the layer was removed frees the primitive at once.
 */
export function drawAsyncPrimitive<P extends { destroy(): void }>(
  loading: Promise<P>,
  context: RenderContext,
  isLoaded: (primitive: P) => boolean,
  root: PrimitiveCollection,
): { loaded(): boolean; destroy(): void; primitive(): P | null } {
  let removed = false;
  let primitive: P | null = null;
  loading.then(
    (p) => {
      if (removed) return void p.destroy();
      primitive = p;
      root.add(p);
      context.scene.requestRender();
    },
    (error: Error & { issue?: IssueMessage }) => {
      if (!removed) context.fail(error.message, error.issue);
    },
  );
  return {
    loaded: () => primitive !== null && isLoaded(primitive),
    destroy: () => {
      removed = true;
    },
    primitive: () => primitive,
  };
}
