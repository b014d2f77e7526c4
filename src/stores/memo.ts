/**
 * A selector that recomputes only when one of its inputs changed (by identity), like reselect's
 * `createSelector` with a cache of one. Derived state (the scenario's scene, the building colours,
 * the layers a feature draws) is computed by such selectors, never stored: no action has to remember
 * to clear it, and a subscriber comparing `select(s) !== select(prev)` sees a change exactly when an
 * input changed.
 */
export function memoSelector<S, const I extends readonly unknown[], R>(
  inputs: (state: S) => I,
  compute: (...args: I) => R,
): (state: S) => R {
  let lastInputs: I | null = null;
  let lastResult: R;
  return (state) => {
    const next = inputs(state);
    if (lastInputs && next.length === lastInputs.length && next.every((value, i) => Object.is(value, lastInputs![i]))) return lastResult;
    lastResult = compute(...next);
    lastInputs = next;
    return lastResult;
  };
}
