/**
 * The service's storage, small on purpose: parameterised SQL and transactions, nothing else. Two
 * implementations share the same SQL: embedded PGlite (pgliteStore.ts) and a PostgreSQL server
 * (postgresStore.ts). SQL text is always fixed in code; values travel only as parameters.
 */

export type SqlValue = string | number | boolean | null | Date | readonly string[] | readonly number[];

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Who is asking, as the database's row-level security policies read it (migration 002). */
export interface DbScope {
  role: 'public' | 'caseworker' | 'administrator';
  /** Null: every community (a city-wide administrator). */
  communityId: string | null;
  gridIds: readonly string[];
}

/**
 * Enters the request role inside a transaction: from here on the queries run as the non-owner role
 * fct_app (subject to row-level security even where the connection is a superuser, as PGlite's is),
 * with the caller's scope in transaction-local settings. Without a scope the settings stay unset
 * and the policies show no person rows.
 */
export async function enterRequestRole(tx: Queryable, scope?: DbScope): Promise<void> {
  await tx.query('SET LOCAL ROLE fct_app');
  if (!scope) return;
  await tx.query(
    "SELECT set_config('app.role', $1, true), set_config('app.community_id', $2, true), set_config('app.grid_ids', $3, true)",
    [scope.role, scope.communityId ?? '', scope.gridIds.join(',')],
  );
}

/** A transaction as the request role with the caller's scope: the only way requests reach the data. */
export function scoped<T>(store: Store, scope: DbScope | undefined, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    await enterRequestRole(tx, scope);
    return fn(tx);
  });
}
