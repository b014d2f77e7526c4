import type { Feature } from '../feature';
import { bindViewToScene } from './bindScene';

/** The planner's view: language, colour modes, layers, selection (panel: LayerPanel, BuildingPanel). */
export const viewFeature: Feature = { id: 'view', bindScene: bindViewToScene };
