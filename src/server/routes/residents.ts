import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSmallCell, MIN_CELL_SIZE } from '../../data/privacy/aggregate';
import { canSeePersonRows, identifiersForRole } from '../../data/privacy/mask';
import type { AggregatesResponse, AuditRow, ImportResponse, PeopleResponse, PersonRow, RightRow } from '../../data/service/residentApi';
import type { AgeBand, PersonTag, RightType, Sex } from '../../core/model/types';
import { describeTarget, writeAudit, type AuditAction } from '../audit';
import { errorSchema, idSchema, remoteAddress, sendError, type ServiceContext } from '../context';
import { scoped, type DbScope, type Queryable, type SqlValue } from '../db/store';
import { decodeCsv, insertPeople, parsePeopleCsv, refreshBuildingCounts } from '../people';
import type { ActiveSession } from '../sessions';
import { requireSession } from './session';

interface CommunityParams {
  communityId: string;
}
interface PeopleQuery {
  buildingId?: string;
  houseId?: string;
  limit?: number;
}

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const communityParams = { type: 'object', required: ['communityId'], properties: { communityId: idSchema } } as const;
const limitSchema = { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } as const;

/**
 * The WHERE clause of a person-level read: one of four fixed texts (only the filters asked for, so the
 * planner uses the (community, building) and house indexes), values as parameters $1…$3.
 */
function personFilter(communityId: string, buildingId: string | null, houseId: string | null): { where: string; params: SqlValue[] } {
  if (buildingId && houseId)
    return { where: 'community_id = $1 AND building_id = $2 AND house_id = $3', params: [communityId, buildingId, houseId] };
  if (buildingId) return { where: 'community_id = $1 AND building_id = $2', params: [communityId, buildingId] };
  if (houseId) return { where: 'community_id = $1 AND house_id = $2', params: [communityId, houseId] };
  return { where: 'community_id = $1', params: [communityId] };
}

function scopeOf(session: ActiveSession): DbScope {
  return { role: session.user.role, communityId: session.user.communityId, gridIds: session.user.gridIds };
}

/**
 * Whether a session may read person-level rows of this community, and for a caseworker asking for
 * one building or house, whether it lies in their grid cells. Row-level security scopes the rows in
 * any case; this answers 403 rather than an empty page, so a denial is visible and audited.
 */
async function deniedReason(tx: Queryable, session: ActiveSession, communityId: string, query: PeopleQuery): Promise<string | null> {
  const { user } = session;
  if (!canSeePersonRows(user.role)) return 'role sees aggregates only';
  if (user.communityId !== null && user.communityId !== communityId) return 'another community';
  if (user.role !== 'caseworker') return null;
  if (query.buildingId) {
    const [building] = await tx.query<{ grid_id: string | null }>('SELECT grid_id FROM buildings WHERE id = $1 AND community_id = $2', [
      query.buildingId,
      communityId,
    ]);
    if (!building?.grid_id || !user.gridIds.includes(building.grid_id)) return 'building outside the grid cells served';
  }
  if (query.houseId) {
    const [house] = await tx.query<{ grid_id: string | null }>(
      'SELECT b.grid_id FROM houses h JOIN buildings b ON b.id = h.building_id WHERE h.id = $1 AND h.community_id = $2',
      [query.houseId, communityId],
    );
    if (!house?.grid_id || !user.gridIds.includes(house.grid_id)) return 'house outside the grid cells served';
  }
  return null;
}

export function residentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  /** A person-level read: session, scope check, the read itself and its audit row, in one transaction. */
  async function personLevelRead<T>(
    request: FastifyRequest<{ Params: CommunityParams; Querystring: PeopleQuery }>,
    reply: FastifyReply,
    action: AuditAction,
    read: (tx: Queryable, session: ActiveSession) => Promise<{ body: T; rowCount: number }>,
  ): Promise<T | FastifyReply> {
    const session = await requireSession(ctx, request, reply);
    if (!session) return reply;
    const { communityId } = request.params;
    const audit = {
      username: session.user.username,
      role: session.user.role,
      communityId,
      target: describeTarget({ ...request.query }),
      remoteAddress: remoteAddress(request),
    };
    const outcome = await scoped(ctx.store, scopeOf(session), async (tx) => {
      const denied = await deniedReason(tx, session, communityId, request.query);
      if (denied) {
        await writeAudit(tx, { ...audit, action: 'denied', target: `${action} ${audit.target}`.trim(), rowCount: 0 });
        return { denied };
      }
      const result = await read(tx, session);
      await writeAudit(tx, { ...audit, action, rowCount: result.rowCount });
      return { body: result.body };
    });
    if ('denied' in outcome) return sendError(reply, 'forbidden', `not allowed: ${outcome.denied}`);
    return outcome.body;
  }

  const personRowSchema = {
    type: 'object',
    required: ['id', 'houseId', 'buildingId', 'ageBand', 'sex', 'tags'],
    properties: {
      id: { type: 'string' },
      houseId: { type: 'string' },
      buildingId: { type: 'string' },
      ageBand: { type: 'string' },
      sex: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
      name: { type: 'string' },
      phone: { type: 'string' },
      idNumber: { type: 'string' },
    },
  } as const;

  app.get<{ Params: CommunityParams; Querystring: PeopleQuery }>(
    '/api/communities/:communityId/people',
    {
      schema: {
        tags: ['residents'],
        params: communityParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { buildingId: idSchema, houseId: idSchema, limit: limitSchema },
        },
        response: {
          200: {
            type: 'object',
            required: ['rows', 'total', 'masked'],
            properties: { rows: { type: 'array', items: personRowSchema }, total: { type: 'integer' }, masked: { type: 'boolean' } },
          },
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    (request, reply) =>
      personLevelRead<PeopleResponse>(request, reply, 'read-people', async (tx, session) => {
        const { communityId } = request.params;
        const { buildingId = null, houseId = null, limit = DEFAULT_LIMIT } = request.query;
        const { where, params } = personFilter(communityId, buildingId, houseId);
        const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*)::int AS total FROM people WHERE ${where}`, params);
        const found = await tx.query<{
          id: string;
          house_id: string;
          building_id: string;
          age_band: AgeBand;
          sex: Sex;
          tags: PersonTag[];
          name: string | null;
          phone: string | null;
          id_number: string | null;
        }>(
          `SELECT id, house_id, building_id, age_band, sex, tags, name, phone, id_number FROM people WHERE ${where} ORDER BY id LIMIT $${params.length + 1}`,
          [...params, limit],
        );
        const role = session.user.role;
        const rows: PersonRow[] = found.map((p) => {
          const shown = identifiersForRole(
            { name: p.name ?? undefined, phone: p.phone ?? undefined, idNumber: p.id_number ?? undefined },
            role,
          );
          return {
            id: p.id,
            houseId: p.house_id,
            buildingId: p.building_id,
            ageBand: p.age_band,
            sex: p.sex,
            tags: p.tags,
            ...(shown.name ? { name: shown.name } : {}),
            ...(shown.phone ? { phone: shown.phone } : {}),
            ...(shown.idNumber ? { idNumber: shown.idNumber } : {}),
          };
        });
        return { body: { rows, total, masked: role !== 'administrator' }, rowCount: rows.length };
      }),
  );

  app.get<{ Params: CommunityParams; Querystring: PeopleQuery }>(
    '/api/communities/:communityId/rights',
    {
      schema: {
        tags: ['residents'],
        params: communityParams,
        querystring: { type: 'object', additionalProperties: false, properties: { buildingId: idSchema, limit: limitSchema } },
        response: {
          200: {
            type: 'object',
            required: ['rows', 'total'],
            properties: {
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'houseId', 'rightType', 'holderRef', 'share'],
                  properties: {
                    id: { type: 'string' },
                    houseId: { type: 'string' },
                    rightType: { type: 'string' },
                    holderRef: { type: 'string' },
                    share: { type: ['number', 'null'] },
                  },
                },
              },
              total: { type: 'integer' },
            },
          },
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    (request, reply) =>
      personLevelRead<{ rows: RightRow[]; total: number }>(request, reply, 'read-rights', async (tx) => {
        const { communityId } = request.params;
        const { buildingId = null, limit = DEFAULT_LIMIT } = request.query;
        const { where, params } = personFilter(communityId, buildingId, null);
        const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*)::int AS total FROM rights WHERE ${where}`, params);
        const found = await tx.query<{ id: string; house_id: string; right_type: RightType; holder_ref: string; share: number | null }>(
          `SELECT id, house_id, right_type, holder_ref, share FROM rights WHERE ${where} ORDER BY id LIMIT $${params.length + 1}`,
          [...params, limit],
        );
        const rows = found.map((r) => ({
          id: r.id,
          houseId: r.house_id,
          rightType: r.right_type,
          holderRef: r.holder_ref,
          share: r.share,
        }));
        return { body: { rows, total }, rowCount: rows.length };
      }),
  );

  const countSchema = { type: ['integer', 'null'] } as const;
  app.get<{ Params: CommunityParams }>(
    '/api/communities/:communityId/aggregates',
    {
      schema: {
        tags: ['residents'],
        params: communityParams,
        response: {
          200: {
            type: 'object',
            required: ['communityId', 'rows', 'minimumCount'],
            properties: {
              communityId: { type: 'string' },
              minimumCount: { type: 'integer' },
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    buildingId: { type: 'string' },
                    residents: countSchema,
                    elderly: countSchema,
                    infants: countSchema,
                    withDisability: countSchema,
                    livingAloneElderly: countSchema,
                  },
                },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { communityId } = request.params;
      const publicScope: DbScope = { role: 'public', communityId: null, gridIds: [] };
      const result = await scoped(ctx.store, publicScope, async (tx) => {
        if (!(await tx.query('SELECT 1 FROM communities WHERE id = $1', [communityId])).length) return null;
        return tx.query<{
          building_id: string;
          residents: number;
          elderly: number;
          infants: number;
          with_disability: number;
          living_alone_elderly: number;
        }>(
          'SELECT building_id, residents, elderly, infants, with_disability, living_alone_elderly FROM building_counts WHERE community_id = $1 ORDER BY building_id',
          [communityId],
        );
      });
      if (!result) return sendError(reply, 'not-found', 'no such community');
      // Each count is published on its own: 1–4 becomes null (data/privacy/aggregate.ts, k = 5).
      const shown = (n: number) => (isSmallCell(n) ? null : n);
      const body: AggregatesResponse = {
        communityId,
        minimumCount: MIN_CELL_SIZE,
        rows: result.map((r) => ({
          buildingId: r.building_id,
          residents: shown(r.residents),
          elderly: shown(r.elderly),
          infants: shown(r.infants),
          withDisability: shown(r.with_disability),
          livingAloneElderly: shown(r.living_alone_elderly),
        })),
      };
      return body;
    },
  );

  app.get<{ Querystring: { limit?: number } }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['rows'],
            properties: {
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    at: { type: 'string' },
                    username: { type: ['string', 'null'] },
                    role: { type: ['string', 'null'] },
                    action: { type: 'string' },
                    communityId: { type: ['string', 'null'] },
                    target: { type: 'string' },
                    rowCount: { type: 'integer' },
                    remoteAddress: { type: 'string' },
                  },
                },
              },
            },
          },
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await requireSession(ctx, request, reply);
      if (!session) return reply;
      const { user } = session;
      const base = { username: user.username, role: user.role, communityId: user.communityId, remoteAddress: remoteAddress(request) };
      if (user.role !== 'administrator') {
        await scoped(ctx.store, scopeOf(session), (tx) => writeAudit(tx, { ...base, action: 'denied', target: 'audit', rowCount: 0 }));
        return sendError(reply, 'forbidden', 'administrators only');
      }
      const rows = await scoped(ctx.store, scopeOf(session), (tx) =>
        tx.query<{
          id: string;
          at: Date;
          username: string | null;
          role: AuditRow['role'];
          action: AuditRow['action'];
          community_id: string | null;
          target: string;
          row_count: number;
          remote_address: string;
        }>('SELECT * FROM audit_log WHERE ($1::text IS NULL OR community_id = $1) ORDER BY id DESC LIMIT $2', [
          user.communityId,
          request.query.limit ?? 100,
        ]),
      );
      const body: { rows: AuditRow[] } = {
        rows: rows.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at).toISOString(),
          username: r.username,
          role: r.role,
          action: r.action,
          communityId: r.community_id,
          target: r.target,
          rowCount: r.row_count,
          remoteAddress: r.remote_address,
        })),
      };
      return body;
    },
  );

  app.post<{ Params: CommunityParams; Body: Buffer }>(
    '/api/communities/:communityId/import/people',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['residents'],
        params: communityParams,
        consumes: ['text/csv'],
        response: {
          200: { type: 'object', required: ['imported'], properties: { imported: { type: 'integer' } } },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await requireSession(ctx, request, reply);
      if (!session) return reply;
      const { communityId } = request.params;
      const { user } = session;
      const base = { username: user.username, role: user.role, communityId, remoteAddress: remoteAddress(request) };
      if (user.role !== 'administrator' || (user.communityId !== null && user.communityId !== communityId)) {
        await scoped(ctx.store, scopeOf(session), (tx) =>
          writeAudit(tx, { ...base, action: 'denied', target: 'import people', rowCount: 0 }),
        );
        return sendError(reply, 'forbidden', 'administrators of this community only');
      }
      if (!Buffer.isBuffer(request.body)) return sendError(reply, 'invalid', 'send the CSV as text/csv');
      const charset = /charset=([^;]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
      const text = decodeCsv(request.body, charset);
      const outcome = await scoped(ctx.store, scopeOf(session), async (tx) => {
        const houses = await tx.query<{ id: string }>('SELECT id FROM houses WHERE community_id = $1', [communityId]);
        const { records, problems } = parsePeopleCsv(text, new Set(houses.map((h) => h.id)));
        if (problems.length) {
          await writeAudit(tx, { ...base, action: 'import', target: `people rejected: ${problems.length} problems`, rowCount: 0 });
          return { problems, imported: 0 };
        }
        // The community's people are replaced as a whole: delete, insert and recount in one transaction.
        await tx.query('DELETE FROM people WHERE community_id = $1', [communityId]);
        await insertPeople(tx, communityId, records);
        await refreshBuildingCounts(tx, communityId);
        await writeAudit(tx, { ...base, action: 'import', target: 'people', rowCount: records.length });
        return { problems, imported: records.length };
      });
      if (outcome.problems.length)
        return sendError(reply, 'invalid', 'the CSV has invalid rows; nothing was imported', outcome.problems.slice(0, 200));
      const body: ImportResponse = { imported: outcome.imported };
      return body;
    },
  );
}
