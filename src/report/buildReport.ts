import type { ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { DEFAULT_ELEVATOR_RULES, type ElevatorRuleSet } from '../analysis/reuse/elevatorRules';
import elevatorRulesJson from '../analysis/reuse/elevatorRules.json';
import { DEFAULT_REUSE_RULES, type ReuseRuleSet } from '../analysis/reuse/reuseRules';
import reuseRulesJson from '../analysis/reuse/reuseRules.json';
import serviceRulesJson from '../analysis/service-circles/rules.json';
import acceptanceRulesJson from '../scenarios/acceptance.json';
import { DEFAULT_SERVICE_RULES } from '../analysis/service-circles/rules';
import type { Attribution, Community } from '../core/model/types';
import { summariseBuildings, type BuildingSummary } from '../data/community/buildingSummaries';
import { DEFAULT_ACCEPTANCE, scoreCommunity, SCENARIOS, type AcceptanceRules, type ScenarioModule } from '../scenarios';
import { DEFAULT_ACCEPTANCE_DIMENSIONS, type AcceptanceDimensionRules } from '../scenarios/acceptanceDimensions';
import { basicInformation } from './basicInformation';
import { coverageMap } from './coverageMap';
import { coverageSection } from './coverageSection';
import { DEFAULT_COMPLETE_COMMUNITY_ITEMS, facilityInventory, type CompleteCommunityItems } from './facilityInventory';
import type { PackageHash } from './packageHash';
import { ageBandChart, coverageChart, dimensionChart, scenarioScoreChart } from './reportChartSpecs';
import type { ReportModel, RuleSetVersion } from './reportModel';
import { reuseSection } from './reuseSection';
import sunlightRulesJson from '../analysis/sunlight/sunlightRules.json';
import { reuseSunlightRows, sunlightSection, type ReportSunlightInput } from './sunlightSection';
import { scenarioSections } from './scenarioSection';

export interface BuildReportOptions {
  /** The app's version (package.json "version"), passed in by the caller: report/ reads no files. */
  appVersion: string;
  /** From hashPackageFiles over the package's files (async, so computed before). */
  packageHash: PackageHash;
  /** ISO date-time of the report; the caller's clock, so tests can fix it. */
  generatedAt: string;
  /** PNG data URL of the 3D view (browser); absent in the CLI. */
  snapshotPng?: string | null;
  /** `summariseBuildings(community)` when the caller has it already (the store does). */
  summaries?: ReadonlyMap<string, BuildingSummary>;
  modules?: readonly ScenarioModule[];
  acceptanceRules?: AcceptanceRules;
  dimensions?: AcceptanceDimensionRules;
  items?: CompleteCommunityItems;
  reuseRules?: ReuseRuleSet;
  elevatorRules?: ElevatorRuleSet;
  /**
   * Sunlight for the preset the user chose (the default one otherwise), computed by the caller
   * (`reportSunlight` in the CLI, the worker in the app): the 建筑 scenario's 日照达标率 and the
   * sunlight block then print it; without it they say it was not computed.
   */
  sunlight?: ReportSunlightInput;
}

/**
 * The whole report model of a community and its service coverage (computed with
 * `computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community))` in the CLI, by
 * the worker in the browser). Pure and synchronous; the result is plain data (see reportModel.ts).
 */
export function buildReport(community: Community, coverage: ServiceCoverage, options: BuildReportOptions): ReportModel {
  const m = community.manifest;
  const modules = options.modules ?? SCENARIOS;
  const summaries = options.summaries ?? summariseBuildings(community);
  const dimensionRules = options.dimensions ?? DEFAULT_ACCEPTANCE_DIMENSIONS;
  const sunlight = options.sunlight ?? null;
  const score = scoreCommunity(
    { community, summaries, coverage, sunlight: sunlight?.sunlight ?? null },
    modules,
    options.acceptanceRules ?? DEFAULT_ACCEPTANCE,
    dimensionRules,
  );
  const basics = basicInformation(community, summaries);
  const coverageRows = coverageSection(coverage, 'coverage');
  const scenarios = scenarioSections(score, modules);
  const acceptance = {
    dimensions: score.dimensions,
    score: score.acceptanceScore,
    passMark: score.passMark,
    passMarkSource: score.decision.passMarkSource,
    decisionMethod: score.decision.method,
    decisionSource: score.decision.source,
    blocking: score.blocking.map((a) => ({ name: a.indicator.name, reason: a.reason })),
    gate: {
      status: score.gate.status,
      satisfiedShare: score.gate.satisfiedShare,
      respondents: score.gate.respondents,
      threshold: score.gate.threshold,
      reason: score.gate.reason,
      source: score.gate.source,
    },
    acceptance: score.acceptance,
    failedIndicators: score.scenarios.reduce((n, s) => n + s.failed, 0),
    method: dimensionRules.scoring.method,
    methodSource: dimensionRules.scoring.source,
    chartId: 'dimensions',
  };
  const attributions: Attribution[] = [...m.attribution, ...(m.context ?? []).map((c) => c.attribution)];
  const items = options.items ?? DEFAULT_COMPLETE_COMMUNITY_ITEMS;
  const ruleSets: RuleSetVersion[] = [
    { file: 'src/analysis/service-circles/rules.json', version: serviceRulesJson.version, edits: serviceRuleEdits(coverage) },
    { file: 'src/scenarios/acceptance.json', version: acceptanceRulesJson.version, edits: [] },
    { file: 'src/scenarios/acceptanceDimensions.json', version: dimensionRules.version, edits: [] },
    { file: 'src/report/completeCommunityItems.json', version: items.version, edits: [] },
    { file: 'src/analysis/reuse/reuseRules.json', version: reuseRulesJson.version, edits: [] },
    { file: 'src/analysis/reuse/elevatorRules.json', version: elevatorRulesJson.version, edits: [] },
    { file: 'src/analysis/sunlight/sunlightRules.json', version: sunlightRulesJson.version, edits: [] },
  ];
  return {
    cover: {
      communityId: m.id,
      name: m.name,
      district: m.district,
      ...(m.street ? { street: m.street } : {}),
      communityType: m.communityType,
      renewalType: m.renewalType,
      dataDate: m.dataDate,
      generatedAt: options.generatedAt,
      syntheticNotice: m.synthetic?.notice ?? null,
      snapshotPng: options.snapshotPng ?? null,
    },
    basics,
    inventory: facilityInventory(community, score, items, options.reuseRules ?? DEFAULT_REUSE_RULES),
    coverage: coverageRows,
    scenarios,
    reuse: reuseSection(
      community,
      coverage,
      { reuse: options.reuseRules ?? DEFAULT_REUSE_RULES, elevator: options.elevatorRules ?? DEFAULT_ELEVATOR_RULES },
      sunlight ? reuseSunlightRows(community, sunlight, summaries) : [],
    ),
    sunlight: sunlight ? sunlightSection(sunlight) : null,
    acceptance,
    sources: { attributions, syntheticLayers: m.synthetic?.layers ?? [], syntheticNotice: m.synthetic?.notice ?? null },
    reproducibility: { appVersion: options.appVersion, ruleSets, packageHash: options.packageHash },
    charts: {
      'age-bands': ageBandChart(basics),
      coverage: coverageChart(coverageRows),
      'scenario-scores': scenarioScoreChart(scenarios),
      dimensions: dimensionChart(acceptance),
    },
    map: coverageMap(community, coverage),
  };
}

/** What the coverage was computed with that differs from the bundled rules (the app lets users edit limits and speed). */
function serviceRuleEdits(coverage: ServiceCoverage): string[] {
  const edits: string[] = [];
  if (coverage.walkSpeedMetersPerSecond !== DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond) {
    edits.push(`walkSpeedMetersPerSecond ${DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond} → ${coverage.walkSpeedMetersPerSecond}`);
  }
  for (const c of coverage.categories) {
    const base = DEFAULT_SERVICE_RULES.rules.find((r) => r.category === c.category);
    if (base && base.maxDistanceMeters !== c.rule.maxDistanceMeters)
      edits.push(`${c.category}.maxDistanceMeters ${base.maxDistanceMeters} → ${c.rule.maxDistanceMeters}`);
  }
  return edits;
}
