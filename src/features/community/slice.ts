import type { DataIssue } from '../../core/errors';
import type { Community } from '../../core/model/types';
import { summariseBuildings, type BuildingSummary } from '../../data/community/buildingSummaries';
import { applyChanges, type CommunityChange, type SliceCreator } from '../../stores/slice';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The open community package, its loading state and whether the scene shows it completely. */
export interface CommunitySlice {
  status: LoadStatus;
  /** The community on screen; kept while another one loads, and when a load fails. */
  community: Community | null;
  summaries: Map<string, BuildingSummary>;
  loadError: { message: string; issues: DataIssue[] } | null;
  /** True once the scene has drawn the community completely (drives `<html data-ready>`). */
  sceneReady: boolean;
  /** Readiness of the scene when the current load began, restored if that load fails. */
  sceneReadyBeforeLoading: boolean;
  beginLoading(): void;
  /** Swaps the community in one update, together with what every other slice changes for it. */
  setCommunity(community: Community): void;
  failLoading(message: string, issues?: DataIssue[]): void;
  setSceneReady(ready: boolean): void;
}

/** `onCommunityChange`: the other slices' changes for a new community, in order (see appStore.ts). */
export const createCommunitySlice =
  (onCommunityChange: readonly CommunityChange[]): SliceCreator<CommunitySlice> =>
  (set, get) => ({
    status: 'idle',
    community: null,
    summaries: new Map(),
    loadError: null,
    sceneReady: false,
    sceneReadyBeforeLoading: false,
    beginLoading: () => set((s) => ({ status: 'loading', sceneReady: false, sceneReadyBeforeLoading: s.sceneReady, loadError: null })),
    setCommunity: (community) => {
      const previous = get();
      const loaded = { ...previous, community, summaries: summariseBuildings(community), status: 'ready' as const, loadError: null };
      set(
        applyChanges(
          loaded,
          onCommunityChange.map((change) => (next) => change(next, previous)),
        ),
      );
    },
    // The previous community (if any) stays on screen: a failed load loses nothing.
    failLoading: (message, issues = []) =>
      set((s) => ({ status: 'error', loadError: { message, issues }, sceneReady: s.sceneReadyBeforeLoading })),
    setSceneReady: (sceneReady) => set({ sceneReady }),
  });
