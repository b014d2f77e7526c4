import { baseFeature } from './base';
import { clipFeature } from './clip';
import type { Feature } from './feature';
import { heatmapFeature } from './heatmap';
import { importFeature } from './import';
import { measureFeature } from './measure';
import { planSplitFeature } from './plan-split';
import { serviceCirclesFeature } from './service-circles';
import { sessionFeature } from './session';
import { sunlightFeature } from './sunlight';
import { tourFeature } from './tour';
import { viewFeature } from './view';
import { viewshedFeature } from './viewshed';

/**
 * The feature modules the app wires up (main.tsx binds them; the scene binding draws their layers).
 * A new feature: its folder under src/features/ and one line here. Features with nothing to wire
 * (community, scenarios, reuse, inspector, report) are state, panels and commands only.
 */
export const FEATURES: readonly Feature[] = [
  baseFeature,
  sessionFeature,
  viewFeature,
  serviceCirclesFeature,
  importFeature,
  tourFeature,
  measureFeature,
  heatmapFeature,
  sunlightFeature,
  viewshedFeature,
  planSplitFeature,
  clipFeature,
];
