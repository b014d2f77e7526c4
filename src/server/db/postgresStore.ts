import pg from 'pg';
import type { Queryable, SqlValue, Store } from './store';

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (tests: a fresh one per file); created when missing. */
  schema?: string;
  maxConnections?: number;
  /** Tests: drop the schema (and everything in it) on close. */
  dropSchemaOnClose?: boolean;
}

/** A PostgreSQL server reached through `DATABASE_URL` (a pg connection pool). */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  if (options.schema) {
    const schema = options.schema;
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('schema names are lower-case letters, digits and _');
    // The schema name is checked above; CREATE SCHEMA takes no parameters.
    // Each new connection works in the schema (attached before the first query, so every connection
    // gets it); pg runs a client's queries in order, so this one precedes whatever the connection is
    // checked out for. A search_path may name a schema that does not exist yet.
    pool.on('connect', (client) => {
      client.query("SELECT set_config('search_path', $1, false)", [schema]).catch(() => undefined);
    });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await target.query(script);
    },
  });
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as Row[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    async close() {
      // The schema name was checked when the store opened.
      if (options.schema && options.dropSchemaOnClose) await pool.query(`DROP SCHEMA IF EXISTS ${options.schema} CASCADE`);
      await pool.end();
    },
  };
}
