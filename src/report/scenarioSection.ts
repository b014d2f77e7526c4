import type { CommunityScore, ScenarioModule } from '../scenarios';
import type { ScenarioSection } from './reportModel';

/**
 * Each scenario's indicators with pass / fail against the threshold of the community's type, and how
 * many buildings and facilities back each value (the evidence the scene highlights). Only counts of
 * the evidence are printed: the ids are in the 3D scene, and a list of homes is no use on paper.
 */
export function scenarioSections(score: CommunityScore, modules: readonly ScenarioModule[]): ScenarioSection[] {
  return score.scenarios.map((s) => {
    const module = modules.find((m) => m.id === s.scenarioId)!;
    return {
      id: s.scenarioId,
      name: module.name,
      kind: module.kind,
      score: s.score,
      passed: s.passed,
      failed: s.failed,
      pending: s.pending,
      satisfiedShare: s.satisfiedShare,
      indicators: s.assessments.map((a) => ({
        id: a.indicator.id,
        name: a.indicator.name,
        outcome: a.outcome,
        value: a.value,
        threshold: a.threshold,
        direction: a.indicator.direction,
        unit: a.indicator.unit,
        display: a.kpi.display,
        reason: a.reason,
        evidenceBuildings: new Set(a.evidence.buildingIds).size,
        evidenceFacilities: new Set(a.evidence.facilityIds).size,
        source: a.indicator.source,
      })),
    };
  });
}
