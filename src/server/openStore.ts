import { mkdirSync } from 'node:fs';
import { openPgliteStore } from './db/pgliteStore';
import { openPostgresStore } from './db/postgresStore';
import type { Store } from './db/store';

/** `DATABASE_URL` set: that PostgreSQL server; otherwise the embedded PGlite store in `dataDir`/pglite. */
export async function openStoreFromEnvironment(databaseUrl: string | undefined, dataDir: string): Promise<Store> {
  if (databaseUrl) return openPostgresStore({ connectionString: databaseUrl });
  mkdirSync(dataDir, { recursive: true });
  return openPgliteStore(`${dataDir}/pglite`);
}
