import type { BuildingChange } from '../../analysis/sunlight/planVolumes';
import type { SunlightResult, Volume } from '../../analysis/sunlight/sunlightRequest';
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
  /**
   * A what-if on one building (floors added, or an elevator shaft per entrance on its stair side) and
   * its result, computed against the same preset and day as `sunlightResult`.
   */
  sunlightWhatIf: {
    buildingId: string;
    change: SunlightChange;
    status: 'running' | 'done' | 'error';
    result: SunlightResult | null;
    error?: string;
  } | null;
  /**
   * A what-if of volumes from elsewhere (a reuse plan that builds, an elevator candidate of the 更新 tab),
   * keyed by what asked for it; computed like `sunlightWhatIf`, against the same preset and day.
   */
  sunlightPlanWhatIf: {
    key: string;
    volumes: Volume[];
    /** Buildings the volumes change: their own homes are not neighbours. */
    changed: string[];
    status: 'running' | 'done' | 'error';
    result: SunlightResult | null;
    error?: string;
  } | null;
  /** Shadow playback: on, the instant shown (ms), playing. */
  shadowPlayback: { on: boolean; instantMs: number | null; playing: boolean };
  setSunlightPreset(id: string): void;
  setSunlightDate(date: string | null): void;
  startSunlight(): void;
  setSunlightProgress(progress: number): void;
  finishSunlight(result: SunlightResult): void;
  failSunlight(message: string): void;
  setShadowPlayback(playback: Partial<SunlightSlice['shadowPlayback']>): void;
  askSunlightWhatIf(buildingId: string, change: SunlightChange): void;
  settleSunlightWhatIf(outcome: { result: SunlightResult } | { error: string }): void;
  clearSunlightWhatIf(): void;
  askSunlightPlanWhatIf(key: string, what: { volumes: Volume[]; changed: string[] }): void;
  settleSunlightPlanWhatIf(key: string, outcome: { result: SunlightResult } | { error: string }): void;
}

/** What a what-if adds to a building. */
export type SunlightChange = BuildingChange;

export const createSunlightSlice: SliceCreator<SunlightSlice> = (set) => ({
  sunlightPresetId: DEFAULT_SUNLIGHT_RULES.defaultPreset,
  sunlightDate: null,
  sunlightResult: null,
  sunlightStatus: 'idle',
  sunlightProgress: 0,
  sunlightError: null,
  shadowPlayback: { on: false, instantMs: null, playing: false },
  sunlightWhatIf: null,
  sunlightPlanWhatIf: null,
  setSunlightPreset: (sunlightPresetId) => set({ sunlightPresetId, sunlightWhatIf: null, sunlightPlanWhatIf: null }),
  setSunlightDate: (sunlightDate) => set({ sunlightDate, sunlightWhatIf: null, sunlightPlanWhatIf: null }),
  startSunlight: () => set({ sunlightStatus: 'running', sunlightProgress: 0, sunlightError: null }),
  setSunlightProgress: (sunlightProgress) => set({ sunlightProgress }),
  // A result stays on screen while a new run computes; only a finished run replaces it.
  finishSunlight: (sunlightResult) => set({ sunlightResult, sunlightStatus: 'done', sunlightProgress: 1 }),
  failSunlight: (sunlightError) => set({ sunlightStatus: 'error', sunlightError }),
  setShadowPlayback: (playback) => set((s) => ({ shadowPlayback: { ...s.shadowPlayback, ...playback } })),
  askSunlightWhatIf: (buildingId, change) => set({ sunlightWhatIf: { buildingId, change, status: 'running', result: null } }),
  settleSunlightWhatIf: (outcome) =>
    set((s) =>
      s.sunlightWhatIf
        ? {
            sunlightWhatIf: {
              ...s.sunlightWhatIf,
              ...('result' in outcome ? { status: 'done', result: outcome.result } : { status: 'error', error: outcome.error }),
            },
          }
        : {},
    ),
  clearSunlightWhatIf: () => set({ sunlightWhatIf: null }),
  askSunlightPlanWhatIf: (key, { volumes, changed }) =>
    set({ sunlightPlanWhatIf: { key, volumes, changed, status: 'running', result: null } }),
  settleSunlightPlanWhatIf: (key, outcome) =>
    set((s) =>
      s.sunlightPlanWhatIf?.key === key
        ? {
            sunlightPlanWhatIf: {
              ...s.sunlightPlanWhatIf,
              ...('result' in outcome ? { status: 'done', result: outcome.result } : { status: 'error', error: outcome.error }),
            },
          }
        : {},
    ),
});

/** A new community drops the old result and stops the playback; the binding computes anew when wanted. */
export const sunlightOnCommunityChange: CommunityChange = () => ({
  sunlightResult: null,
  sunlightWhatIf: null,
  sunlightPlanWhatIf: null,
  sunlightStatus: 'idle',
  shadowPlayback: { on: false, instantMs: null, playing: false },
});
