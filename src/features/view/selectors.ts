import { colorBuildings, type Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectScenarioColoring } from '../scenarios/selectors';
import { selectWalkSeconds } from '../service-circles/selectors';

const NO_COLORS: ReadonlyMap<string, Rgb> = new Map();

/**
 * The colour of every building: the open scenario's own colouring while it is on screen, else the
 * colour mode (walk times only matter, and only recompute the colours, in the walk-time mode).
 */
export const selectBuildingColors = memoSelector(
  (s: AppState) => [s.community, s.summaries, s.colorMode, s.colorMode === 'walkTime' ? selectWalkSeconds(s) : undefined, selectScenarioColoring(s)],
  (community, summaries, colorMode, walkSeconds, scenarioColoring): ReadonlyMap<string, Rgb> => {
    if (scenarioColoring) return scenarioColoring.colors;
    return community ? colorBuildings(community.buildings, summaries, colorMode, walkSeconds) : NO_COLORS;
  },
);
