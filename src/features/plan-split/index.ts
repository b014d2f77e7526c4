import type { Feature } from '../feature';
import { planSplitLayers } from './selectors';

/** Before/after split of the scene between today and a reuse plan, or two plans (toggled in 更新 › 方案对比). */
export const planSplitFeature: Feature = { id: 'plan-split', layers: planSplitLayers };
