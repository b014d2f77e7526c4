import { DataError, DeveloperError, ImportError } from '../errors';

/**
 * The messages between `runInWorker` (page side) and `serveWorker` (worker side), and how errors
 * cross between them. One request per worker: `run` in; any number of `progress`, then one
 * `result` or `error` out.
 */
export type ToWorker<Input> = { type: 'run'; input: Input };
export type FromWorker<Output, Progress> =
  { type: 'progress'; progress: Progress } | { type: 'result'; output: Output } | { type: 'error'; error: SerializedError };

/**
 * An error as plain data: its class name, message and stack, and its own fields (a DataError's
 * `issues`, an ImportError's `code` and `position`), which structured cloning would otherwise drop.
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** A class whose instances can be rebuilt on the page side: anything extending Error. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes rebuilt by default, by `name`; others arrive as an Error with the same name. */
export const WORKER_ERROR_CLASSES: Readonly<Record<string, ErrorClass>> = {
  Error,
  TypeError,
  RangeError,
  DataError,
  ImportError,
  DeveloperError,
};

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (key !== 'name' && key !== 'message' && key !== 'stack') fields[key] = value;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/**
 * The error again, as an instance of its own class when that class is known (`instanceof DataError`
 * holds, `issues` are there): built without running the constructor, so message and fields are
 * exactly those thrown.
 */
export function reviveError(serialized: SerializedError, classes: Readonly<Record<string, ErrorClass>> = WORKER_ERROR_CLASSES): Error {
  const known = Object.hasOwn(classes, serialized.name) ? classes[serialized.name] : undefined;
  const error: Error = known ? Object.create(known.prototype) : new Error(serialized.message);
  Object.defineProperty(error, 'message', { value: serialized.message, writable: true, configurable: true, enumerable: false });
  // As the constructors do (`this.name = 'DataError'`): an own, enumerable name.
  error.name = serialized.name;
  if (serialized.stack)
    Object.defineProperty(error, 'stack', { value: serialized.stack, writable: true, configurable: true, enumerable: false });
  Object.assign(error, serialized.fields);
  return error;
}
