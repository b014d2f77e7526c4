import { API_BASE, type ApiError, type HealthResponse, type PeopleResponse, type SessionResponse, type SignInRequest } from './residentApi';

/**
 * The app's client of the resident-data service (contract: residentApi.ts). Every URL is relative
 * to the document base (`api/...`), so an app served under a sub-path asks the service under that
 * same sub-path; cookies stay same-origin. The client keeps the session's CSRF token and sends it
 * on every state-changing request.
 */

/** The contract's error codes, plus what the client itself can tell: no answer at all, or no answer in time. */
export type ServiceErrorCode = ApiError['code'] | 'unavailable' | 'timeout';

/** A failed call: the contract's `code` (stable, for the app), the HTTP status (0 without an answer), the server's message. */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly status: number;
  readonly details: ApiError['details'];
  constructor(code: ServiceErrorCode, status: number, message: string, details?: ApiError['details']) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}

/** An abort asked for by the caller (not a timeout): callers drop these quietly. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface ResidentClientOptions {
  /** The URL `api/...` resolves against; the document's base URL by default. */
  baseUrl?: string;
  /** `fetch` (a stand-in in tests). */
  fetch?: typeof fetch;
  /** A call that has not answered after this long fails with `timeout`. */
  timeoutMs?: number;
  /**
   * Called when the service answers 401 to a call made with a session (the session ended: idle
   * timeout or signed out elsewhere). Not for a wrong password at sign-in, nor for the first
   * session check, where 401 only means "not signed in".
   */
  onSessionEnded?: () => void;
}

/** Long enough for a loaded intranet server, short enough that a dead one does not leave a spinner forever. */
const DEFAULT_TIMEOUT_MS = 15_000;

/** Methods that change state and so carry the CSRF token (the contract: every one but the sign-in). */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** When a body is not JSON the status still says what went wrong; these follow the contract's status codes. */
const CODE_BY_STATUS: Record<number, ApiError['code']> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-large',
  423: 'locked',
  429: 'rate-limited',
};

const API_ERROR_CODES: readonly ApiError['code'][] = [
  'unauthenticated',
  'forbidden',
  'not-found',
  'invalid',
  'locked',
  'rate-limited',
  'csrf',
  'too-large',
  'internal',
];

export interface PeopleQuery {
  buildingId?: string;
  houseId?: string;
  /** Rows per answer; the service's default is 1,000 and its most 10,000 (`total` says how many there are). */
  limit?: number;
  /** `export`: the rows leave the app in a file, and the service audits them as an export. */
  purpose?: 'view' | 'export';
}

interface Call {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Whether a 401 means the session ended (everything but the sign-in and the first session check). */
  reportsSessionEnd?: boolean;
}

/** An answer read as far as it goes: the status, and the body if it was JSON. */
interface Answer {
  status: number;
  ok: boolean;
  json: unknown;
  isJson: boolean;
}

export class ResidentClient {
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string | undefined;
  private readonly timeoutMs: number;
  private readonly onSessionEnded: (() => void) | undefined;
  private csrfToken: string | null = null;

  constructor(options: ResidentClientOptions = {}) {
    // Bound: a bare `fetch` reference called as a method of another object throws "Illegal invocation".
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? globalThis.document?.baseURI;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.onSessionEnded = options.onSessionEnded;
  }

  /**
   * Whether the service is there: its health, or null for "no service" — no answer, a 404, or an
   * answer that is not JSON (a static web server's error page, or a single-page fallback serving
   * index.html for every path). A pure-static intranet copy of the app is then aggregates only.
   */
  async health(signal?: AbortSignal): Promise<HealthResponse | null> {
    let answer: Answer;
    try {
      answer = await this.send('health', { signal });
    } catch (error) {
      if (isServiceError(error) && error.code === 'unavailable') return null;
      throw error;
    }
    if (!answer.isJson || answer.status === 404) return null;
    if (!answer.ok) throw errorOf(answer);
    const body = answer.json as Partial<HealthResponse>;
    return body.status === 'ok' ? (body as HealthResponse) : null;
  }

  /** The session this browser holds, or null when it holds none (401). */
  async session(signal?: AbortSignal): Promise<SessionResponse | null> {
    const answer = await this.send('session', { signal });
    if (answer.status === 401) {
      this.csrfToken = null;
      return null;
    }
    return this.remember(expectJson<SessionResponse>(answer));
  }

  /** Signs in; a wrong password is `unauthenticated` (401), a locked account `locked` (423), too many tries `rate-limited` (429). */
  async signIn(credentials: SignInRequest, signal?: AbortSignal): Promise<SessionResponse> {
    const answer = await this.send('session', { method: 'POST', body: credentials, signal });
    return this.remember(expectJson<SessionResponse>(answer));
  }

  /** Ends the session on the server (`DELETE api/session`); the client forgets its token whatever the answer. */
  async signOut(signal?: AbortSignal): Promise<void> {
    try {
      const answer = await this.send('session', { method: 'DELETE', signal, reportsSessionEnd: false });
      // 401: the session had already ended, which is what was asked for.
      if (!answer.ok && answer.status !== 401) throw errorOf(answer);
    } finally {
      this.csrfToken = null;
    }
  }

  /** Person rows of a community the signed-in role may see, as the server sends them (masked for caseworkers). */
  async people(communityId: string, query: PeopleQuery = {}, signal?: AbortSignal): Promise<PeopleResponse> {
    const params = new URLSearchParams();
    if (query.buildingId) params.set('buildingId', query.buildingId);
    if (query.houseId) params.set('houseId', query.houseId);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.purpose) params.set('purpose', query.purpose);
    const search = params.toString() ? `?${params.toString()}` : '';
    const answer = await this.send(`communities/${encodeURIComponent(communityId)}/people${search}`, { signal });
    return expectJson<PeopleResponse>(answer);
  }

  private remember(session: SessionResponse): SessionResponse {
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** One request: the URL under the document base, the cookie, the CSRF token, the caller's abort and the timeout. */
  private async send(path: string, call: Call): Promise<Answer> {
    const method = call.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const isSignIn = method === 'POST' && path === 'session';
    if (UNSAFE_METHODS.has(method) && !isSignIn && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      throw this.failure(error, call.signal);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.failure(error, call.signal);
    }
    const answer = readAnswer(response.status, response.ok, text);
    const reportsSessionEnd = call.reportsSessionEnd ?? (!isSignIn && path !== 'session');
    if (answer.status === 401 && reportsSessionEnd) {
      this.csrfToken = null;
      this.onSessionEnded?.();
    }
    return answer;
  }

  /** A failed fetch as the caller should see it: their own abort as it is, a timeout, or no answer. */
  private failure(error: unknown, callerSignal: AbortSignal | undefined): unknown {
    if (callerSignal?.aborted) return callerSignal.reason ?? error;
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return new ServiceError('timeout', 0, `no answer within ${this.timeoutMs} ms`);
    }
    return new ServiceError('unavailable', 0, error instanceof Error ? error.message : String(error));
  }

  private url(path: string): string {
    const relative = `${API_BASE}/${path}`;
    return this.baseUrl ? new URL(relative, this.baseUrl).toString() : relative;
  }
}

function readAnswer(status: number, ok: boolean, text: string): Answer {
  try {
    return { status, ok, json: JSON.parse(text) as unknown, isJson: true };
  } catch {
    return { status, ok, json: undefined, isJson: false };
  }
}

function expectJson<T>(answer: Answer): T {
  if (!answer.ok) throw errorOf(answer);
  if (!answer.isJson) throw new ServiceError('internal', answer.status, 'the service answered with something other than JSON');
  return answer.json as T;
}

/** The error an answer carries: the contract's body when there is one, else a code from the status. */
function errorOf(answer: Answer): ServiceError {
  const body = answer.json as Partial<ApiError> | undefined;
  if (answer.isJson && body && typeof body.code === 'string' && API_ERROR_CODES.includes(body.code)) {
    return new ServiceError(body.code, answer.status, typeof body.message === 'string' ? body.message : body.code, body.details);
  }
  const code = CODE_BY_STATUS[answer.status] ?? 'internal';
  return new ServiceError(code, answer.status, `HTTP ${answer.status}`);
}
