import type { Person, RightType } from '../../core/model/types';
import type { Role } from '../privacy/mask';

/**
 * The resident-data service's HTTP contract, shared by the service (src/server) and the app's
 * client (src/data/service/residentClient.ts). Types only: no fetch, no Node, no DOM.
 *
 * Person-level data (people, rights) lives only behind this service. Every path is under `/api`
 * on the app's own origin: the service serves the built app (`npm start`), so cookies are
 * same-origin and the CSP needs no extra origin.
 *
 * Sessions: `POST /api/session` sets an httpOnly, SameSite=Strict cookie (`fct_session`, Path=/api)
 * and returns a CSRF token; every state-changing request (POST/PUT/PATCH/DELETE other than the
 * sign-in itself) carries it in the `x-csrf-token` header.
 */

export const API_BASE = 'api';

/** `GET /api/health` → 200 */
export interface HealthResponse {
  status: 'ok';
  /** Which store answers: the embedded PGlite file or a PostgreSQL server (`DATABASE_URL`). */
  store: 'pglite' | 'postgres';
}

/** The signed-in person as the app may know them: no password data, no session id. */
export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  /** The community an administrator or caseworker belongs to; null for a city-wide administrator. */
  communityId: string | null;
  /** Grid cells (网格) a caseworker serves; empty for other roles. */
  gridIds: string[];
}

/** `GET /api/session` (200, or 401 without a session) and `POST /api/session` (200). */
export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
  /** The session ends after this long without a request. */
  idleTimeoutSeconds: number;
}

/** `POST /api/session` body. 401 on a wrong password, 423 when the account is locked, 429 when rate-limited. */
export interface SignInRequest {
  username: string;
  password: string;
}

/** Every error body. `code` is stable (for the app); `message` is for people. */
export interface ApiError {
  code: 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid' | 'locked' | 'rate-limited' | 'csrf' | 'too-large' | 'internal';
  message: string;
  /** For `invalid` imports and requests: where, like ImportError. */
  details?: { row?: number; field?: string; reason: string }[];
}

/**
 * `GET /api/communities/:communityId/people?buildingId=&houseId=&limit=&purpose=` → person rows the caller's role
 * may see, within its scope (a caseworker: their grid cells only; a community administrator: their
 * community). 401 without a session, 403 for the public role or another scope. Identifiers are
 * masked on the server for caseworkers (data/privacy/mask.ts rules); every call writes an audit row —
 * `read-people`, or `export` with `purpose=export` (rows leaving the app in a file). `limit`: rows per
 * answer, default 1,000, at most 10,000 (`total` says how many there are). `DELETE /api/session` signs out.
 */
export interface PersonRow extends Person {
  buildingId: string;
}

export interface PeopleResponse {
  rows: PersonRow[];
  /** Rows in scope before the page limit. */
  total: number;
  /** Whether identifiers were masked for this role. */
  masked: boolean;
}

/** `GET /api/communities/:communityId/rights?buildingId=` — same rules as people. */
export interface RightRow {
  id: string;
  houseId: string;
  rightType: RightType;
  holderRef: string;
  share: number | null;
}

/**
 * `GET /api/communities/:communityId/aggregates` → per-building counts, open to every role
 * (also without a session). Counts of 1–4 people are suppressed on the server (null).
 */
export interface BuildingAggregateRow {
  buildingId: string;
  residents: number | null;
  elderly: number | null;
  infants: number | null;
  withDisability: number | null;
  livingAloneElderly: number | null;
}

export interface AggregatesResponse {
  communityId: string;
  rows: BuildingAggregateRow[];
  /** The suppression threshold applied (5). */
  minimumCount: number;
}

/** `GET /api/audit?limit=` (administrators only): who read or exported what, never the values. */
export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  role: Role | null;
  action: 'read-people' | 'read-rights' | 'export' | 'import' | 'sign-in' | 'sign-in-failed' | 'sign-out' | 'denied';
  communityId: string | null;
  /** What was asked for, e.g. "buildingId=JH-B002" — ids only, never names or numbers. */
  target: string;
  rowCount: number;
  remoteAddress: string;
}

/**
 * `POST /api/communities/:communityId/import/people` (administrators; body text/csv, UTF-8 or GBK
 * by the charset parameter or by sniffing) → 200 with counts, or 400 `invalid` with row/field details
 * and nothing written.
 */
export interface ImportResponse {
  imported: number;
}
