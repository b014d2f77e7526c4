import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import type { ServiceGap } from '../../analysis/service-circles/gaps';
import type { FacilityCategory } from '../../core/model/types';
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** 5/15-minute service circles: the user's settings and the latest result from the worker. */
export interface ServiceCirclesSlice {
  /** The category buildings are coloured by, routes drawn to and streets banded for. */
  serviceCategory: FacilityCategory;
  walkSpeedMetersPerSecond: number;
  /** The user's edits of the rule thresholds, metres. */
  maxDistanceOverrides: Partial<Record<FacilityCategory, number>>;
  coverage: ServiceCoverage | null;
  gaps: ServiceGap[];
  analysisStatus: 'idle' | 'running' | 'done' | 'error';
  /** 0–1 while running. */
  analysisProgress: number;
  analysisError: string | null;
  setServiceCategory(category: FacilityCategory): void;
  setWalkSpeed(metersPerSecond: number): void;
  setMaxDistance(category: FacilityCategory, meters: number | null): void;
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
    startAnalysis: () => set({ analysisStatus: 'running', analysisProgress: 0, analysisError: null }),
    setAnalysisProgress: (analysisProgress) => set({ analysisProgress }),
    // Results stay on screen while a new run computes; they are replaced only by a finished run.
    finishAnalysis: (coverage, gaps) => set({ coverage, gaps, analysisStatus: 'done', analysisProgress: 1 }),
    failAnalysis: (analysisError) => set({ analysisStatus: 'error', analysisError }),
  });

/** Results of the replaced community are dropped; the new one is computed by the binding. */
export const serviceCirclesOnCommunityChange: CommunityChange = () => ({ coverage: null, gaps: [] });
