import { colorBuildings, type ColorMode, type Rgb } from '../../layers/buildingColorModes';
import type { LayerId } from '../../layers/layerCatalog';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectScenarioColoring, selectScenarioScene } from '../scenarios/selectors';
import { FEATURES } from '../registry';

const NO_COLORS: ReadonlyMap<string, Rgb> = new Map();

/**
 * The colour mode on screen: while the scenario colours the buildings and its scene names a mode,
 * that mode (the scene may change with the data: health colours by share aged 60+ until the service
 * circles are in, then by services reached); otherwise the mode the user chose.
 */
export function selectColorModeShown(s: AppState): ColorMode {
  if (s.buildingColoring !== 'scenario') return s.colorMode;
  const coloring = selectScenarioScene(s)?.coloring;
  return coloring?.kind === 'mode' ? coloring.mode : s.colorMode;
}

/** The values a feature's analysis gives the mode (walk seconds for walkTime), or undefined. */
function buildingValuesFor(s: AppState, mode: ColorMode): ArrayLike<number> | undefined {
  for (const feature of FEATURES) {
    const values = feature.buildingValues?.(s, mode);
    if (values) return values;
  }
  return undefined;
}

/**
 * The colour of every building: the open scenario's own colouring while it is on screen, else the
 * colour mode, with the per-building values a feature's analysis gives it (walk times for the walk-time
 * mode; recomputed only when those change).
 */
export const selectBuildingColors = memoSelector(
  (s: AppState) => {
    const mode = selectColorModeShown(s);
    return [s.community, s.summaries, mode, buildingValuesFor(s, mode), selectScenarioColoring(s)];
  },
  (community, summaries, colorMode, values, scenarioColoring): ReadonlyMap<string, Rgb> => {
    if (scenarioColoring) return scenarioColoring.colors;
    return community ? colorBuildings(community.buildings, summaries, colorMode, values) : NO_COLORS;
  },
);

/** Every feature's hidden layers, flattened (the same array while none changed). */
const selectHiddenLayers = memoSelector(
  (s: AppState) => FEATURES.map((feature) => feature.hiddenLayers?.(s)),
  (...hidden): ReadonlySet<LayerId> => new Set(hidden.flatMap((h) => h ?? [])),
);

/** The community layers on screen: the user's switches, less those a feature draws its own version of. */
export const selectLayersShown = memoSelector(
  (s: AppState) => [s.layers, selectHiddenLayers(s)] as const,
  (layers, hidden): Record<LayerId, boolean> =>
    hidden.size
      ? (Object.fromEntries(Object.entries(layers).map(([id, on]) => [id, on && !hidden.has(id as LayerId)])) as Record<LayerId, boolean>)
      : layers,
);
