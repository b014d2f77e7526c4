import type { LayerId } from '../../layers/layerCatalog';
import type { ScenarioId } from '../../scenarios/registry';
import type { AppState } from '../../stores/appStore';
import type { CommunityChange, SliceCreator } from '../../stores/slice';
import { requestCameraChange } from '../view/slice';
import { selectScenarioContext, selectScenarioModule, selectScenarioScene } from './selectors';

/** The scenario shown (九场景 + 一统). */
export interface ScenarioSlice {
  /** A scenario of the registry (`?scenario=health`), or null for the plain planner view. */
  scenarioId: ScenarioId | null;
  /**
   * Shows a scenario: in the same update its layers, service category and building colouring go on
   * screen and a camera flight to its view is requested (`data-ready` drops until it lands).
   */
  setScenario(id: ScenarioId | null): void;
}

/**
 * What showing the state's scenario changes: its forced layers, its service category, its colouring
 * (a colour mode, or its own colours), and a flight to its view. Nothing without a community yet: the
 * community's arrival applies it (`scenarioOnCommunityChange`).
 */
export function showScenarioChange(s: AppState): Partial<AppState> {
  const module = selectScenarioModule(s);
  const ctx = selectScenarioContext(s);
  const scene = selectScenarioScene(s);
  if (!module || !ctx || !scene) return { buildingColoring: 'mode' };
  const layers = { ...s.layers };
  for (const [id, visible] of Object.entries(scene.layers) as [LayerId, boolean][]) layers[id] = visible;
  return {
    layers,
    ...(scene.serviceCategory ? { serviceCategory: scene.serviceCategory } : {}),
    // The scenario colours the buildings (its own colours, or a mode; see view/selectors) until a mode is chosen by hand.
    buildingColoring: 'scenario',
    ...(scene.coloring.kind === 'mode' ? { colorMode: scene.coloring.mode } : {}),
    ...requestCameraChange(s, module.camera(ctx)),
  };
}

/** Switching to `id` (the same scenario again changes nothing). */
export function switchScenarioChange(s: AppState, id: ScenarioId | null): Partial<AppState> {
  if (s.scenarioId === id) return {};
  return { scenarioId: id, ...showScenarioChange({ ...s, scenarioId: id }) };
}

export const createScenarioSlice =
  (initial: { scenarioId?: ScenarioId | null }): SliceCreator<ScenarioSlice> =>
  (set) => ({
    scenarioId: initial.scenarioId ?? null,
    setScenario: (id) => set((s) => switchScenarioChange(s, id)),
  });

/** The open scenario is shown anew on every community (its KPIs, colours and view depend on it). */
export const scenarioOnCommunityChange: CommunityChange = (next) => (next.scenarioId ? showScenarioChange(next) : {});
