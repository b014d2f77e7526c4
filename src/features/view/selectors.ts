import { colorBuildings, type ColorMode, type Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectScenarioColoring, selectScenarioScene } from '../scenarios/selectors';
import { selectWalkSeconds } from '../service-circles/selectors';

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

/**
 * The colour of every building: the open scenario's own colouring while it is on screen, else the
 * colour mode (walk times only matter, and only recompute the colours, in the walk-time mode).
 */
export const selectBuildingColors = memoSelector(
  (s: AppState) => {
    const mode = selectColorModeShown(s);
    return [s.community, s.summaries, mode, mode === 'walkTime' ? selectWalkSeconds(s) : undefined, selectScenarioColoring(s)];
  },
  (community, summaries, colorMode, walkSeconds, scenarioColoring): ReadonlyMap<string, Rgb> => {
    if (scenarioColoring) return scenarioColoring.colors;
    return community ? colorBuildings(community.buildings, summaries, colorMode, walkSeconds) : NO_COLORS;
  },
);
