import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Community } from '../../../src/core/model/types';
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
