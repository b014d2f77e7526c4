import { residentsInFailingHomesCells, type CommunitySunlight } from '../analysis/sunlight/homeSunlight';
import { dropsByBuilding, planSunlightVolumes, type SunlightPlanInput } from '../analysis/sunlight/planVolumes';
import type { Volume } from '../analysis/sunlight/sunlightRequest';
import type { ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import type { ReuseRuleSet } from '../analysis/reuse/reuseRules';
import { reportSuggestedPlan } from './reuseSection';
import type { SunlightPreset } from '../analysis/sunlight/sunlightRules';
import { compareSunlight } from '../analysis/sunlight/whatIf';
import type { Community, LocalizedText } from '../core/model/types';
import type { BuildingSummary } from '../data/community/buildingSummaries';
import { suppressCount, suppressTable } from '../data/privacy/aggregate';
import type { ReuseSunlightRow, SunlightSection } from './reportModel';

/** Buildings listed with homes below the rule (the full list is in the app and `analyze --sunlight`). */
export const REPORT_SUNLIGHT_BUILDINGS = 8;

/**
 * The sunlight a report prints, computed by the caller (the CLI on its thread, the app in its worker)
 * for one preset and day: the community as it is, and after each plan that builds (a plot converted,
 * floors or elevators added). buildReport stays pure and fast; the report names the preset.
 */
export interface ReportSunlightInput {
  preset: SunlightPreset;
  date: string;
  sunlight: CommunitySunlight;
  plans?: readonly ReportPlanSunlight[];
}

export interface ReportPlanSunlight {
  /** The plan's name as the planner wrote it (the same in both languages), or the suggested plan's. */
  plan: LocalizedText;
  /** What it builds: volume ids (a building id for floors added, `<id>:elevator-n`, `reuse:<space>`). */
  volumeIds: string[];
  /** The community's buildings it changes (their own homes are not neighbours). */
  changed: string[];
  /** Only elevators: exempt under GB 50180-2018 §4.0.9 item 3, printed as information. */
  elevatorsOnly: boolean;
  after: CommunitySunlight;
}

/** 住宅日照: the preset (name and sources), homes below the rule, pass rate, residents (n < 5 suppressed), worst buildings. */
export function sunlightSection(input: ReportSunlightInput): SunlightSection {
  const { preset, sunlight } = input;
  const cells = residentsInFailingHomesCells(sunlight);
  const worst = [...sunlight.buildings]
    .filter((b) => b.failingHomes > 0)
    .sort((a, b) => b.failingHomes - a.failingHomes || a.worstFloorHours - b.worstFloorHours || a.buildingId.localeCompare(b.buildingId));
  return {
    preset: {
      id: preset.id,
      name: preset.name,
      day: preset.day,
      minHours: preset.minHours,
      windowStartHours: preset.windowStartHours,
      windowEndHours: preset.windowEndHours,
      stepMinutes: preset.stepMinutes,
      sources: preset.sources,
    },
    date: input.date,
    homes: sunlight.totalHomes,
    failingHomes: sunlight.failingHomes,
    passRate: Number.isNaN(sunlight.passRate) ? null : sunlight.passRate,
    residentsInFailingHomes: cells.total,
    buildingsWithFailingHomes: worst.length,
    worstBuildings: worst.slice(0, REPORT_SUNLIGHT_BUILDINGS).map((b) => ({
      buildingId: b.buildingId,
      homes: b.homes,
      failingHomes: b.failingHomes,
      worstFloorHours: b.worstFloorHours,
      // Listed beside the suppressed total, so the table's cells go through complementary suppression.
      residents: cells.byBuilding.get(b.buildingId)!,
    })),
  };
}

/** Before/after of each plan that builds, for the reuse section: the neighbours' homes that fall below the rule. */
export function reuseSunlightRows(
  community: Pick<Community, 'houses'>,
  input: ReportSunlightInput,
  summaries?: ReadonlyMap<string, BuildingSummary>,
): ReuseSunlightRow[] {
  return (input.plans ?? []).map((p) => {
    const comparison = compareSunlight(input.sunlight, p.after, new Set(p.changed));
    const drops = dropsByBuilding(community, comparison, summaries);
    const total = drops.reduce((sum, d) => sum + d.residents, 0);
    const cells = suppressTable(drops.map((d) => d.residents));
    return {
      plan: p.plan,
      volumeIds: p.volumeIds,
      elevatorsOnly: p.elevatorsOnly,
      failingBefore: comparison.failingBefore,
      failingAfter: comparison.failingAfter,
      homesLosingSunlight: comparison.homesLosingSunlight.length,
      homesDroppingBelow: comparison.homesDroppingBelow.length,
      buildings: drops.map((d, i) => ({ buildingId: d.buildingId, homes: d.homes, residents: cells[i] })),
      residents: suppressCount(total),
    };
  });
}

/** A plan that builds, ready for a sunlight run. */
export interface PlanToEvaluate {
  plan: LocalizedText;
  volumes: Volume[];
  changed: string[];
  elevatorsOnly: boolean;
}

const SUGGESTED_PLAN: LocalizedText = { zh: '建议方案', en: 'Suggested plan' };

/**
 * The plans of a report whose sunlight changes: the suggested plan (when it converts a plot) and the
 * planner's named plans (the app's; the CLI has none) that convert a plot or add floors or elevators.
 */
export function plansThatBuild(
  community: Pick<Community, 'buildings' | 'reuse' | 'houses'>,
  coverage: ServiceCoverage,
  named: readonly (SunlightPlanInput & { name: string })[] = [],
  reuseRules?: ReuseRuleSet,
): PlanToEvaluate[] {
  const suggested = reportSuggestedPlan(community, coverage, reuseRules).plan.picks.map((p) => ({ candidateId: p.candidateId }));
  const all = [
    { label: SUGGESTED_PLAN, input: { conversions: suggested } as SunlightPlanInput },
    ...named.map((p) => ({ label: { zh: p.name, en: p.name }, input: p })),
  ];
  return all.flatMap(({ label, input }) => {
    const { volumes, changed, elevatorsOnly } = planSunlightVolumes(community, input);
    return volumes.length === 0 ? [] : [{ plan: label, volumes, changed, elevatorsOnly }];
  });
}

/**
 * Everything the report needs of sunlight, with the caller's way to run it (`run(volumes)` → the
 * community's sunlight with those volumes; none = as it is): the CLI runs on its thread, the app in
 * its worker, one plan after another.
 */
export async function reportSunlight(
  preset: SunlightPreset,
  date: string,
  plans: readonly PlanToEvaluate[],
  run: (volumes: readonly Volume[]) => CommunitySunlight | Promise<CommunitySunlight>,
): Promise<ReportSunlightInput> {
  const sunlight = await run([]);
  const evaluated: ReportPlanSunlight[] = [];
  for (const p of plans)
    evaluated.push({
      plan: p.plan,
      volumeIds: p.volumes.map((v) => v.id),
      changed: p.changed,
      elevatorsOnly: p.elevatorsOnly,
      after: await run(p.volumes),
    });
  return { preset, date, sunlight, plans: evaluated };
}
