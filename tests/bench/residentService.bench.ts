/**
 * The resident-data service under load — figures, not a test:
 *
 *   npm run bench:service [-- --requests 2000 --concurrency 50]
 *
 * Starts the service on localhost (a real socket, keep-alive HTTP) against each store — embedded PGlite,
 * and a PostgreSQL server when DATABASE_URL is set (in a fresh schema, dropped afterwards) — with two
 * synthetic data sets generated in the database: a 10,000-resident community (100 buildings) and a
 * 500,000-resident district (5,000 buildings, one community id). 50 sessions are signed in (an
 * administrator each) and keep `concurrency` requests in flight. Prints p50/p95 latency and throughput
 * of: the aggregates of each (open endpoint, per-building counts with n < 5 suppression), and a page of
 * 100 people of one building (session, row-level security, masking, audit row).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/server/app';
import { migrate } from '../../src/server/db/migrate';
import { openPgliteStore } from '../../src/server/db/pgliteStore';
import { openPostgresStore } from '../../src/server/db/postgresStore';
import type { Store } from '../../src/server/db/store';
import { refreshBuildingCounts } from '../../src/server/people';
import { createUser } from '../../src/server/users';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 2000);
const CONCURRENCY = arg('concurrency', 50);
const SESSIONS = 50;
const PASSWORD = 'bench-password-1';

const DATA_SETS = [
  { id: 'bench-community', buildings: 100, residents: 10_000 },
  { id: 'bench-district', buildings: 5_000, residents: 500_000 },
];

/** Synthetic buildings (10 houses each) and residents, generated inside the database. */
async function generate(store: Store, set: (typeof DATA_SETS)[number]): Promise<number> {
  const started = performance.now();
  await store.transaction(async (tx) => {
    await tx.query("SELECT set_config('app.role', 'administrator', true), set_config('app.community_id', '', true)");
    await tx.query('INSERT INTO communities (id, name_zh, name_en) VALUES ($1, $1, $1)', [set.id]);
    await tx.query(
      `INSERT INTO buildings (id, community_id, grid_id)
       SELECT $1 || '-B' || g, $1, 'grid-' || (g % 4 + 1) FROM generate_series(1, $2::int) g`,
      [set.id, set.buildings],
    );
    await tx.query(
      `INSERT INTO houses (id, building_id, community_id)
       SELECT $1 || '-B' || b || '-H' || h, $1 || '-B' || b, $1 FROM generate_series(1, $2::int) b, generate_series(1, 10) h`,
      [set.id, set.buildings],
    );
    const bands = ['0-2', '3-5', '6-11', '12-14', '15-17', '18-59', '18-59', '18-59', '60-69', '70-79', '80+'];
    await tx.query(
      `INSERT INTO people (id, house_id, building_id, community_id, grid_id, age_band, sex, tags, name, phone, id_number)
       SELECT $1 || '-P' || p, $1 || '-B' || b || '-H' || (p % 10 + 1), $1 || '-B' || b, $1, 'grid-' || (b % 4 + 1),
              ($3::text[])[p % 11 + 1], CASE WHEN p % 2 = 0 THEN 'F' ELSE 'M' END,
              CASE WHEN p % 37 = 0 THEN ARRAY['disability'] WHEN p % 11 = 0 THEN ARRAY['infant'] ELSE '{}'::text[] END,
              '测试' || p, '170' || lpad((p % 100000000)::text, 8, '0'), '00000019000101' || lpad((p % 10000)::text, 4, '0')
       FROM generate_series(1, $2::int) p, LATERAL (SELECT (p % $4::int) + 1 AS b) AS building`,
      [set.id, set.residents, bands, set.buildings],
    );
    await refreshBuildingCounts(tx, set.id);
  });
  await store.query('ANALYZE');
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(
  base: string,
  path: string,
  cookies: string[],
): Promise<{ p50: number; p95: number; perSecond: number; errors: number }> {
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const response = await fetch(base + path, { headers: { cookie: cookies[worker % cookies.length] } });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: REQUESTS / seconds, errors };
}

async function benchStore(kind: 'pglite' | 'postgres'): Promise<string[]> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store =
    kind === 'pglite'
      ? await openPgliteStore()
      : await openPostgresStore({ connectionString: process.env.DATABASE_URL!, schema, maxConnections: 20, dropSchemaOnClose: true });
  const lines: string[] = [];
  try {
    await migrate(store);
    for (const set of DATA_SETS) {
      const ms = await generate(store, set);
      console.error(`${kind}: generated ${set.id} (${set.residents} residents) in ${(ms / 1000).toFixed(1)} s`);
    }
    for (let i = 0; i < SESSIONS; i++)
      await createUser(store, {
        username: `bench-${i}`,
        displayName: 'bench',
        role: 'administrator',
        communityId: null,
        gridIds: [],
        password: PASSWORD,
      });
    console.error(`${kind}: ${SESSIONS} accounts added`);
    const app = await buildServer({ store, signInAttemptsPerWindow: 1000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const response = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `bench-${i}`, password: PASSWORD }),
      });
      cookies.push(/fct_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0]);
    }
    const cases = [
      ['aggregates, 10,000-resident community (100 buildings)', '/api/communities/bench-community/aggregates'],
      ['aggregates, 500,000-resident district (5,000 buildings)', '/api/communities/bench-district/aggregates'],
      [
        'people of one building (100 rows, audited), community',
        '/api/communities/bench-community/people?buildingId=bench-community-B7&limit=100',
      ],
      [
        'people of one building (100 rows, audited), district',
        '/api/communities/bench-district/people?buildingId=bench-district-B7&limit=100',
      ],
    ];
    for (const [what, path] of cases) {
      await load(base, path, cookies); // warm-up
      const r = await load(base, path, cookies);
      console.error(`${kind}: ${what}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
      lines.push(`| ${kind} | ${what} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${r.errors} |`);
    }
    await app.close();
  } finally {
    await store.close();
  }
  return lines;
}

const rows: string[] = [];
rows.push(...(await benchStore('pglite')));
if (process.env.DATABASE_URL) rows.push(...(await benchStore('postgres')));
else console.error('PostgreSQL skipped: DATABASE_URL is not set');
console.log(`\n${REQUESTS} requests per case, ${CONCURRENCY} in flight over ${SESSIONS} sessions, localhost\n`);
console.log('| store | request | p50 ms | p95 ms | requests/s | non-200 |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
