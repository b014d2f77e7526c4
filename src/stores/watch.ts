import type { StoreApi } from 'zustand/vanilla';

/**
 * Calls `onChange(next, previous)` whenever `select(state)` changes (Object.is, or `equal`): the one
 * way bindings follow the store, instead of diffing whole states by hand in `subscribe`.
 * Returns the unsubscribe function.
 */
export function watch<S, T>(
  store: StoreApi<S>,
  select: (state: S) => T,
  onChange: (next: T, previous: T) => void,
  equal: (a: T, b: T) => boolean = Object.is,
): () => void {
  let current = select(store.getState());
  return store.subscribe((state) => {
    const next = select(state);
    if (equal(next, current)) return;
    const previous = current;
    current = next;
    onChange(next, previous);
  });
}
