import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../data/service/residentApi';
import type { SignInRateLimiter } from './auth/rateLimit';
import type { Store } from './db/store';

/** What the routes share: the store, the clock and the settings of this service instance. */
export interface ServiceContext {
  store: Store;
  now: () => Date;
  idleTimeoutSeconds: number;
  secureCookie: boolean;
  signInLimiter: SignInRateLimiter;
  maxFailedSignIns: number;
  lockoutSeconds: number;
}

const STATUS: Record<ApiError['code'], number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  invalid: 400,
  locked: 423,
  'rate-limited': 429,
  csrf: 403,
  'too-large': 413,
  internal: 500,
};

export function sendError(reply: FastifyReply, code: ApiError['code'], message: string, details?: ApiError['details']) {
  const body: ApiError = { code, message, ...(details ? { details } : {}) };
  return reply.code(STATUS[code]).send(body);
}

export function remoteAddress(request: FastifyRequest): string {
  return request.ip ?? '';
}

/** The JSON schema of every error body (OpenAPI). */
export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: { row: { type: 'integer' }, field: { type: 'string' }, reason: { type: 'string' } },
        required: ['reason'],
      },
    },
  },
} as const;

/** Ids in paths and queries: letters, digits, . _ - (anything else is refused with 400 before any query). */
export const idSchema = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,80}$' } as const;
