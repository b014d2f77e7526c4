import { planSunlightVolumes } from '../../analysis/sunlight/planVolumes';
import type { LayerView } from '../../engine/contract';
import type { Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { TODAY } from './slice';

/** Side A's additions cyan, side B's amber: the two plans are told apart at a glance. */
export const SIDE_COLORS: Record<'a' | 'b', Rgb> = { a: [0, 200, 255], b: [255, 176, 59] };

type Volumes = ReturnType<typeof planSunlightVolumes>['volumes'];

/** What one side builds, from the ground or from the roof it raises (a raised building keeps its own id). */
function sideVolumes(state: Pick<AppState, 'community' | 'reusePlans'>, id: string, color: Rgb) {
  const community = state.community;
  const plan = id === TODAY ? undefined : state.reusePlans.find((p) => p.id === id);
  if (!community || !plan) return [];
  const heights = new Map(community.buildings.map((b) => [b.id, b.heightMeters]));
  const volumes: Volumes = planSunlightVolumes(community, plan).volumes;
  return volumes.map((v) => ({ footprint: v.footprint, baseMeters: heights.get(v.id) ?? 0, topMeters: v.heightMeters, color }));
}

const selectSides = memoSelector(
  (s: AppState) => [s.community, s.reusePlans, s.planSplit?.a, s.planSplit?.b] as const,
  (community, reusePlans, a, b) =>
    a === undefined || b === undefined
      ? null
      : { left: sideVolumes({ community, reusePlans }, a, SIDE_COLORS.a), right: sideVolumes({ community, reusePlans }, b, SIDE_COLORS.b) },
);

/** One layer while the split is on; dragging the line changes only its position (the renderer keeps the volumes). */
export const planSplitLayers = memoSelector(
  (s: AppState) => [selectSides(s), s.planSplitPosition] as const,
  (sides, position): LayerView[] => (sides ? [{ id: 'plan-split', kind: 'splitVolumes', ...sides, position }] : []),
);
