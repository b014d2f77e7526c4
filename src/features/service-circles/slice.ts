import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import type { ServiceGap } from '../../analysis/service-circles/gaps';
import type { FacilityCategory } from '../../core/model/types';
import type { WeekTime } from '../../core/time/weeklyHours';

/**
 * When time-shared (错时共享) facilities count: in their open hours, or at one of three moments of
 * the week a planner asks about (a school field serves residents in the evening, not at 10:00).
 */
export const SHARING_TIMES = ['open-hours', 'weekday-day', 'weekday-evening', 'weekend-day'] as const;
export type SharingTimeChoice = (typeof SHARING_TIMES)[number];
export const SHARING_MOMENTS: Record<Exclude<SharingTimeChoice, 'open-hours'>, WeekTime> = {
  'weekday-day': { day: 'Tu', minute: 10 * 60 },
  'weekday-evening': { day: 'Tu', minute: 19 * 60 },
  'weekend-day': { day: 'Sa', minute: 10 * 60 },
};
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** 5/15-minute service circles: the user's settings and the latest result from the worker. */
export interface ServiceCirclesSlice {
  /** The category buildings are coloured by, routes drawn to and streets banded for. */
  serviceCategory: FacilityCategory;
  walkSpeedMetersPerSecond: number;
  /** The user's edits of the rule thresholds, metres. */
  maxDistanceOverrides: Partial<Record<FacilityCategory, number>>;
  sharingTime: SharingTimeChoice;
  coverage: ServiceCoverage | null;
  gaps: ServiceGap[];
  analysisStatus: 'idle' | 'running' | 'done' | 'error';
  /** 0–1 while running. */
  analysisProgress: number;
  analysisError: string | null;
  setServiceCategory(category: FacilityCategory): void;
  setWalkSpeed(metersPerSecond: number): void;
  setMaxDistance(category: FacilityCategory, meters: number | null): void;
  setSharingTime(choice: SharingTimeChoice): void;
  startAnalysis(): void;
  setAnalysisProgress(progress: number): void;
  finishAnalysis(coverage: ServiceCoverage, gaps: ServiceGap[]): void;
  failAnalysis(message: string): void;
}

export const createServiceCirclesSlice =
  (initial: { serviceCategory?: FacilityCategory }): SliceCreator<ServiceCirclesSlice> =>
  (set) => ({
    // 一老一小 first: elderly day care is what the seed policy asks about most.
    serviceCategory: initial.serviceCategory ?? 'elderly-care',
    walkSpeedMetersPerSecond: 1.0,
    maxDistanceOverrides: {},
    sharingTime: 'open-hours',
    coverage: null,
    gaps: [],
    analysisStatus: 'idle',
    analysisProgress: 0,
    analysisError: null,
    setServiceCategory: (serviceCategory) => set({ serviceCategory }),
    setWalkSpeed: (walkSpeedMetersPerSecond) => set({ walkSpeedMetersPerSecond }),
    setMaxDistance: (category, meters) =>
      set((s) => {
        const next = { ...s.maxDistanceOverrides };
        if (meters === null) delete next[category];
        else next[category] = meters;
        return { maxDistanceOverrides: next };
      }),
    setSharingTime: (sharingTime) => set({ sharingTime }),
    startAnalysis: () => set({ analysisStatus: 'running', analysisProgress: 0, analysisError: null }),
    setAnalysisProgress: (analysisProgress) => set({ analysisProgress }),
    // Results stay on screen while a new run computes; they are replaced only by a finished run.
    finishAnalysis: (coverage, gaps) => set({ coverage, gaps, analysisStatus: 'done', analysisProgress: 1 }),
    failAnalysis: (analysisError) => set({ analysisStatus: 'error', analysisError }),
  });

/** Results of the replaced community are dropped; the new one is computed by the binding. */
export const serviceCirclesOnCommunityChange: CommunityChange = () => ({ coverage: null, gaps: [] });
