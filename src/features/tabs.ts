import { baseTab } from './base/Panel';
import { clipTab } from './clip/Panel';
import { heatmapTab } from './heatmap/Panel';
import { importTab } from './import/Panel';
import { measureTab } from './measure/Panel';
import { reuseTab } from './reuse/Panel';
import { scenarioTab } from './scenarios/Panel';
import { serviceTab } from './service-circles/Panel';
import { sunlightTab } from './sunlight/Panel';
import { layersTab } from './view/LayerPanel';
import { viewshedTab } from './viewshed/Panel';

/**
 * The tabs of the planner's side panel, in order. A new tab: `defineTab({ id, labelKey, Panel })`
 * in its feature's panel file, and one line here.
 */
export const SIDE_PANEL_TABS = [
  scenarioTab,
  layersTab,
  baseTab,
  serviceTab,
  sunlightTab,
  reuseTab,
  importTab,
  measureTab,
  heatmapTab,
  viewshedTab,
  clipTab,
] as const;

export type SidePanelTabId = (typeof SIDE_PANEL_TABS)[number]['id'];
