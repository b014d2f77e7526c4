import { PGlite } from '@electric-sql/pglite';
import type { Queryable, SqlValue, Store } from './store';

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in-process. `dataDir` is a folder
 * (persistent) or undefined (in memory, for tests). PGlite has one connection; its transactions
 * are serialised, which is what a single service process needs.
 */
export async function openPgliteStore(dataDir?: string): Promise<Store> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  });
  const root = wrap(db);
  return {
    kind: 'pglite',
    query: root.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exec: root.exec,
    close: () => db.close(),
  };
}
