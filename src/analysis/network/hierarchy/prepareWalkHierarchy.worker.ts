import { serveWorker } from '../../../core/worker/serveWorker';
import { prepareWalkHierarchyTask } from './prepareWalkHierarchy';

serveWorker(prepareWalkHierarchyTask);
