import { prismsOf } from '../../analysis/sunlight/sunlightRequest';
import { createLocalFrame } from '../../core/geo/localFrame';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';

/**
 * The community's buildings as prisms in a local frame around its centre, for the planner's tools that
 * work on the buildings' solids (viewshed, skyline, clip and section). `kept[prism]` is the building's
 * index: footprints that cannot stand (fewer than 3 corners, no height) have no prism.
 */
export const selectCommunityPrisms = memoSelector(
  (s: AppState) => [s.community] as const,
  (community) => {
    if (!community) return null;
    const frame = createLocalFrame(community.manifest.centre);
    const { prisms, kept } = prismsOf(community.buildings, frame);
    return { frame, prisms, kept };
  },
);
