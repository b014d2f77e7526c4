import type { IssueMessage } from '../core/errors';
import type { LayerView, SceneAdapter } from '../engine/contract';
import type { ColorMode } from '../layers/buildingColorModes';
import type { LayerId } from '../layers/layerCatalog';
import type { AppState, AppStore } from '../stores/appStore';

/**
 * A feature module (`src/features/<feature>/index.ts`): what the app wires up for the feature.
 * Its state is its slice (`slice.ts`, composed in stores/appStore.ts), its panel a registered tab
 * (features/tabs.ts); everything here is optional.
 */
export interface Feature {
  id: string;
  /** Effects for the app's lifetime (a worker run on changes, object URLs freed); returns the stop function. */
  bind?(store: AppStore): () => void;
  /** Effects on one 3D view (built anew after a lost WebGL context); returns the stop function. */
  bindScene?(store: AppStore, adapter: SceneAdapter): () => void;
  /**
   * The layers the feature draws over the community, derived from state. Return the same view
   * objects while nothing changed (memoised selectors): the scene redraws only what changed.
   */
  layers?(state: AppState): readonly LayerView[];
  /**
   * Community layers the feature draws its own version of while on (the clip tool draws the buildings'
   * clipped parts): they are hidden whatever the layer switches say. Return the same array while nothing changed.
   */
  hiddenLayers?(state: AppState): readonly LayerId[];
  /**
   * Per-building values (indexed like the community's buildings) for the colour modes this feature's
   * analysis feeds, e.g. the service circles give walkTime its walk seconds. Return the same array
   * while nothing changed. The mode itself is an entry of layers/buildingColorModes.ts.
   */
  buildingValues?(state: AppState, mode: ColorMode): ArrayLike<number> | undefined;
  /**
   * What the scene reports about the feature's own layers (those whose id `owns` says are its): a
   * layer that failed to load, and a click on a feature of one (null: a click elsewhere).
   */
  layerEvents?: {
    owns(layerId: string): boolean;
    failed(store: AppStore, layerId: string, message: string, issue?: IssueMessage): void;
    picked(store: AppStore, picked: { layerId: string; properties: Record<string, unknown> } | null): void;
  };
}

/** Runs several stop functions as one. */
export const stopAll =
  (...stops: (() => void)[]) =>
  (): void => {
    for (const stop of stops) stop();
  };
