import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionResponse, SignInRequest } from '../../data/service/residentApi';
import { dummyHash, verifyPassword } from '../auth/password';
import { writeAudit } from '../audit';
import { errorSchema, remoteAddress, sendError, type ServiceContext } from '../context';
import { scoped } from '../db/store';
import { findSession, newToken, SESSION_COOKIE, sessionUser, sha256, type ActiveSession, type UserRow } from '../sessions';

const sessionUserSchema = {
  type: 'object',
  required: ['username', 'displayName', 'role', 'communityId', 'gridIds'],
  properties: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ['public', 'caseworker', 'administrator'] },
    communityId: { type: ['string', 'null'] },
    gridIds: { type: 'array', items: { type: 'string' } },
  },
} as const;

const sessionResponseSchema = {
  type: 'object',
  required: ['user', 'csrfToken', 'idleTimeoutSeconds'],
  properties: { user: sessionUserSchema, csrfToken: { type: 'string' }, idleTimeoutSeconds: { type: 'integer' } },
} as const;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The caller's session, or null after a 401 (no or expired session) or 403 `csrf` (an unsafe method
 * without the session's token in `x-csrf-token`) has been sent and audited.
 */
export async function requireSession(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { auditDenial: boolean } = { auditDenial: true },
): Promise<ActiveSession | null> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await scoped(ctx.store, undefined, (tx) => findSession(tx, token, ctx.now(), ctx.idleTimeoutSeconds)) : null;
  if (!session) {
    // A data request without a session is a denial and is audited; the app's "am I signed in?" is not.
    if (options.auditDenial) {
      const communityId = (request.params as { communityId?: string } | undefined)?.communityId ?? null;
      await scoped(ctx.store, undefined, (tx) =>
        writeAudit(tx, {
          username: null,
          role: null,
          action: 'denied',
          communityId,
          target: `unauthenticated ${request.method} ${request.routeOptions.url ?? ''}`,
          rowCount: 0,
          remoteAddress: remoteAddress(request),
        }),
      );
    }
    await sendError(reply, 'unauthenticated', 'sign in first');
    return null;
  }
  if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    await scoped(ctx.store, undefined, (tx) =>
      writeAudit(tx, {
        username: session.user.username,
        role: session.user.role,
        action: 'denied',
        communityId: session.user.communityId,
        target: `csrf ${request.method} ${request.routeOptions.url ?? ''}`,
        rowCount: 0,
        remoteAddress: remoteAddress(request),
      }),
    );
    await sendError(reply, 'csrf', 'missing or wrong x-csrf-token');
    return null;
  }
  return session;
}

export function sessionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/api',
    secure: ctx.secureCookie || request.protocol === 'https',
  });

  app.get(
    '/api/session',
    { schema: { tags: ['session'], response: { 200: sessionResponseSchema, 401: errorSchema } } },
    async (request, reply) => {
      const session = await requireSession(ctx, request, reply, { auditDenial: false });
      if (!session) return reply;
      const body: SessionResponse = { user: session.user, csrfToken: session.csrfToken, idleTimeoutSeconds: ctx.idleTimeoutSeconds };
      return body;
    },
  );

  app.post<{ Body: SignInRequest }>(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', minLength: 1, maxLength: 1000 },
          },
        },
        response: { 200: sessionResponseSchema, 401: errorSchema, 423: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const address = remoteAddress(request);
      if (!ctx.signInLimiter.allow(address))
        return sendError(reply, 'rate-limited', 'too many sign-in attempts from this address; try again later');
      const { username, password } = request.body;
      const now = ctx.now();
      const [user] = await scoped(ctx.store, undefined, (tx) => tx.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]));
      // An unknown name costs the same scrypt as a known one: the timing does not tell which names exist.
      const passwordOk = await verifyPassword(password, user ? { hash: user.password_hash, salt: user.password_salt } : await dummyHash());
      const audit = {
        username: user ? user.username : null,
        role: user?.role ?? null,
        communityId: user?.community_id ?? null,
        rowCount: 0,
        remoteAddress: address,
      };
      if (user && user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
        await scoped(ctx.store, undefined, (tx) => writeAudit(tx, { ...audit, action: 'sign-in-failed', target: 'locked' }));
        return sendError(reply, 'locked', 'this account is locked after repeated failed sign-ins; try again later');
      }
      if (!user || !passwordOk) {
        const locked = await scoped(ctx.store, undefined, async (tx) => {
          await writeAudit(tx, { ...audit, action: 'sign-in-failed', target: user ? 'wrong password' : 'unknown user' });
          if (!user) return false;
          const [row] = await tx.query<{ failed_count: number }>(
            'UPDATE users SET failed_count = failed_count + 1 WHERE id = $1 RETURNING failed_count',
            [user.id],
          );
          if (row.failed_count < ctx.maxFailedSignIns) return false;
          await tx.query('UPDATE users SET locked_until = $2, failed_count = 0 WHERE id = $1', [
            user.id,
            new Date(now.getTime() + ctx.lockoutSeconds * 1000),
          ]);
          return true;
        });
        if (locked) return sendError(reply, 'locked', 'this account is locked after repeated failed sign-ins; try again later');
        return sendError(reply, 'unauthenticated', 'wrong username or password');
      }
      const token = newToken();
      const csrfToken = newToken();
      await scoped(ctx.store, undefined, async (tx) => {
        await tx.query('UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = $1', [user.id]);
        await tx.query('INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [
          sha256(token),
          user.id,
          csrfToken,
          now,
        ]);
        await writeAudit(tx, { ...audit, action: 'sign-in', target: '' });
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
      const body: SessionResponse = { user: sessionUser(user), csrfToken, idleTimeoutSeconds: ctx.idleTimeoutSeconds };
      return body;
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], response: { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema } } },
    async (request, reply) => {
      const session = await requireSession(ctx, request, reply);
      if (!session) return reply;
      await scoped(ctx.store, undefined, async (tx) => {
        await tx.query('DELETE FROM sessions WHERE token_sha256 = $1', [session.tokenSha256]);
        await writeAudit(tx, {
          username: session.user.username,
          role: session.user.role,
          action: 'sign-out',
          communityId: session.user.communityId,
          target: '',
          rowCount: 0,
          remoteAddress: remoteAddress(request),
        });
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send();
    },
  );
}
