import type { AuditRow } from '../data/service/residentApi';
import type { Queryable } from './db/store';

export type AuditAction = AuditRow['action'];

/** One audit row: who, what, where, how many — ids and counts only, never names, numbers or passwords. */
export interface AuditEntry {
  username: string | null;
  role: string | null;
  action: AuditAction;
  communityId: string | null;
  target: string;
  rowCount: number;
  remoteAddress: string;
}

export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (username, role, action, community_id, target, row_count, remote_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.username, entry.role, entry.action, entry.communityId, entry.target.slice(0, 500), entry.rowCount, entry.remoteAddress],
  );
}

/** "buildingId=JH-B002&houseId=…": the ids a request asked for. */
export function describeTarget(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([key, value]) => key !== 'limit' && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&');
}
