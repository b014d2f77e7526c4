import { getScenario, parseScenarioId } from '../../scenarios/registry';
import type { ScenarioContext, ScenarioModule } from '../../scenarios/types';
import type { AppState, AppStore } from '../../stores/appStore';
import type { LayerId } from '../../layers/layerCatalog';

export function scenarioContextOf(s: Pick<AppState, 'community' | 'summaries' | 'coverage' | 'language'>): ScenarioContext | null {
  return s.community ? { community: s.community, summaries: s.summaries, coverage: s.coverage, language: s.language } : null;
}

export function currentScenario(s: Pick<AppState, 'scenarioId'>): ScenarioModule | null {
  const id = parseScenarioId(s.scenarioId);
  return id ? getScenario(id) : null;
}

/**
 * A scenario switch changes the scene, the panels and the camera together: its layers, building
 * colouring and service category go into the store (the scene follows the store), and a camera
 * flight is requested (`data-ready` drops until it lands). When the service circles finish, only the
 * colouring is refreshed — a scenario colouring may depend on them, the camera must not jump.
 */
export function applyScenariosOnChanges(store: AppStore): () => void {
  const apply = (s: AppState, withCamera: boolean) => {
    const module = currentScenario(s);
    const ctx = scenarioContextOf(s);
    if (!module || !ctx) return;
    const scene = module.scene(ctx);
    const state = store.getState();
    if (withCamera) {
      for (const [id, visible] of Object.entries(scene.layers) as [LayerId, boolean][]) if (state.layers[id] !== visible) state.setLayerVisible(id, visible);
      if (scene.serviceCategory) state.setServiceCategory(scene.serviceCategory);
    }
    if (scene.coloring.kind === 'mode') {
      state.setScenarioColoring(null);
      state.setColorMode(scene.coloring.mode);
    } else {
      state.setScenarioColoring({ title: scene.coloring.title, colors: scene.coloring.colors, legend: scene.coloring.legend });
    }
    if (withCamera) state.requestCamera(module.camera(ctx));
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarioId !== prev.scenarioId || s.community !== prev.community) apply(s, true);
    else if (s.coverage !== prev.coverage && s.scenarioId) apply(s, false);
  });
  apply(store.getState(), true);
  return unsubscribe;
}
