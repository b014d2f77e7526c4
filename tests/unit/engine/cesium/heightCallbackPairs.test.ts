import { describe, expect, it } from 'vitest';
import { dropCancelledHeightCallbacks, levelZeroTilesOf, type PendingHeightTile } from '../../../../src/engine/cesium/heightCallbackPairs';

const entry = (name: string) => ({ name });

describe('dropCancelledHeightCallbacks', () => {
  it('drops registrations whose removal waits on the same tile, in the same arrays, at any depth', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(entry);
    const leafAdded = [a, b, c];
    const leafRemoved = [a, d, c];
    const leaf: PendingHeightTile = { _addedCustomData: leafAdded, _removedCustomData: leafRemoved };
    const root: PendingHeightTile = {
      _addedCustomData: [],
      _removedCustomData: [],
      _southeastChild: { _addedCustomData: [], _removedCustomData: [], _northwestChild: leaf },
    };
    expect(dropCancelledHeightCallbacks([root])).toBe(2);
    // b stays to be added, d (added earlier and already handled) stays to be removed.
    expect(leaf._addedCustomData).toBe(leafAdded);
    expect(leafAdded).toEqual([b]);
    expect(leafRemoved).toEqual([d]);
  });

  it('leaves tiles alone when nothing cancels (an add handled earlier, a removal queued now)', () => {
    const [a, b] = ['a', 'b'].map(entry);
    const tile: PendingHeightTile = { _addedCustomData: [a], _removedCustomData: [b] };
    expect(dropCancelledHeightCallbacks([tile])).toBe(0);
    expect(tile._addedCustomData).toEqual([a]);
    expect(tile._removedCustomData).toEqual([b]);
  });

  it('does nothing when the quadtree has another shape', () => {
    expect(dropCancelledHeightCallbacks(undefined)).toBe(0);
    expect(dropCancelledHeightCallbacks([{ _addedCustomData: new Set(), _removedCustomData: 'x' } as unknown as PendingHeightTile])).toBe(
      0,
    );
    expect(levelZeroTilesOf({})).toBeUndefined();
    expect(levelZeroTilesOf({ _surface: { _levelZeroTiles: [] } })).toEqual([]);
  });
});
