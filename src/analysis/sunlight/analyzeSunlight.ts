import type { Community } from '../../core/model/types';
import type { BuildingSummary } from '../../data/community/buildingSummaries';
import { summariseSunlight, type CommunitySunlight } from './homeSunlight';
import { computeSunlightFromRequest, sunlightRequestFromCommunity, type SunlightResult, type Volume } from './sunlightRequest';
import { DEFAULT_SUNLIGHT_RULES, sunlightPreset, type SunlightPreset } from './sunlightRules';

/**
 * The whole sunlight analysis of a community on this thread (the CLI, the report, tests; the app runs
 * `computeSunlightAsync` in a worker): façade points, hours, then homes, floors and buildings.
 */
export function analyzeSunlight(
  community: Community,
  options: { preset?: SunlightPreset; date?: string; volumes?: readonly Volume[]; summaries?: ReadonlyMap<string, BuildingSummary> } = {},
): { result: SunlightResult; sunlight: CommunitySunlight; preset: SunlightPreset } {
  const preset = options.preset ?? sunlightPreset(DEFAULT_SUNLIGHT_RULES.defaultPreset)!;
  const result = computeSunlightFromRequest(
    sunlightRequestFromCommunity(community, {
      preset,
      ...(options.date ? { date: options.date } : {}),
      ...(options.volumes ? { volumes: options.volumes } : {}),
    }),
  );
  return { result, sunlight: summariseSunlight(community, result, preset.minHours, options.summaries), preset };
}
