import type { ReuseAnalysis } from '../../analysis/reuse/analyzeReuse';
import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import type { ReportMeta } from './report';

/** The building-reuse what-if as JSON (the CLI's `--reuse --json`) and as readable tables. */

const round1 = (x: number) => Math.round(x * 10) / 10;
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

export function reuseReportJson(analysis: ReuseAnalysis, coverage: ServiceCoverage, meta: ReportMeta): unknown {
  const { candidates, conversions, plan, elevators, elevatorRules } = analysis;
  return {
    input: meta.input,
    walkSpeedMetersPerSecond: coverage.walkSpeedMetersPerSecond,
    bands: coverage.bands.map((b) => ({ id: b.id, maxDistanceMeters: b.maxDistanceMeters })),
    budget: plan.budget,
    /** The rules applied, with their sources ([M, unverified] marks values still to check). */
    reuseRules: { rules: analysis.reuseRules.rules, hub: analysis.reuseRules.hub },
    candidates: candidates.map((c) => ({
      id: c.id,
      source: c.source,
      kind: c.kind,
      name: c.name ?? null,
      areaM2: round1(c.areaM2),
      areaBasis: c.areaBasis,
      siteAreaM2: round1(c.siteAreaM2),
      floors: c.floors,
      groundFloorAccess: c.groundFloorAccess,
      hasElevator: c.hasElevator,
      ownerType: c.ownerType,
      position: [round7(c.position[0]), round7(c.position[1])],
      buildingId: c.buildingId ?? null,
      currentUse: c.currentUse ?? null,
      feasibleCategories: c.feasible.filter((f) => f.ok).map((f) => f.category),
      feasible: c.feasible.map((f) => ({
        category: f.category,
        ok: f.ok,
        reasons: f.reasons,
        surveyChecks: f.surveyChecks,
        usableAreaM2: round1(f.usableAreaM2),
        capacity: f.capacity,
      })),
      hub: { ok: c.hub.ok, reasons: c.hub.reasons, categories: c.hub.categories },
    })),
    conversions: conversions.map(({ candidateId, gain: g, weight, weightedGain }) => ({
      candidateId,
      category: g.category,
      targetPopulation: g.targetPopulation,
      thresholdMeters: g.thresholdMeters,
      targetPopulationNewlyCovered: g.targetPopulationNewlyWithinThreshold,
      buildingsNewlyCovered: g.buildingsNewlyWithinThreshold,
      weight,
      weightedGain,
      bands: g.bands,
      buildingsGaining: g.gainingBuildings.length,
      newlyCoveredBuildingIds: g.newlyCoveredBuildings.map((b) => coverage.buildingIds?.[b] ?? String(b)),
      capacity: g.capacity,
      capacityUnavailableReason: g.capacityUnavailableReason,
      attached: g.attached,
    })),
    plan: {
      budget: plan.budget,
      totalWeightedGain: plan.totalWeightedGain,
      stoppedEarly: plan.stoppedEarly,
      targetWeights: plan.targetWeights,
      targetWeightsSource: plan.targetWeightsSource,
      picks: plan.picks.map((p) => ({
        step: p.step,
        candidateId: p.candidateId,
        candidateName: p.candidateName ?? null,
        hub: p.hub,
        weightedGain: p.weightedGain,
        categories: p.categories.map((c) => ({
          category: c.category,
          targetPopulation: c.targetPopulation,
          weight: c.weight,
          targetPopulationNewlyCovered: c.targetPopulationNewlyCovered,
          buildingsNewlyCovered: c.buildingsNewlyCovered,
          weightedGain: c.weightedGain,
          newlyCoveredBuildingIds: c.newlyCoveredBuildingIds,
        })),
      })),
      byCategory: plan.byCategory,
    },
    elevators: {
      rules: {
        uses: elevatorRules.uses,
        minFloors: elevatorRules.minFloors,
        requireNoElevator: elevatorRules.requireNoElevator,
        builtByFilter: elevatorRules.builtByFilter,
        aboveFloor: elevatorRules.aboveFloor,
        rankBy: elevatorRules.rankBy,
        sources: elevatorRules.sources,
      },
      candidates: elevators.map(({ position, ...e }) => ({ ...e, position: [round7(position[0]), round7(position[1])] })),
    },
  };
}

/** Terminal columns of a text: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** A plain-text table; columns listed in `left` are left-aligned, the others right-aligned. */
function table(header: string[], rows: string[][], left: readonly number[] = [0, 1]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const pad = (c: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(c));
    return left.includes(i) ? c + fill : fill + c;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const count = (x: number | null) => (x === null ? '–' : String(x));

export function reuseReportText(analysis: ReuseAnalysis, coverage: ServiceCoverage, meta: ReportMeta, top = 8): string {
  const { candidates, conversions, plan, elevators } = analysis;
  const nameOf = new Map(candidates.map((c) => [c.id, c.name ?? '']));
  const out: string[] = [];
  const spaces = candidates.filter((c) => c.source === 'reuse-space').length;
  out.push(`Building reuse what-if (存量空间再利用) for ${meta.input}`);
  out.push(
    `walking at ${coverage.walkSpeedMetersPerSecond} m/s; ${candidates.length} candidates (${spaces} reuse spaces, ${candidates.length - spaces} idle or low-use buildings); budget ${plan.budget}`,
  );
  out.push('');
  out.push('Candidates and what they can host (reasons for the rest in --json):');
  out.push(
    table(
      ['id', 'name', 'area m²', 'floors', 'fits', 'hub'],
      candidates.map((c) => [
        c.id,
        c.name ?? '',
        round1(c.areaM2).toFixed(1),
        String(c.floors),
        c.feasible
          .filter((f) => f.ok)
          .map((f) => (f.surveyChecks.length ? `${f.category} (needs site and sunlight check)` : f.category))
          .join(', ') || '–',
        c.hub.ok ? 'yes' : '–',
      ]),
      [0, 1, 4, 5],
    ),
  );
  out.push('');
  const bands = coverage.bands.map((b) => `≤${b.maxDistanceMeters} m`);
  const sorted = conversions.filter((c) => c.weightedGain > 0).sort((p, q) => q.weightedGain - p.weightedGain);
  out.push(`Single conversions, largest weighted gain first (target residents newly within the rule's distance; bands: newly within):`);
  out.push(
    table(
      ['candidate', 'category', 'target', 'newly covered', 'homes', 'weighted', ...bands],
      sorted
        .slice(0, top)
        .map(({ candidateId, gain: g, weightedGain }) => [
          `${candidateId} ${nameOf.get(candidateId)}`.trim(),
          g.category,
          g.targetPopulation,
          count(g.targetPopulationNewlyWithinThreshold),
          String(g.buildingsNewlyWithinThreshold),
          String(weightedGain),
          ...g.bands.map((b) => count(b.targetPopulationNewlyWithin)),
        ]),
    ),
  );
  if (sorted.length > top) out.push(`  … ${sorted.length - top} more with a gain (see --json or --top N)`);
  out.push('');
  const weights = Object.entries(plan.targetWeights)
    .filter(([, w]) => w !== 1)
    .map(([t, w]) => `${t} ×${w}`)
    .join(', ');
  out.push(
    `Suggested plan: ${plan.picks.length} of ${plan.budget} conversions, greedy by marginal gain (weights ${weights || 'all 1'}); total weighted gain ${plan.totalWeightedGain}`,
  );
  if (!plan.picks.length) out.push('  none');
  for (const p of plan.picks) {
    const what = p.categories
      .map(
        (c) =>
          `${c.category} +${c.targetPopulationNewlyCovered ?? `${c.buildingsNewlyCovered} homes`}${c.targetPopulationNewlyCovered === null ? '' : ` (${c.targetPopulation}, ${c.buildingsNewlyCovered} homes)`}`,
      )
      .join('; ');
    out.push(
      `  ${p.step}. ${p.candidateId} ${p.candidateName ?? ''} → ${p.hub ? 'hub (嵌入式服务综合体): ' : ''}${what}; weighted +${p.weightedGain}`,
    );
  }
  if (plan.stoppedEarly) out.push(`  stopped early: ${plan.stoppedEarly}`);
  out.push('');
  out.push(
    `Elevator addition (加装电梯) candidates: ${elevators.length}, ranked by ${analysis.elevatorRules.rankBy.join(', then ')} (above floor ${analysis.elevatorRules.aboveFloor}):`,
  );
  out.push(
    table(
      ['rank', 'building', 'floors', 'built', 'elderly above', 'households above'],
      elevators
        .slice(0, top)
        .map((e) => [
          String(e.rank),
          `${e.buildingId} ${e.name ?? ''}`.trim(),
          String(e.floors),
          String(e.yearBuilt),
          String(e.elderlyAboveFloor),
          String(e.householdsAboveFloor),
        ]),
    ),
  );
  if (elevators.length > top) out.push(`  … ${elevators.length - top} more (see --json or --top N)`);
  return out.join('\n');
}
