/** A worker of tileWorkerPool.ts: runs the tile jobs it is sent, one at a time, and answers each. */
import { parentPort } from 'node:worker_threads';
import { runTileJob, type TileJob } from './tileJob';

parentPort!.on('message', (job: TileJob) => {
  runTileJob(job).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
  );
});
