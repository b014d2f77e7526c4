import { ringCentroid } from '../../core/geo/polygon';
import type { LonLat } from '../../core/model/types';
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/**
 * Clip and section (剖切): a vertical plane (keep what lies on one side), a box (keep what is inside)
 * or a horizontal section at a height (keep what is below). Off by default; closing the tab clears it.
 */
export type ClipMode = 'plane' | 'box' | 'section';
export const CLIP_MODES: readonly ClipMode[] = ['plane', 'box', 'section'];

export interface ClipSettings {
  /** Where the plane passes and the box stands: the selected building's centre when the tool opened. */
  centre: LonLat;
  /** Plane: the direction that is kept (clockwise from north); box: the direction of its length. */
  azimuthDeg: number;
  /** Plane: moved this far from the centre toward what is kept (negative: away). */
  offsetMeters: number;
  halfLengthMeters: number;
  halfWidthMeters: number;
  bottomMeters: number;
  topMeters: number;
  /** Section: the cut's height above the ground. */
  sectionMeters: number;
}

export interface ClipSlice {
  clipMode: ClipMode | null;
  clipSettings: ClipSettings | null;
  /** Turns a mode on (null: off); the first time, centred on the selected building or the community. */
  setClipMode(mode: ClipMode | null): void;
  setClipSettings(patch: Partial<Omit<ClipSettings, 'centre'>>): void;
  /** Moves the plane or box to the selected building's centre (the community's without a selection). */
  centreClipOnSelection(): void;
  clearClip(): void;
}

/** Storey height the section's floor shortcut counts in, metres (the sample's and GB 50096's common 3 m). */
export const CLIP_STOREY_METERS = 3;
/** A plan section is cut this far above its floor (architectural convention: through the windows, 1.2–1.5 m). */
export const CLIP_SECTION_ABOVE_FLOOR_METERS = 1.5;
export const CLIP_RANGES = {
  offsetMeters: { min: -500, max: 500 },
  halfMeters: { min: 1, max: 500 },
  heightMeters: { min: 0, max: 300 },
} as const;

const DEFAULTS: Omit<ClipSettings, 'centre'> = {
  azimuthDeg: 270,
  offsetMeters: 0,
  halfLengthMeters: 30,
  halfWidthMeters: 20,
  bottomMeters: 0,
  topMeters: 100,
  sectionMeters: 3 * CLIP_STOREY_METERS + CLIP_SECTION_ABOVE_FLOOR_METERS,
};

const clamp = (value: number | undefined, fallback: number, { min, max }: { min: number; max: number }) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, value));

export const createClipSlice: SliceCreator<ClipSlice> = (set, get) => {
  const centreNow = (): LonLat | null => {
    const s = get();
    const selected = s.community?.buildings.find((b) => b.id === s.selectedBuildingId);
    return selected ? ringCentroid(selected.footprint) : (s.community?.manifest.centre ?? null);
  };
  return {
    clipMode: null,
    clipSettings: null,
    setClipMode: (mode) =>
      set((s) => {
        if (mode === null) return { clipMode: null };
        const centre = s.clipSettings?.centre ?? centreNow();
        return centre ? { clipMode: mode, clipSettings: s.clipSettings ?? { ...DEFAULTS, centre } } : {};
      }),
    setClipSettings: (patch) =>
      set((s) => {
        const was = s.clipSettings;
        if (!was) return {};
        const next: ClipSettings = {
          centre: was.centre,
          // Not a number keeps the direction it had; any other angle is brought into 0–360°.
          azimuthDeg: Number.isFinite(patch.azimuthDeg) ? ((patch.azimuthDeg! % 360) + 360) % 360 : was.azimuthDeg,
          offsetMeters: clamp(patch.offsetMeters, was.offsetMeters, CLIP_RANGES.offsetMeters),
          halfLengthMeters: clamp(patch.halfLengthMeters, was.halfLengthMeters, CLIP_RANGES.halfMeters),
          halfWidthMeters: clamp(patch.halfWidthMeters, was.halfWidthMeters, CLIP_RANGES.halfMeters),
          bottomMeters: clamp(patch.bottomMeters, was.bottomMeters, CLIP_RANGES.heightMeters),
          topMeters: clamp(patch.topMeters, was.topMeters, CLIP_RANGES.heightMeters),
          sectionMeters: clamp(patch.sectionMeters, was.sectionMeters, CLIP_RANGES.heightMeters),
        };
        // A box keeps at least a metre of height.
        if (next.topMeters < next.bottomMeters + 1) next.topMeters = Math.min(CLIP_RANGES.heightMeters.max, next.bottomMeters + 1);
        return { clipSettings: next };
      }),
    centreClipOnSelection: () =>
      set((s) => {
        const centre = centreNow();
        return s.clipSettings && centre ? { clipSettings: { ...s.clipSettings, centre, offsetMeters: 0 } } : {};
      }),
    clearClip: () => set({ clipMode: null, clipSettings: null }),
  };
};

/** A clip belongs to the community it was set on. */
export const clipOnCommunityChange: CommunityChange = () => ({ clipMode: null, clipSettings: null });
