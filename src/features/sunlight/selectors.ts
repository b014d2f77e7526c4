import { trueSolarInstant } from '../../analysis/sunlight/solarPosition';
import { summariseSunlight, worstFloorHoursByBuilding, type CommunitySunlight } from '../../analysis/sunlight/homeSunlight';
import { addedFloorsVolume, compareSunlight, elevatorShaftVolumes, type SunlightComparison } from '../../analysis/sunlight/whatIf';
import type { Volume } from '../../analysis/sunlight/sunlightRequest';
import { dropsByBuilding, type DropByBuilding } from '../../analysis/sunlight/planVolumes';
import type { Building } from '../../core/model/types';
import type { SunlightChange } from './slice';
import { defaultSunlightDate } from '../../analysis/sunlight/sunlightRequest';
import { sunlightPreset, type SunlightPreset } from '../../analysis/sunlight/sunlightRules';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';

/** The preset picked (the default one when the id is unknown). */
export const selectSunlightPreset = (s: AppState): SunlightPreset => sunlightPreset(s.sunlightPresetId) ?? sunlightPreset(undefined)!;

/** The day analysed: the user's date, or the preset's solar term of the current year. */
export const selectSunlightDate = (s: AppState): string =>
  s.sunlightDate ?? defaultSunlightDate(selectSunlightPreset(s), new Date().getFullYear());

/** Homes, floors and buildings of the latest result against its preset (null before the first run). */
export const selectCommunitySunlight = memoSelector(
  (s: AppState) => [s.community, s.sunlightResult, s.summaries],
  (community, result, summaries): CommunitySunlight | null => {
    if (!community || !result) return null;
    const preset = sunlightPreset(result.presetId);
    return preset ? summariseSunlight(community, result, preset.minHours, summaries) : null;
  },
);

/** Worst-floor hours per building, indexed like the community's buildings, for the sunlight colouring. */
export const selectWorstFloorHours = memoSelector(
  (s: AppState) => [s.community, selectCommunitySunlight(s)],
  (community, sunlight): Float64Array | undefined => (community && sunlight ? worstFloorHoursByBuilding(community, sunlight) : undefined),
);

/** The shadow playback's range: the preset's window of true solar time on the day, as Beijing instants. */
export const selectPlaybackWindow = memoSelector(
  (s: AppState) => [s.community, selectSunlightPreset(s), selectSunlightDate(s)],
  (community, preset, date): { date: string; startMs: number; endMs: number; noonMs: number } | null => {
    if (!community) return null;
    const site = { lon: community.manifest.centre[0], lat: community.manifest.centre[1] };
    return {
      date,
      startMs: trueSolarInstant(date, preset.windowStartHours, site),
      endMs: trueSolarInstant(date, preset.windowEndHours, site),
      noonMs: trueSolarInstant(date, 12, site),
    };
  },
);

/** The volumes of a what-if on a building. */
export function whatIfVolumes(building: Building, change: SunlightChange): Volume[] {
  return change.kind === 'floors' ? [addedFloorsVolume(building, change.floors)] : elevatorShaftVolumes(building);
}

/** The what-if's neighbours before and after (null until it is computed). */
export const selectSunlightWhatIf = memoSelector(
  (s: AppState) => [s.community, s.sunlightWhatIf, selectCommunitySunlight(s), s.summaries],
  (community, whatIf, before, summaries): SunlightComparison | null => {
    if (!community || !whatIf?.result || !before) return null;
    const preset = sunlightPreset(whatIf.result.presetId);
    if (!preset) return null;
    return compareSunlight(before, summariseSunlight(community, whatIf.result, preset.minHours, summaries), new Set([whatIf.buildingId]));
  },
);

/** A reuse plan's or elevator candidate's sunlight before and after, with the homes falling below per neighbour building. */
export const selectSunlightPlanWhatIf = memoSelector(
  (s: AppState) => [s.community, s.sunlightPlanWhatIf, selectCommunitySunlight(s), s.summaries, s.sunlightResult],
  (community, whatIf, before, summaries, beforeResult): { key: string; comparison: SunlightComparison; drops: DropByBuilding[] } | null => {
    if (!community || !whatIf?.result || !before) return null;
    const preset = sunlightPreset(whatIf.result.presetId);
    // Before and after of the same rule and day only (a new run of either replaces its half).
    if (!preset || whatIf.result.presetId !== beforeResult?.presetId || whatIf.result.date !== beforeResult.date) return null;
    const after = summariseSunlight(community, whatIf.result, preset.minHours, summaries);
    const comparison = compareSunlight(before, after, new Set(whatIf.changed));
    return { key: whatIf.key, comparison, drops: dropsByBuilding(community, comparison, summaries) };
  },
);
