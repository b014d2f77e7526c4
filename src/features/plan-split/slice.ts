import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** Today (现状) or a saved reuse plan, on one side of the split. */
export const TODAY = 'today';

/**
 * The before/after split (对比卷帘): the scene split by a vertical line, side A left of it and side B
 * right, each showing what it builds (today builds nothing). Off by default.
 */
export interface PlanSplitSlice {
  planSplit: { a: string; b: string } | null;
  /** The line as a share of the view's width. */
  planSplitPosition: number;
  setPlanSplit(split: { a: string; b: string } | null): void;
  setPlanSplitPosition(position: number): void;
}

export const createPlanSplitSlice: SliceCreator<PlanSplitSlice> = (set) => ({
  planSplit: null,
  planSplitPosition: 0.5,
  setPlanSplit: (planSplit) => set({ planSplit }),
  // Kept off the edges so the handle stays in reach.
  setPlanSplitPosition: (position) =>
    set({ planSplitPosition: Math.min(0.95, Math.max(0.05, Number.isFinite(position) ? position : 0.5)) }),
});

/** Plans belong to their community. */
export const planSplitOnCommunityChange: CommunityChange = () => ({ planSplit: null });
