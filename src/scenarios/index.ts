/**
 * The public API of the scenarios for the UI and the engine binding: the ten modules, their scoring,
 * and the helpers to show their output. Everything here is pure TypeScript (no React, no cesium/three).
 */
export { getScenario, isScenarioId, parseScenarioId, SCENARIO_IDS, SCENARIOS, type ScenarioId } from './registry';
export {
  satisfactionGate,
  scoreCommunity,
  scoreScenario,
  type Acceptance,
  type CommunityScore,
  type IndicatorAssessment,
  type IndicatorOutcome,
  type SatisfactionGate,
  type ScenarioScore,
} from './scoring';
export { overlayScene } from './scene';
export { formatValue, formatValueText, UNIT_LABELS, type UnitId } from './units';
export { DEFAULT_ACCEPTANCE, type AcceptanceRules } from './acceptance';
export type {
  BuildingColoring,
  ChartKind,
  ChartSeries,
  ChartSpec,
  Evidence,
  Indicator,
  IndicatorDirection,
  Kpi,
  KpiDisplay,
  KpiStatus,
  ScenarioContext,
  ScenarioLegendEntry,
  ScenarioModule,
  ScenarioScene,
  Unavailable,
} from './types';
