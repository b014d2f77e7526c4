import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../data/service/residentApi';
import type { Role } from '../data/privacy/mask';
import type { Queryable } from './db/store';

export const SESSION_COOKIE = 'fct_session';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  community_id: string | null;
  grid_ids: string[];
  password_hash: string;
  password_salt: string;
  failed_count: number;
  locked_until: Date | null;
}

export function sessionUser(row: Pick<UserRow, 'username' | 'display_name' | 'role' | 'community_id' | 'grid_ids'>): SessionUser {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    communityId: row.community_id,
    gridIds: row.role === 'caseworker' ? row.grid_ids : [],
  };
}

export interface ActiveSession {
  tokenSha256: string;
  csrfToken: string;
  user: SessionUser;
}

/**
 * The session of a cookie token, or null when there is none or it has been idle longer than
 * `idleTimeoutSeconds` (then it is deleted). A live session's last-seen time moves to `now`.
 */
export async function findSession(tx: Queryable, token: string, now: Date, idleTimeoutSeconds: number): Promise<ActiveSession | null> {
  const tokenSha256 = sha256(token);
  const [row] = await tx.query<UserRow & { csrf_token: string; last_seen_at: Date }>(
    `SELECT s.csrf_token, s.last_seen_at, u.username, u.display_name, u.role, u.community_id, u.grid_ids
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = $1`,
    [tokenSha256],
  );
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > idleTimeoutSeconds * 1000) {
    await tx.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenSha256]);
    return null;
  }
  await tx.query('UPDATE sessions SET last_seen_at = $2 WHERE token_sha256 = $1', [tokenSha256, now]);
  return { tokenSha256, csrfToken: row.csrf_token, user: sessionUser(row) };
}
