import { expect } from 'vitest';
import { DataError, type DataIssue } from '../../../src/core/errors';

/** The issues of the DataError `run` throws; the test fails when it throws anything else or nothing. */
export function dataIssuesOf(run: () => unknown): DataIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).issues;
  }
  throw new Error('expected a DataError');
}

/** The same for an async reader: the issues of the DataError its promise rejects with. */
export async function dataIssuesOfAsync(run: () => Promise<unknown>): Promise<DataIssue[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).issues;
  }
  throw new Error('expected a DataError');
}
