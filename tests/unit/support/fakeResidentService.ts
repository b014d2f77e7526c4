import type { SessionResponse } from '../../../src/data/service/residentApi';

/** One request as the fake service saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: string | undefined;
}

/** What the fake answers: a status and a body (an object is sent as JSON, a string as it is). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  contentType?: string;
}

/**
 * A stand-in `fetch` for the resident-data client: answers by "METHOD path" (path relative to
 * `/twin/api/`), records every request, and rejects like a real fetch when the signal aborts.
 * `hang` leaves a request unanswered (until aborted); a missing route is a network error.
 */
export function fakeFetch(routes: Record<string, FakeAnswer | 'hang' | ((request: SeenRequest) => FakeAnswer)>) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const request: SeenRequest = {
      url,
      method,
      headers: { ...(init.headers as Record<string, string>) },
      credentials: init.credentials,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    seen.push(request);
    const path = new URL(url).pathname.replace(/^\/twin\/api\//, '');
    const route = routes[`${method} ${path}`];
    const signal = init.signal;
    if (signal?.aborted) throw signal.reason;
    if (route === undefined) throw new TypeError('Failed to fetch');
    if (route === 'hang') {
      return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    }
    const answer = typeof route === 'function' ? route(request) : route;
    const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
    const contentType = answer.contentType ?? (typeof answer.body === 'string' ? 'text/html' : 'application/json');
    return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: { 'content-type': contentType } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** The app's document base in these tests: served under a sub-path, with a query string. */
export const APP_BASE_URL = 'http://twin.example/twin/index.html?profile=light';

export const caseworkerSession: SessionResponse = {
  user: { username: 'wang.li', displayName: '王丽', role: 'caseworker', communityId: 'sample-jinghe', gridIds: ['G01'] },
  csrfToken: 'csrf-token-1',
  idleTimeoutSeconds: 1800,
};

/** A static web server's 404 page: HTML, not JSON. */
export const HTML_404: FakeAnswer = { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' };
