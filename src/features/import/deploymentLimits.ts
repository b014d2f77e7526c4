import { formatDataIssue } from '../../core/errors';
import { DEFAULT_LIMITS, LIMITS_FILE, parseDeploymentLimits, type DeploymentLimits } from '../../data/limits';

/**
 * The deployment's limits (data/limits.ts): `config/limits.json` beside the app's index.html, read
 * once and kept. An intranet deployer edits that file on the web server; no rebuild. Without the file
 * (or when it cannot be read) the defaults hold; a value it gets wrong is ignored with a warning in
 * the console, for the deployer, and never lifts a limit.
 */
let loaded: Promise<DeploymentLimits> | null = null;

/** The app's own base address (`./` in a build served from any path). */
export function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function deploymentLimits(fetchImpl: typeof fetch = fetch, base?: string): Promise<DeploymentLimits> {
  loaded ??= readLimits(fetchImpl, base);
  return loaded;
}

/** Forgets the limits read, so the next call reads them again (tests, or a deployer's reload). */
export function forgetDeploymentLimits(): void {
  loaded = null;
}

async function readLimits(fetchImpl: typeof fetch, base: string | undefined): Promise<DeploymentLimits> {
  try {
    const response = await fetchImpl(new URL(LIMITS_FILE, base ?? appBaseUrl()).href, { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_LIMITS;
    const { limits, issues } = parseDeploymentLimits(await response.json());
    for (const issue of issues) console.warn(formatDataIssue(issue));
    return limits;
  } catch (error) {
    console.warn(`${LIMITS_FILE}: cannot be read (${(error as Error).message}); the default limits hold`);
    return DEFAULT_LIMITS;
  }
}
