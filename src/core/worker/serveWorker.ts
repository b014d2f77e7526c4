import { serializeError, type FromWorker, type ToWorker } from './workerProtocol';

/**
 * The worker side of `runInWorker`: a `*.worker.ts` module is one line,
 * `serveWorker(computeSomethingTask)`. The task is a plain function (testable without a worker);
 * what it throws goes back to the page and is rethrown there as the same class with its fields.
 */

/** What a task may do besides returning: report progress (with buffers to move, if any). */
export interface WorkerTaskContext<Progress> {
  progress(value: Progress, transfer?: Transferable[]): void;
}

export interface WorkerTask<Input, Output, Progress = never> {
  (input: Input, context: WorkerTaskContext<Progress>): Output | Promise<Output>;
  /** Buffers of the output to move back to the page instead of copying. */
  transferOutput?: (output: Output) => Transferable[];
}

/** Posts one message from the worker (the scope's postMessage, or a stand-in's). */
export type PostFromWorker<Output, Progress> = (message: FromWorker<Output, Progress>, transfer: Transferable[]) => void;

/** The worker's whole job, apart from messaging: run the task on one request and post what comes of it. */
export async function answerWorkerRequest<Input, Output, Progress>(
  task: WorkerTask<Input, Output, Progress>,
  message: ToWorker<Input>,
  post: PostFromWorker<Output, Progress>,
): Promise<void> {
  try {
    if (message?.type !== 'run') throw new Error(`unknown message ${JSON.stringify((message as { type?: unknown })?.type)}`);
    const output = await task(message.input, { progress: (progress, transfer = []) => post({ type: 'progress', progress }, transfer) });
    post({ type: 'result', output }, task.transferOutput?.(output) ?? []);
  } catch (error) {
    post({ type: 'error', error: serializeError(error) }, []);
  }
}

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Installs `task` as the worker's message handler. */
export function serveWorker<Input, Output, Progress>(
  task: WorkerTask<Input, Output, Progress>,
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  scope.onmessage = (event: MessageEvent<ToWorker<Input>>) => {
    void answerWorkerRequest(task, event.data, (reply, transfer) => scope.postMessage(reply, transfer));
  };
}
