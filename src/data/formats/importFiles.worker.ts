import { respondToImportMessage } from './importFilesProtocol';

/** Parses dropped files off the main thread (one worker per import). */
self.onmessage = (event: MessageEvent) => respondToImportMessage(event.data, (message) => self.postMessage(message));
