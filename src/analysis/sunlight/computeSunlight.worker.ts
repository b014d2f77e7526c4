import { serveWorker } from '../../core/worker/serveWorker';
import { computeSunlightTask } from './sunlightRequest';

serveWorker(computeSunlightTask);
