import { answerWorkerRequest, type WorkerTask } from './serveWorker';
import type { WorkerLike } from './runInWorker';
import type { ToWorker } from './workerProtocol';

/**
 * A stand-in for a module Worker that runs the task on this thread, asynchronously, with messages
 * crossing by `structuredClone` WITH their transfer lists as postMessage does: what cannot be
 * cloned or transferred fails here too, and transferred buffers are detached on the sending side.
 * For unit tests (pass it as `createWorker`) and for environments without Web Workers.
 */
export interface InProcessWorker extends WorkerLike {
  /** True once terminated; messages after that are dropped, as a real worker's are. */
  readonly terminated: boolean;
  /** The transfer list of each message posted to the worker (its buffers are detached by then). */
  readonly transfers: Transferable[][];
  /** Bytes of ArrayBuffers moved by each message posted to the worker, counted before the move. */
  readonly transferredBytes: number[];
}

export function inProcessWorker<Input, Output, Progress>(task: WorkerTask<Input, Output, Progress>): InProcessWorker {
  let terminated = false;
  const transfers: Transferable[][] = [];
  const transferredBytes: number[] = [];
  const worker: InProcessWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    get terminated() {
      return terminated;
    },
    transfers,
    transferredBytes,
    postMessage(message, transfer) {
      transfers.push(transfer);
      transferredBytes.push(transfer.reduce<number>((sum, t) => sum + (t instanceof ArrayBuffer ? t.byteLength : 0), 0));
      const received = structuredClone(message, { transfer }) as ToWorker<Input>;
      setTimeout(() => {
        if (terminated) return;
        void answerWorkerRequest(task, received, (reply, back) => {
          const delivered = structuredClone(reply, { transfer: back });
          setTimeout(() => {
            if (!terminated) worker.onmessage?.({ data: delivered } as MessageEvent);
          });
        });
      });
    },
    terminate() {
      terminated = true;
    },
  };
  return worker;
}
