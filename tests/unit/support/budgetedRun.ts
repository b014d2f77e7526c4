import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * Runs cases of hostile input one after another in a worker thread, each with a time and memory
 * budget, so that a case that hangs or blows up is reported as that case instead of hanging or
 * killing the test run: a case still running after `hangMs` is stopped (the worker is terminated,
 * which interrupts even a regular expression that never ends) and the remaining cases go on in a
 * fresh worker; a worker that dies (out of memory) fails its case the same way.
 *
 * The worker loads `module` (TypeScript, through tsx) and calls its export `fn` with each input;
 * what it returns is posted back, so a value the app's import worker could not post (structured
 * clone) fails here too. Memory is the process's peak resident set size: a case may not raise the
 * peak more than `rssMb` above the peak before the run (the first case over it is the culprit).
 */
export interface Budget {
  /** Milliseconds a case may take. */
  ms: number;
  /** Megabytes a case may raise the process's peak resident set size by. */
  rssMb: number;
  /** Milliseconds after which a case counts as hung and is stopped. */
  hangMs: number;
}

export type CaseOutcome<T> =
  | { status: 'done'; value: T; ms: number; rssGrowthMb: number }
  | { status: 'threw'; error: string; ms: number; rssGrowthMb: number }
  | { status: 'hung' | 'died'; error: string; ms: number; rssGrowthMb: number };

/** Whether an outcome kept to the budget: it finished (with a value) within the time and memory allowed. */
export function withinBudget(outcome: CaseOutcome<unknown>, budget: Budget): boolean {
  return outcome.status === 'done' && outcome.ms <= budget.ms && outcome.rssGrowthMb <= budget.rssMb;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const rss = () => process.resourceUsage().maxRSS / 1024;
import('tsx/esm/api').then(async ({ tsImport }) => {
  const target = (await tsImport(workerData.module, workerData.parent))[workerData.fn];
  const baseline = workerData.baselineMb;
  parentPort.on('message', async ({ index, input }) => {
    const started = performance.now();
    let reply;
    try {
      const value = await target(input);
      reply = { index, status: 'done', value };
    } catch (error) {
      reply = { index, status: 'threw', error: String(error && error.stack || error) };
    }
    reply.ms = performance.now() - started;
    reply.rssGrowthMb = Math.max(0, rss() - baseline);
    try {
      parentPort.postMessage(reply);
    } catch (error) {
      parentPort.postMessage({ index, status: 'threw', error: 'result cannot be posted: ' + error, ms: reply.ms, rssGrowthMb: reply.rssGrowthMb });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

export async function runBudgeted<I, T>(module: string, fn: string, inputs: readonly I[], budget: Budget): Promise<CaseOutcome<T>[]> {
  const outcomes: CaseOutcome<T>[] = [];
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  let next = 0;
  while (next < inputs.length) {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { module, fn, parent: pathToFileURL(`${process.cwd()}/`).href, baselineMb },
      // A hard ceiling on the JS heap, so a runaway case fails alone instead of taking the machine.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    // One case at a time, until the inputs run out or the worker has to go.
    while (next < inputs.length) {
      const index = next++;
      const started = performance.now();
      const outcome = await new Promise<CaseOutcome<T>>((resolve) => {
        const timer = setTimeout(
          () =>
            resolve({ status: 'hung', error: `still running after ${budget.hangMs} ms`, ms: performance.now() - started, rssGrowthMb: 0 }),
          budget.hangMs,
        );
        const done = (value: CaseOutcome<T>) => {
          clearTimeout(timer);
          worker.removeAllListeners('message');
          worker.removeAllListeners('error');
          worker.removeAllListeners('exit');
          resolve(value);
        };
        worker.on('message', (reply: CaseOutcome<T> & { index: number }) => {
          if (reply.index === index) done(reply);
        });
        worker.on('error', (error) => done({ status: 'died', error: String(error), ms: performance.now() - started, rssGrowthMb: 0 }));
        worker.on('exit', (code) =>
          done({ status: 'died', error: `worker exited (${code})`, ms: performance.now() - started, rssGrowthMb: 0 }),
        );
        worker.postMessage({ index, input: inputs[index] });
      });
      outcomes.push(outcome);
      if (outcome.status === 'hung' || outcome.status === 'died') break;
    }
    await worker.terminate();
  }
  return outcomes;
}
