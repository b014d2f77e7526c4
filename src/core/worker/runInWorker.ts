import { reviveError, WORKER_ERROR_CLASSES, type ErrorClass, type FromWorker, type ToWorker } from './workerProtocol';

/**
 * Runs one task in a dedicated Web Worker (page side). The worker module is a one-liner,
 * `serveWorker(task)` (see serveWorker.ts); this side posts the input, reports progress, and
 * settles with the output or the error thrown in the worker, rebuilt as its own class.
 *
 * - Transfer: the buffers in `transfer` are moved, not copied (the input is unusable afterwards).
 * - Abort: aborting `signal` terminates the worker and rejects with a DOMException 'AbortError';
 *   an already aborted signal rejects without starting a worker.
 * - Errors: a DataError (with its issues), an ImportError (code, position), a DeveloperError… arrive
 *   as instances of the same class with the same fields; a worker that fails to load or crashes
 *   rejects with an Error naming `label`.
 * - One worker per call, terminated as soon as the call settles.
 *
 * @example
 * const createWorker = () => new Worker(new URL('./sunlightHours.worker.ts', import.meta.url), { type: 'module' });
 * runInWorker<SunlightRequest, SunlightHours, number>(request, { createWorker, transfer: [request.heights.buffer], signal, onProgress });
 */

/** The part of a Worker this helper uses, so tests (and environments without workers) can pass a stand-in. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export interface RunInWorkerOptions<Progress> {
  /** Starts the worker: `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`, or a stand-in. */
  createWorker: () => WorkerLike;
  /** Buffers of the input to move to the worker instead of copying. */
  transfer?: Transferable[];
  /** Aborting terminates the worker and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called with each progress value the task reports. */
  onProgress?: (progress: Progress) => void;
  /** What runs, for messages: "service coverage" → "service coverage was aborted". */
  label?: string;
  /** Error classes to rebuild beyond the default ones (Error, TypeError, RangeError, DataError, ImportError, DeveloperError). */
  errorClasses?: Readonly<Record<string, ErrorClass>>;
}

export function abortError(label = 'task'): DOMException {
  return new DOMException(`${label} was aborted`, 'AbortError');
}

export function runInWorker<Input, Output, Progress = never>(input: Input, options: RunInWorkerOptions<Progress>): Promise<Output> {
  const { signal, onProgress, label = 'task' } = options;
  if (signal?.aborted) return Promise.reject(abortError(label));
  const classes = options.errorClasses ? { ...WORKER_ERROR_CLASSES, ...options.errorClasses } : WORKER_ERROR_CLASSES;
  return new Promise<Output>((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = options.createWorker();
    } catch (error) {
      reject(error);
      return;
    }
    const finish = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError(label));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<FromWorker<Output, Progress>>) => {
      if (data.type === 'progress') {
        onProgress?.(data.progress);
        return;
      }
      finish();
      if (data.type === 'result') resolve(data.output);
      else reject(reviveError(data.error, classes));
    };
    worker.onerror = (event) => {
      // A module that fails to load or an uncaught error outside the task; the page must not see it twice.
      event.preventDefault?.();
      finish();
      reject(new Error(`${label} worker failed: ${event.message}`));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new Error(`${label} worker sent a message that could not be read`));
    };
    const message: ToWorker<Input> = { type: 'run', input };
    try {
      worker.postMessage(message, options.transfer ?? []);
    } catch (error) {
      // Something in the input cannot be cloned or transferred.
      finish();
      reject(error);
    }
  });
}
