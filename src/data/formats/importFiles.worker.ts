import { serveWorker } from '../../core/worker/serveWorker';
import { importFilesTask } from './importFilesTask';

serveWorker(importFilesTask);
