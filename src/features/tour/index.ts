import type { Feature } from '../feature';
import { bindTour } from './bind';

/** The large screen's briefing tour: steps shown by the tour slice, advanced by this timer. */
export const tourFeature: Feature = { id: 'tour', bind: bindTour };
