import { getScenario } from '../../scenarios/registry';
import { scoreCommunity, scoreScenario } from '../../scenarios/scoring';
import type { BuildingColoring, ScenarioContext, ScenarioModule } from '../../scenarios/types';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectCommunitySunlight } from '../sunlight/selectors';

/**
 * What the open scenario derives from the state. Each selector recomputes only when its inputs
 * change, so a scenario switch runs `scene(ctx)` once however many panels and bindings read it.
 */

export const selectScenarioContext = memoSelector(
  (s: AppState) => [s.community, s.summaries, s.coverage, s.language, selectCommunitySunlight(s)],
  (community, summaries, coverage, language, sunlight): ScenarioContext | null =>
    community ? { community, summaries, coverage, language, sunlight } : null,
);

export const selectScenarioModule = (s: Pick<AppState, 'scenarioId'>): ScenarioModule | null =>
  s.scenarioId ? getScenario(s.scenarioId) : null;

export const selectScenarioScene = memoSelector(
  (s: AppState) => [selectScenarioModule(s), selectScenarioContext(s)],
  (module, ctx) => (module && ctx ? module.scene(ctx) : null),
);

/** The scenario's own building colouring while it is on screen (not replaced by a colour mode chosen by hand). */
export function selectScenarioColoring(s: AppState): Extract<BuildingColoring, { kind: 'custom' }> | null {
  if (s.buildingColoring !== 'scenario') return null;
  const coloring = selectScenarioScene(s)?.coloring;
  return coloring?.kind === 'custom' ? coloring : null;
}

/** KPIs, charts and score of the open scenario (panels and the large screen share one computation). */
export const selectScenarioContent = memoSelector(
  (s: AppState) => [selectScenarioModule(s), selectScenarioContext(s)],
  (module, ctx) => (module && ctx ? { kpis: module.kpis(ctx), charts: module.charts(ctx), score: scoreScenario(module, ctx) } : null),
);

/** The overall score of the nine scenarios and 一统 with the satisfaction gate. */
export const selectCommunityScore = memoSelector(
  (s: AppState) => [selectScenarioContext(s)],
  (ctx) => (ctx ? scoreCommunity(ctx) : null),
);
