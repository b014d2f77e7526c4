import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Community } from '../../../src/core/model/types';
import type { DataIssue } from '../../../src/core/errors';
import { parsePeople, parseRights } from '../../../src/data/package/layers';
import { readCommunityPackage } from '../../../src/data/package/readPackage';

/** The bundled sample community 景和新村 (synthetic, written by `npm run generate:sample`). */
export const SAMPLE_PACKAGE_DIR = fileURLToPath(new URL('../../../models/sample-jinghe/', import.meta.url));

let sample: Promise<Community> | undefined;

/**
 * The sample package read and validated, once per test file (Vitest runs each file in its own
 * module graph). Tests only read it: a test that changes a community builds its own.
 */
export function loadSampleCommunity(): Promise<Community> {
  sample ??= readCommunityPackage(async (p) => readFileSync(path.join(SAMPLE_PACKAGE_DIR, p), 'utf8'));
  return sample;
}

/** Where the residents' data service seeds the sample's person rows from (people.csv, rights.csv); not in the package. */
export const SAMPLE_SEED_DIR = fileURLToPath(new URL('../../../src/server/seed/sample-jinghe/', import.meta.url));

/**
 * The sample with its person rows put back from the service's seed folder: what a planner's own
 * package with people.csv and rights.csv would read as. For tests that need rows (or compare the
 * statistics with them); the resident statistics are dropped, so every count comes from the rows.
 */
export async function loadSampleWithPersonRows(): Promise<Community> {
  const community = await loadSampleCommunity();
  const issues: DataIssue[] = [];
  const people = parsePeople(readFileSync(path.join(SAMPLE_SEED_DIR, 'people.csv'), 'utf8'), 'people.csv', issues);
  const rights = parseRights(readFileSync(path.join(SAMPLE_SEED_DIR, 'rights.csv'), 'utf8'), 'rights.csv', issues);
  if (issues.length) throw new Error(`sample seed: ${JSON.stringify(issues.slice(0, 3))}`);
  return { ...community, people, rights, residentStats: [] };
}
