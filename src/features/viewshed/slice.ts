import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** The eye of a viewshed: where it stands and how high above the ground (a roof it stands on included). */
export interface ViewshedObserver {
  lon: number;
  lat: number;
  /** Eye height above the ground the community stands on, metres. */
  eyeMeters: number;
}

/**
 * Viewshed and height limit (视域与限高): both off by default. A height limit colours the buildings above
 * it and draws the limit as a plane; a viewshed needs an observer placed on the scene (a click while
 * `viewshedPlacing`), then colours what that eye sees. Closing the tab's tools clears both.
 */
export interface ViewshedSlice {
  heightLimitMeters: number | null;
  viewshedObserver: ViewshedObserver | null;
  /** A click on the scene places the observer. */
  viewshedPlacing: boolean;
  viewshedRadiusMeters: number;
  /** Person's eye above what they stand on, metres. */
  viewshedEyeMeters: number;
  setHeightLimit(meters: number | null): void;
  setViewshedPlacing(placing: boolean): void;
  /** Places the eye on a picked point (its height above the ground plus the eye height). */
  placeViewshedObserver(lon: number, lat: number, standingMeters: number): void;
  setViewshedRadius(meters: number): void;
  setViewshedEye(meters: number): void;
  clearViewshed(): void;
}

/** 50–1,000 m: a block to a 15-minute circle's width. */
export const VIEWSHED_RADIUS_RANGE = { min: 50, max: 1000, step: 50 } as const;
/** 1–100 m: from the kerb (1.6 m eye) to a plan's limits for high-rise (GB 50180-2018 3.0.3: 80 m and 100 m). */
export const HEIGHT_LIMIT_RANGE = { min: 1, max: 150 } as const;
const EYE_METERS = 1.6;

const clamp = (value: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, value));

export const createViewshedSlice: SliceCreator<ViewshedSlice> = (set) => ({
  heightLimitMeters: null,
  viewshedObserver: null,
  viewshedPlacing: false,
  viewshedRadiusMeters: 300,
  viewshedEyeMeters: EYE_METERS,
  setHeightLimit: (meters) =>
    set({ heightLimitMeters: meters === null || !Number.isFinite(meters) ? null : clamp(meters, HEIGHT_LIMIT_RANGE) }),
  setViewshedPlacing: (viewshedPlacing) => set({ viewshedPlacing }),
  placeViewshedObserver: (lon, lat, standingMeters) =>
    set((s) => ({
      viewshedObserver: { lon, lat, eyeMeters: Math.max(0, standingMeters) + s.viewshedEyeMeters },
      viewshedPlacing: false,
    })),
  setViewshedRadius: (meters) =>
    set({
      viewshedRadiusMeters: clamp(
        Math.round(meters / VIEWSHED_RADIUS_RANGE.step) * VIEWSHED_RADIUS_RANGE.step || 300,
        VIEWSHED_RADIUS_RANGE,
      ),
    }),
  setViewshedEye: (meters) =>
    set((s) => {
      const eye = clamp(Number.isFinite(meters) ? meters : EYE_METERS, { min: 0, max: 10 });
      const observer = s.viewshedObserver;
      // The eye moves with its new height above what it stands on.
      return {
        viewshedEyeMeters: eye,
        viewshedObserver: observer ? { ...observer, eyeMeters: observer.eyeMeters - s.viewshedEyeMeters + eye } : null,
      };
    }),
  clearViewshed: () => set({ viewshedObserver: null, viewshedPlacing: false, heightLimitMeters: null }),
});

/** Both belong to the community they were set on. */
export const viewshedOnCommunityChange: CommunityChange = () => ({
  viewshedObserver: null,
  viewshedPlacing: false,
  heightLimitMeters: null,
});
