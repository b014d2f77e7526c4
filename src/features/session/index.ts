import type { Feature } from '../feature';
import { bindSession } from './bind';

/** Sign-in to the resident-data service and the role it gives (panel: SessionControls in the header). */
export const sessionFeature: Feature = { id: 'session', bind: bindSession };
