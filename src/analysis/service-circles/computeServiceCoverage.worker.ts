import { serveWorker } from '../../core/worker/serveWorker';
import { computeServiceCoverageTask } from './serviceCoverageRequest';

serveWorker(computeServiceCoverageTask);
