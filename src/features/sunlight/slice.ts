import type { SunlightResult } from '../../analysis/sunlight/sunlightRequest';
import { DEFAULT_SUNLIGHT_RULES } from '../../analysis/sunlight/sunlightRules';
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/**
 * Sunlight (日照): the preset and day the user picks, the latest result from the worker, and the
 * shadow playback (Cesium shadows are on only while it plays or is paused on a time).
 */
export interface SunlightSlice {
  sunlightPresetId: string;
  /** Beijing civil date YYYY-MM-DD; null: the preset's solar term (大寒 or 冬至) of the current year. */
  sunlightDate: string | null;
  sunlightResult: SunlightResult | null;
  sunlightStatus: 'idle' | 'running' | 'done' | 'error';
  sunlightProgress: number;
  sunlightError: string | null;
  /** Shadow playback: on, the instant shown (ms), playing. */
  shadowPlayback: { on: boolean; instantMs: number | null; playing: boolean };
  setSunlightPreset(id: string): void;
  setSunlightDate(date: string | null): void;
  startSunlight(): void;
  setSunlightProgress(progress: number): void;
  finishSunlight(result: SunlightResult): void;
  failSunlight(message: string): void;
  setShadowPlayback(playback: Partial<SunlightSlice['shadowPlayback']>): void;
}

export const createSunlightSlice: SliceCreator<SunlightSlice> = (set) => ({
  sunlightPresetId: DEFAULT_SUNLIGHT_RULES.defaultPreset,
  sunlightDate: null,
  sunlightResult: null,
  sunlightStatus: 'idle',
  sunlightProgress: 0,
  sunlightError: null,
  shadowPlayback: { on: false, instantMs: null, playing: false },
  setSunlightPreset: (sunlightPresetId) => set({ sunlightPresetId }),
  setSunlightDate: (sunlightDate) => set({ sunlightDate }),
  startSunlight: () => set({ sunlightStatus: 'running', sunlightProgress: 0, sunlightError: null }),
  setSunlightProgress: (sunlightProgress) => set({ sunlightProgress }),
  // A result stays on screen while a new run computes; only a finished run replaces it.
  finishSunlight: (sunlightResult) => set({ sunlightResult, sunlightStatus: 'done', sunlightProgress: 1 }),
  failSunlight: (sunlightError) => set({ sunlightStatus: 'error', sunlightError }),
  setShadowPlayback: (playback) => set((s) => ({ shadowPlayback: { ...s.shadowPlayback, ...playback } })),
});

/** A new community drops the old result and stops the playback; the binding computes anew when wanted. */
export const sunlightOnCommunityChange: CommunityChange = () => ({
  sunlightResult: null,
  sunlightStatus: 'idle',
  shadowPlayback: { on: false, instantMs: null, playing: false },
});
