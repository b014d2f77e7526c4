/**
 * Works around an unbounded growth in CesiumJS's globe quadtree (seen with 1.145 / engine 26.3).
 *
 * Every frame in which the camera moves, `Scene.initializeFrame` removes its "globe height under the
 * camera" callback and registers a new one. Both the registration and the removal are queued on the
 * quadtree tile that contains the camera's position (`_addedCustomData`, `_removedCustomData`) and only
 * handled when that tile is visited by the traversal. The tile straight below a pitched camera is often
 * outside the view and never visited, so its two queues grow by one entry each per moving frame,
 * forever: on a wall that flies between scenarios all day this is the one heap growth the soak
 * measured (a heap snapshot after 200 tour steps held ~500 such add/remove pairs on one tile).
 *
 * A registration whose removal is queued on the same tile cancels out: the tile would add it to its
 * set and delete it again, and pass both on to the same child. Dropping both entries leaves every
 * tile's state as the traversal would have left it. This touches private fields, so it checks their
 * shape and does nothing if a later CesiumJS lays the quadtree out differently.
 */

/** The part of a CesiumJS `QuadtreeTile` this needs (private fields). */
export interface PendingHeightTile {
  _addedCustomData?: unknown;
  _removedCustomData?: unknown;
  _southwestChild?: PendingHeightTile;
  _southeastChild?: PendingHeightTile;
  _northwestChild?: PendingHeightTile;
  _northeastChild?: PendingHeightTile;
}

/** Drops every queued registration whose removal is queued on the same tile; returns how many pairs. */
export function dropCancelledHeightCallbacks(levelZeroTiles: readonly PendingHeightTile[] | undefined): number {
  if (!Array.isArray(levelZeroTiles)) return 0;
  let dropped = 0;
  const stack: PendingHeightTile[] = [...levelZeroTiles];
  while (stack.length) {
    const tile = stack.pop()!;
    if (!tile || typeof tile !== 'object') continue;
    const added = tile._addedCustomData;
    const removed = tile._removedCustomData;
    if (Array.isArray(added) && Array.isArray(removed) && added.length && removed.length) {
      const removedSet = new Set<unknown>(removed);
      const cancelled = new Set<unknown>(added.filter((entry) => removedSet.has(entry)));
      if (cancelled.size) {
        keepInPlace(added, (entry) => !cancelled.has(entry));
        keepInPlace(removed, (entry) => !cancelled.has(entry));
        dropped += cancelled.size;
      }
    }
    for (const child of [tile._southwestChild, tile._southeastChild, tile._northwestChild, tile._northeastChild])
      if (child) stack.push(child);
  }
  return dropped;
}

/** Filters an array in place (the quadtree holds references to these arrays). */
function keepInPlace(array: unknown[], keep: (entry: unknown) => boolean): void {
  let n = 0;
  for (const entry of array) if (keep(entry)) array[n++] = entry;
  array.length = n;
}

/** The globe's level-zero quadtree tiles of a CesiumJS scene, or undefined when not reachable. */
export function levelZeroTilesOf(globe: unknown): PendingHeightTile[] | undefined {
  const surface = (globe as { _surface?: { _levelZeroTiles?: unknown } } | undefined)?._surface;
  const tiles = surface?._levelZeroTiles;
  return Array.isArray(tiles) ? (tiles as PendingHeightTile[]) : undefined;
}
