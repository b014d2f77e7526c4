import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './appStore';

/**
 * The shape of a feature's store slice (`src/features/<feature>/slice.ts`): a function of the
 * store's `set` and `get` returning the slice's state and actions, as in zustand's slices pattern.
 * Slices are pure: no React, no engine, no I/O (that is the feature's `bind.ts`).
 */
export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
export type SliceCreator<Slice> = (set: SetState, get: GetState) => Slice;

/**
 * What a slice changes when another community replaces the open one, given the state with the new
 * community (and the changes of the slices before it in `appStore.ts`) and the state before.
 * This is how one transition spans slices without a subscriber writing back into the store.
 */
export type CommunityChange = (next: AppState, previous: AppState) => Partial<AppState>;

/** Applies changes one after another, each seeing the state the earlier ones made. */
export function applyChanges(state: AppState, changes: readonly ((s: AppState) => Partial<AppState>)[]): AppState {
  return changes.reduce<AppState>((s, change) => ({ ...s, ...change(s) }), state);
}
