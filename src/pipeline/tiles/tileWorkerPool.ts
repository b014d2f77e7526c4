/**
 * Runs the city tiler's tile jobs (tileJob.ts) on `workers` threads, or on the main thread when
 * `workers` ≤ 1. Making a tile's glb (extrusion, earcut, glTF-Transform) is nearly all of pass 2 and
 * tiles are independent, so on a machine with n cores n workers make tiles n times as fast while
 * the main thread only reads work files and keeps the tree.
 * Memory stays bounded because the caller waits on `ready()` before each leaf: at most `limit` jobs
 * are queued or running, each holding one tile's buildings.
 */
import { Worker } from 'node:worker_threads';
import { runTileJob, type TileJob, type TileJobResult } from './tileJob';

export interface TileRunner {
  /** Threads making tiles (1: the main thread). */
  readonly workers: number;
  run(job: TileJob): Promise<TileJobResult>;
  /** Resolves once fewer than `limit` jobs are queued or running. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  job: TileJob;
  resolve: (result: TileJobResult) => void;
  reject: (error: Error) => void;
}

/**
 * A worker thread does not inherit the main thread's TypeScript loader (tsx registers its hooks per
 * thread), so each worker registers tsx's before it loads tileWorker.ts. tsx is found from this file,
 * not from the working directory (an eval'd worker would look there).
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./tileWorker.ts', import.meta.url).href)}); })`;

export function createTileRunner(workers: number, limit = 2 * Math.max(1, workers)): TileRunner {
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const settle = () => {
    inFlight--;
    while (waiters.length && inFlight < limit) waiters.shift()!();
  };
  const ready = () => (inFlight < limit ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));
  if (workers <= 1)
    return {
      workers: 1,
      run: (job) => {
        inFlight++;
        return runTileJob(job).finally(settle);
      },
      ready,
      close: async () => {},
    };

  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const current = new Map<Worker, Pending>();
  let failure: Error | null = null;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      current.set(worker, pending);
      worker.postMessage(pending.job);
    }
  };
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true });
    worker.on('message', (answer: { result?: TileJobResult; error?: string }) => {
      const pending = current.get(worker)!;
      current.delete(worker);
      idle.push(worker);
      if (answer.error !== undefined) pending.reject(new Error(answer.error));
      else pending.resolve(answer.result!);
      dispatch();
    });
    // A worker that dies (out of memory, a crash in a module) fails its job and every later one.
    worker.on('error', (error) => {
      failure = error;
      current.get(worker)?.reject(error);
      current.delete(worker);
      for (const p of queue.splice(0)) p.reject(error);
    });
    // One that exits without an error (a stray process.exit) would leave its job waiting for ever.
    worker.on('exit', (code) => {
      const pending = current.get(worker);
      if (!pending) return;
      current.delete(worker);
      pending.reject(new Error(`a tile worker stopped (exit code ${code})`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    workers,
    run: (job) => {
      if (failure) return Promise.reject(failure);
      inFlight++;
      return new Promise<TileJobResult>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      }).finally(settle);
    },
    ready,
    close: async () => {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
