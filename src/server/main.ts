/**
 * `npm run serve` (and `npm start`, after building the app): the resident-data service and the
 * built app on one origin. Environment: PORT (8080), HOST (127.0.0.1), DATABASE_URL (a PostgreSQL
 * server; otherwise the embedded store in FCT_DATA_DIR, default data/), FCT_SECURE_COOKIE=1 (the
 * cookie only over https), FCT_TRUST_PROXY=1 (behind a reverse proxy), FCT_IDLE_TIMEOUT_SECONDS.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomPassword } from './auth/password';
import { buildServer } from './app';
import { migrate } from './db/migrate';
import { openStoreFromEnvironment } from './openStore';
import { SAMPLE_COMMUNITY_ID, seedSample } from './seed';
import { countUsers, createUser } from './users';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.FCT_DATA_DIR ?? join(ROOT, 'data'));

const store = await openStoreFromEnvironment(process.env.DATABASE_URL, dataDir);
const applied = await migrate(store);
if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
const seed = await seedSample(store);
if (seed.seeded)
  console.log(`seeded the synthetic sample community ${SAMPLE_COMMUNITY_ID}: ${seed.people} people (synthetic names, phones, ID numbers)`);

// First start of the embedded store: demo accounts with random passwords, shown once and kept in
// data/demo-accounts.txt (gitignored). A PostgreSQL deployment adds its accounts with `npm run user:add`.
if (store.kind === 'pglite' && (await countUsers(store)) === 0) {
  const accounts = [
    { username: 'admin', displayName: '社区管理员 (demo)', role: 'administrator' as const, communityId: SAMPLE_COMMUNITY_ID, gridIds: [] },
    {
      username: 'caseworker-1',
      displayName: '网格员一 (demo)',
      role: 'caseworker' as const,
      communityId: SAMPLE_COMMUNITY_ID,
      gridIds: ['grid-1'],
    },
  ];
  const lines: string[] = [];
  for (const account of accounts) {
    const password = randomPassword();
    await createUser(store, { ...account, password });
    lines.push(`${account.username}\t${account.role}\t${password}`);
  }
  const file = join(dataDir, 'demo-accounts.txt');
  writeFileSync(file, `# Demo accounts of this installation (username, role, password)\n${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`demo accounts created (also in ${file}):\n${lines.join('\n')}`);
}

const app = await buildServer({
  store,
  distDir: join(ROOT, 'dist'),
  baseConfigFile: join(ROOT, 'models', 'base.json'),
  secureCookie: process.env.FCT_SECURE_COOKIE === '1',
  trustProxy: process.env.FCT_TRUST_PROXY === '1',
  idleTimeoutSeconds: process.env.FCT_IDLE_TIMEOUT_SECONDS ? Number(process.env.FCT_IDLE_TIMEOUT_SECONDS) : undefined,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

const shutdown = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port, host });
console.log(`resident data service and app on http://${host}:${port}/ (store: ${store.kind})`);
