import { respondToServiceCoverageMessage, type PostFromWorker, type ServiceCoverageToWorker } from './serviceCoverageWorkerProtocol';

/** Worker entry of computeServiceCoverage: one message in, progress and one result (or error) out. */
const scope = self as unknown as { onmessage: ((event: MessageEvent<ServiceCoverageToWorker>) => void) | null; postMessage: PostFromWorker };
scope.onmessage = (event) => respondToServiceCoverageMessage(event.data, (message, transfer) => scope.postMessage(message, transfer));
