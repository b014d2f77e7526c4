import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../../src/server/app';
import { migrate } from '../../../src/server/db/migrate';
import { openPgliteStore } from '../../../src/server/db/pgliteStore';
import { openPostgresStore } from '../../../src/server/db/postgresStore';
import type { Store } from '../../../src/server/db/store';
import { seedSample } from '../../../src/server/seed';
import { createUser } from '../../../src/server/users';

/** The stores the API suite runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const STORE_KINDS: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
if (!process.env.DATABASE_URL)
  console.log('PostgreSQL API suite skipped: DATABASE_URL is not set (.ci/run sets it when it can start a server)');

export const PASSWORD = 'correct horse battery staple';

/** A fresh database: PGlite in memory, or a fresh schema on the PostgreSQL server. */
export async function freshStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  if (kind === 'pglite') return openPgliteStore();
  return openPostgresStore({
    connectionString: process.env.DATABASE_URL!,
    schema: `test_${randomBytes(6).toString('hex')}`,
    maxConnections: 4,
  });
}

export interface TestService {
  app: FastifyInstance;
  store: Store;
  clock: { nowMs: number };
}

/** Migrated, seeded with the sample, with one account per role (all with PASSWORD). */
export async function startService(kind: 'pglite' | 'postgres', options: Partial<ServerOptions> = {}): Promise<TestService> {
  const store = await freshStore(kind);
  await migrate(store);
  await seedSample(store);
  const accounts = [
    { username: 'admin', role: 'administrator' as const, communityId: 'sample-jinghe', gridIds: [] },
    { username: 'city-admin', role: 'administrator' as const, communityId: null, gridIds: [] },
    { username: 'cw1', role: 'caseworker' as const, communityId: 'sample-jinghe', gridIds: ['grid-1'] },
    { username: 'viewer', role: 'public' as const, communityId: null, gridIds: [] },
  ];
  for (const a of accounts) await createUser(store, { ...a, displayName: a.username, password: PASSWORD });
  const clock = { nowMs: Date.parse('2026-03-01T08:00:00Z') };
  const app = await buildServer({ store, now: () => new Date(clock.nowMs), ...options });
  return { app, store, clock };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'fct_session')!;
  return { cookie: `fct_session=${cookie.value}`, csrf: response.json().csrfToken };
}

export interface AuditEntryRow {
  username: string | null;
  action: string;
  community_id: string | null;
  target: string;
  row_count: number;
}

export async function lastAudit(store: Store): Promise<AuditEntryRow> {
  const [row] = await store.query<AuditEntryRow>(
    'SELECT username, action, community_id, target, row_count FROM audit_log ORDER BY id DESC LIMIT 1',
  );
  return row;
}
