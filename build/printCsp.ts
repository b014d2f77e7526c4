/**
 * `npm run csp [-- models/base.json]`: prints the Content-Security-Policy of a base configuration and
 * the nginx line that sends it, for a deployer who serves the header (or changed base.json after
 * the build). Exit 1 with the located problems when the configuration does not validate.
 */
import { readFileSync } from 'node:fs';
import { DataError, formatDataIssue } from '../src/core/errors';
import { parseBaseConfig } from '../src/data/base/readBaseConfig';
import { contentSecurityPolicy, nginxHeader } from './contentSecurityPolicy.ts';

const file = process.argv[2] ?? 'models/base.json';
try {
  const config = parseBaseConfig(readFileSync(file, 'utf8'), file);
  console.log(`Content-Security-Policy: ${contentSecurityPolicy(config)}\n\n# nginx\n${nginxHeader(config)}`);
} catch (error) {
  console.error(error instanceof DataError ? error.issues.map(formatDataIssue).join('\n') : (error as Error).message);
  process.exit(1);
}
