import type { Role } from '../data/privacy/mask';
import { ROLES } from '../data/privacy/mask';
import { hashPassword } from './auth/password';
import type { Store } from './db/store';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  communityId: string | null;
  gridIds: string[];
  password: string;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** NIST SP 800-63B §3.1.1.2: at least 8 characters for a chosen password. */
export const MIN_PASSWORD_LENGTH = 8;

/** Adds an account (run by the operator: CLI or first start), never by a request. */
export async function createUser(store: Store, user: NewUser): Promise<void> {
  if (!USERNAME_PATTERN.test(user.username)) throw new Error('username: 1–64 letters, digits, . _ -');
  if (!(ROLES as readonly string[]).includes(user.role)) throw new Error(`role: one of ${ROLES.join(', ')}`);
  if (user.password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (user.role === 'caseworker' && (!user.communityId || user.gridIds.length === 0))
    throw new Error('a caseworker needs --community and --grids');
  if (user.communityId && !(await store.query('SELECT 1 FROM communities WHERE id = $1', [user.communityId])).length)
    throw new Error(`community: no community ${user.communityId}`);
  const { hash, salt } = await hashPassword(user.password);
  await store.query(
    `INSERT INTO users (username, display_name, role, community_id, grid_ids, password_hash, password_salt)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [user.username, user.displayName, user.role, user.communityId, user.gridIds, hash, salt],
  );
}

export async function countUsers(store: Store): Promise<number> {
  const [row] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row.n;
}
