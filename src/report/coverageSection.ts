import type { CategoryCoverage, ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { coverageRows } from '../analysis/service-circles/coverageRows';
import { rankServiceGaps } from '../analysis/service-circles/gaps';
import { DEFAULT_SERVICE_RULES } from '../analysis/service-circles/rules';
import { suppressCount } from '../data/privacy/aggregate';
import type { CoverageRow, CoverageSection, GapRow } from './reportModel';

/**
 * GB 50180-2018 §3.0.4: the 5- and 15-minute living circles (生活圈), in seconds of walking: the
 * first and last of the bundled rules' bands (rules.json `bandsSeconds`, 300/600/900 s).
 */
const BUNDLED_BANDS_SECONDS = DEFAULT_SERVICE_RULES.bandsSeconds;
export const FIVE_MINUTES_SECONDS = BUNDLED_BANDS_SECONDS[0];
export const FIFTEEN_MINUTES_SECONDS = BUNDLED_BANDS_SECONDS[BUNDLED_BANDS_SECONDS.length - 1];

/** Worst-served buildings named per gap in the report (the analysis panel shows 5). */
const WORST_BUILDINGS_LISTED = 3;

/**
 * Share of the category's target residents within `seconds` of walking: the summary's band figure
 * when the rules have that band (so the report prints exactly what the analysis panel and the
 * analyze CLI print), else counted the same way from the per-building walks.
 */
export function targetShareWithinSeconds(coverage: ServiceCoverage, c: CategoryCoverage, seconds: number): number | null {
  const s = c.summary;
  if (s.targetPopulationTotal === null || !(s.targetPopulationTotal > 0)) return null;
  const k = coverage.bandsSeconds.indexOf(seconds);
  if (k >= 0 && s.targetPopulationWithinBands) return s.targetPopulationWithinBands[k] / s.targetPopulationTotal;
  const population = coverage.population[c.rule.targetPopulation];
  if (!population) return null;
  let within = 0;
  for (let b = 0; b < c.walkSeconds.length; b++) if (c.walkSeconds[b] <= seconds) within += population[b];
  return within / s.targetPopulationTotal;
}

export function coverageSection(coverage: ServiceCoverage, chartId: string): CoverageSection {
  const rows: CoverageRow[] = coverageRows(coverage, (c) => {
    const s = c.summary;
    return {
      facilities: c.facilityIndices.length,
      shareWithinRule: s.shareTargetPopulationWithinThreshold,
      shareWithin5Min: targetShareWithinSeconds(coverage, c, FIVE_MINUTES_SECONDS),
      shareWithin15Min: targetShareWithinSeconds(coverage, c, FIFTEEN_MINUTES_SECONDS),
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
    fiveMinuteSeconds: FIVE_MINUTES_SECONDS,
    fifteenMinuteSeconds: FIFTEEN_MINUTES_SECONDS,
    rows,
    gaps,
    chartId,
  };
}
