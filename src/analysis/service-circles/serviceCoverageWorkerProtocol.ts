import { DataError, type DataIssue } from '../../core/errors';
import type { ProgressEvent, ServiceCoverage } from './computeServiceCoverage';
import { computeServiceCoverageFromRequest, coverageTransferables, type ServiceCoverageRequest } from './serviceCoverageRequest';

/** Messages between `computeServiceCoverageAsync` and `computeServiceCoverage.worker`. */
export type ServiceCoverageToWorker = { type: 'compute'; request: ServiceCoverageRequest };
export type ServiceCoverageFromWorker =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'result'; coverage: ServiceCoverage }
  | { type: 'error'; name: string; message: string; issues?: DataIssue[] };

export type PostFromWorker = (message: ServiceCoverageFromWorker, transfer: Transferable[]) => void;

/** The worker's whole job: compute, reporting progress per category, and transfer the result back. */
export function respondToServiceCoverageMessage(message: ServiceCoverageToWorker, post: PostFromWorker): void {
  try {
    if (message?.type !== 'compute') throw new Error(`unknown message ${JSON.stringify((message as { type?: unknown })?.type)}`);
    const coverage = computeServiceCoverageFromRequest(message.request, (event) => post({ type: 'progress', event }, []));
    post({ type: 'result', coverage }, coverageTransferables(coverage));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', name: e.name, message: e.message, ...(e instanceof DataError ? { issues: e.issues } : {}) }, []);
  }
}
