import { describe, expect, it } from 'vitest';
import { DataError, DeveloperError, ImportError } from '../../../../src/core/errors';
import { inProcessWorker } from '../../../../src/core/worker/inProcessWorker';
import { runInWorker, type WorkerLike } from '../../../../src/core/worker/runInWorker';
import { answerWorkerRequest, serveWorker, type WorkerTask } from '../../../../src/core/worker/serveWorker';
import type { FromWorker } from '../../../../src/core/worker/workerProtocol';

/** Sums a Float64Array, reporting progress after each half. */
const sumTask: WorkerTask<{ values: Float64Array }, number, number> = ({ values }, { progress }) => {
  const half = values.length >> 1;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i === half - 1) progress(0.5);
  }
  progress(1);
  return sum;
};

const throwing = (error: unknown) =>
  inProcessWorker(() => {
    throw error;
  });

describe('runInWorker', () => {
  it('posts the input, reports progress in order, resolves with the output and terminates the worker', async () => {
    const worker = inProcessWorker(sumTask);
    const progress: number[] = [];
    // 1 + 2 + 3 + 4 = 10
    const sum = await runInWorker(
      { values: new Float64Array([1, 2, 3, 4]) },
      { createWorker: () => worker, onProgress: (p: number) => progress.push(p) },
    );
    expect(sum).toBe(10);
    expect(progress).toEqual([0.5, 1]);
    expect(worker.terminated).toBe(true);
  });

  it('moves the buffers of the transfer list instead of copying them', async () => {
    const worker = inProcessWorker(sumTask);
    const values = new Float64Array([1, 2, 3, 4]);
    await runInWorker({ values }, { createWorker: () => worker, transfer: [values.buffer] });
    expect(worker.transfers[0]).toEqual([values.buffer]);
    // 4 doubles of 8 bytes moved; the sender's view is detached (empty).
    expect(worker.transferredBytes).toEqual([32]);
    expect(values.length).toBe(0);
  });

  it('moves the output buffers the task lists back to the page', async () => {
    const posted: [FromWorker<Float64Array, never>, Transferable[]][] = [];
    const task: WorkerTask<number, Float64Array> = Object.assign((n: number) => new Float64Array(n), {
      transferOutput: (out: Float64Array) => [out.buffer],
    });
    await answerWorkerRequest(task, { type: 'run', input: 3 }, (message, transfer) => posted.push([message, transfer]));
    expect(posted).toHaveLength(1);
    const [message, transfer] = posted[0];
    expect(message.type).toBe('result');
    expect(transfer).toEqual([(message as { output: Float64Array }).output.buffer]);
  });

  it('rejects with an AbortError and terminates the worker when aborted', async () => {
    const worker = inProcessWorker(sumTask);
    const controller = new AbortController();
    const promise = runInWorker({ values: new Float64Array(4) }, { createWorker: () => worker, signal: controller.signal, label: 'sum' });
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError', message: 'sum was aborted' });
    expect(worker.terminated).toBe(true);
  });

  it('starts no worker for a signal that is already aborted', async () => {
    let created = 0;
    const promise = runInWorker(
      { values: new Float64Array(4) },
      {
        createWorker: () => {
          created++;
          return inProcessWorker(sumTask);
        },
        signal: AbortSignal.abort(),
      },
    );
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toBe(0);
  });

  it('rethrows a DataError thrown in the worker as a DataError with the same message and issues', async () => {
    const thrown = new DataError(
      [
        {
          file: 'b.csv',
          row: 17,
          field: 'floors',
          reason: 'must be a number, got "x"',
          message: { code: 'issue.field.mustBe', params: { kind: 'x' } },
        },
      ],
      'Invalid input',
    );
    const error = await runInWorker(null, { createWorker: () => throwing(thrown) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ name: 'DataError', message: thrown.message });
    expect((error as DataError).issues).toEqual(thrown.issues);
  });

  it('rethrows an ImportError with its code, position and issue', async () => {
    const thrown = new ImportError('invalid-json', { file: 'a.geojson', reason: 'is truncated' }, { offset: 43, line: 1, column: 44 });
    const error = await runInWorker(null, { createWorker: () => throwing(thrown) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      name: 'ImportError',
      code: 'invalid-json',
      position: { offset: 43, line: 1, column: 44 },
      message: thrown.message,
    });
    expect((error as ImportError).issues).toEqual([{ file: 'a.geojson', reason: 'is truncated' }]);
  });

  it('rethrows a DeveloperError and a TypeError as themselves, and an unknown class as an Error with its name', async () => {
    await expect(runInWorker(null, { createWorker: () => throwing(new DeveloperError('bad call')) })).rejects.toSatisfy(
      (e: unknown) => e instanceof DeveloperError && e.message === 'bad call',
    );
    await expect(runInWorker(null, { createWorker: () => throwing(new TypeError('no')) })).rejects.toBeInstanceOf(TypeError);
    class QuotaError extends Error {
      constructor(readonly limit: number) {
        super(`over ${limit}`);
        this.name = 'QuotaError';
      }
    }
    const unknown = await runInWorker(null, { createWorker: () => throwing(new QuotaError(3)) }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Error);
    expect(unknown).toMatchObject({ name: 'QuotaError', message: 'over 3', limit: 3 });
    // Named in errorClasses, it comes back as its own class.
    const known = await runInWorker(null, { createWorker: () => throwing(new QuotaError(3)), errorClasses: { QuotaError } }).catch(
      (e: unknown) => e,
    );
    expect(known).toBeInstanceOf(QuotaError);
    expect((known as QuotaError).limit).toBe(3);
  });

  it('rejects naming the task when the worker itself fails (a module that does not load)', async () => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => worker.onerror?.({ message: 'SyntaxError: unexpected token' } as ErrorEvent));
      },
      terminate() {},
    };
    await expect(runInWorker(1, { createWorker: () => worker, label: 'import' })).rejects.toThrow(
      'import worker failed: SyntaxError: unexpected token',
    );
  });

  it('rejects when the input cannot be cloned, and leaves no worker running', async () => {
    const worker = inProcessWorker(sumTask);
    await expect(
      runInWorker({ values: () => 1 } as unknown as { values: Float64Array }, { createWorker: () => worker }),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(worker.terminated).toBe(true);
  });
});

describe('serveWorker', () => {
  it('answers the messages of its scope with progress and one result', async () => {
    const posted: unknown[] = [];
    const scope = { onmessage: null as ((event: MessageEvent) => void) | null, postMessage: (message: unknown) => posted.push(message) };
    serveWorker(sumTask, scope);
    scope.onmessage!({ data: { type: 'run', input: { values: new Float64Array([2, 3]) } } } as MessageEvent);
    await new Promise((resolve) => setTimeout(resolve));
    expect(posted).toEqual([
      { type: 'progress', progress: 0.5 },
      { type: 'progress', progress: 1 },
      { type: 'result', output: 5 },
    ]);
  });

  it('answers an unknown message with an error', async () => {
    const posted: FromWorker<unknown, unknown>[] = [];
    await answerWorkerRequest(sumTask, { type: 'compute' } as never, (message) => posted.push(message));
    expect(posted).toMatchObject([{ type: 'error', error: { name: 'Error', message: 'unknown message "compute"' } }]);
  });
});
