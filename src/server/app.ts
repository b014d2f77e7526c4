import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { contentSecurityPolicy } from '../../build/contentSecurityPolicy';
import { parseBaseConfig } from '../data/base/readBaseConfig';
import type { HealthResponse } from '../data/service/residentApi';
import { SignInRateLimiter } from './auth/rateLimit';
import { errorSchema, sendError, type ServiceContext } from './context';
import type { Store } from './db/store';
import { residentRoutes } from './routes/residents';
import { sessionRoutes } from './routes/session';

export interface ServerOptions {
  store: Store;
  /** The built app to serve at `/` (omitted or missing: the API only). */
  distDir?: string;
  /** The base configuration whose sources the CSP admits (models/base.json). */
  baseConfigFile?: string;
  idleTimeoutSeconds?: number;
  secureCookie?: boolean;
  /** Behind a reverse proxy: trust its X-Forwarded-* for the client address and https. */
  trustProxy?: boolean;
  signInAttemptsPerWindow?: number;
  signInWindowSeconds?: number;
  maxFailedSignIns?: number;
  lockoutSeconds?: number;
  now?: () => Date;
  logger?: boolean | { level: string };
}

/** Used when the base configuration cannot be read: the policy without any configured origin. */
const FALLBACK_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' data: blob:";

function appContentSecurityPolicy(baseConfigFile: string | undefined): string {
  try {
    if (baseConfigFile && existsSync(baseConfigFile))
      return contentSecurityPolicy(parseBaseConfig(readFileSync(baseConfigFile, 'utf8'), baseConfigFile));
  } catch {
    // A broken base.json is reported by the app itself; the service still sends a strict policy.
  }
  return FALLBACK_CSP;
}

/** Log lines carry the path without its query string, and never cookies, tokens or passwords. */
function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: typeof logger === 'object' ? logger.level : 'info',
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        remoteAddress: req.ip,
      }),
    },
  };
}

/** The resident-data service (and the built app on the same origin). Importable for tests (`inject`). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(options.logger), bodyLimit: 1024 * 1024, trustProxy: options.trustProxy ?? false });
  const ctx: ServiceContext = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    idleTimeoutSeconds: options.idleTimeoutSeconds ?? 30 * 60,
    secureCookie: options.secureCookie ?? false,
    signInLimiter: new SignInRateLimiter(
      options.signInAttemptsPerWindow ?? 30,
      (options.signInWindowSeconds ?? 10 * 60) * 1000,
      options.now ? () => options.now!().getTime() : Date.now,
    ),
    maxFailedSignIns: options.maxFailedSignIns ?? 10,
    lockoutSeconds: options.lockoutSeconds ?? 15 * 60,
  };
  const csp = appContentSecurityPolicy(options.baseConfigFile);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Future Community Twin — resident data service', version: '1.0.0' },
      tags: [{ name: 'session' }, { name: 'residents' }, { name: 'audit' }, { name: 'service' }],
    },
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', `${csp}; frame-ancestors 'none'`);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    return payload;
  });

  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: { validation?: unknown; statusCode?: number; code?: string; message: string }, request, reply) => {
    if (error.validation) return sendError(reply, 'invalid', error.message);
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, 'too-large', 'the request body is too large');
    if (error.statusCode === 415) return sendError(reply, 'invalid', 'unsupported content type');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, 'invalid', error.message);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'internal', 'internal error');
  });
  // No single-page fallback: the app has one page (state lives in the query string), and an optional
  // file the app probes for under models/ must answer 404, not index.html.
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'not-found', 'no such resource'));

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        response: {
          200: { type: 'object', required: ['status', 'store'], properties: { status: { type: 'string' }, store: { type: 'string' } } },
          500: errorSchema,
        },
      },
    },
    async () => {
      await options.store.query('SELECT 1');
      const body: HealthResponse = { status: 'ok', store: options.store.kind };
      return body;
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  sessionRoutes(app, ctx);
  residentRoutes(app, ctx);

  if (options.distDir && existsSync(join(options.distDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.distDir, prefix: '/', index: ['index.html'], wildcard: true });
  }
  await app.ready();
  return app;
}
