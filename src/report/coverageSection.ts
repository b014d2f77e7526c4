import type { CategoryCoverage, ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { coverageRows } from '../analysis/service-circles/coverageRows';
import { rankServiceGaps } from '../analysis/service-circles/gaps';
import { DEFAULT_SERVICE_RULES } from '../analysis/service-circles/rules';
import { suppressCount } from '../data/privacy/aggregate';
import type { CoverageRow, CoverageSection, GapRow } from './reportModel';

/**
 * GB 50180-2018 Table 3.0.4: the 5- and 15-minute living circles (生活圈) as walking distances: the
 * first and last of the bundled rules' bands (rules.json `bands`, 300 m and 1,000 m).
 */
const BUNDLED_BANDS = DEFAULT_SERVICE_RULES.bands;
export const FIVE_MINUTE_CIRCLE_METERS = BUNDLED_BANDS[0].maxDistanceMeters;
export const FIFTEEN_MINUTE_CIRCLE_METERS = BUNDLED_BANDS[BUNDLED_BANDS.length - 1].maxDistanceMeters;

/** Worst-served buildings named per gap in the report (the analysis panel shows 5). */
const WORST_BUILDINGS_LISTED = 3;

/**
 * Share of the category's target residents within `meters` of walking: the summary's band figure
 * when the rules have that band (so the report prints exactly what the analysis panel and the
 * analyze CLI print), else counted the same way from the per-building walks.
 */
export function targetShareWithinMeters(coverage: ServiceCoverage, c: CategoryCoverage, meters: number): number | null {
  const s = c.summary;
  if (s.targetPopulationTotal === null || !(s.targetPopulationTotal > 0)) return null;
  const k = coverage.bands.findIndex((b) => b.maxDistanceMeters === meters);
  if (k >= 0 && s.targetPopulationWithinBands) return s.targetPopulationWithinBands[k] / s.targetPopulationTotal;
  const population = coverage.population[c.rule.targetPopulation];
  if (!population) return null;
  let within = 0;
  for (let b = 0; b < c.walkDistanceMeters.length; b++) if (c.walkDistanceMeters[b] <= meters) within += population[b];
  return within / s.targetPopulationTotal;
}

export function coverageSection(coverage: ServiceCoverage, chartId: string): CoverageSection {
  const rows: CoverageRow[] = coverageRows(coverage, (c) => {
    const s = c.summary;
    return {
      facilities: c.facilityIndices.length,
      shareWithinRule: s.shareTargetPopulationWithinThreshold,
      shareWithin5Min: targetShareWithinMeters(coverage, c, FIVE_MINUTE_CIRCLE_METERS),
      shareWithin15Min: targetShareWithinMeters(coverage, c, FIFTEEN_MINUTE_CIRCLE_METERS),
      shareBuildingsWithinRule: s.shareBuildingsWithinThreshold,
      uncovered: s.uncoveredTargetPopulation === null ? null : suppressCount(s.uncoveredTargetPopulation),
      source: c.rule.source,
    };
  });
  const gaps: GapRow[] = rankServiceGaps(coverage, { worstBuildings: WORST_BUILDINGS_LISTED }).map((g) => ({
    category: g.category,
    priority: g.priority,
    missing: g.missing,
    uncoveredTarget: g.uncoveredTargetPopulation === null ? null : suppressCount(g.uncoveredTargetPopulation),
    uncoveredBuildings: g.uncoveredBuildings,
    buildingsCounted: g.buildingsCounted,
    worstBuildingIds: g.worstBuildings.map((w) => w.buildingId ?? String(w.building)),
  }));
  return {
    walkSpeedMetersPerSecond: coverage.walkSpeedMetersPerSecond,
    fiveMinuteMeters: FIVE_MINUTE_CIRCLE_METERS,
    fifteenMinuteMeters: FIFTEEN_MINUTE_CIRCLE_METERS,
    rows,
    gaps,
    chartId,
  };
}
