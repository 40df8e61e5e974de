/**
 * Moderator endpoints (Bearer moderator token): the review queue, decisions (single and bulk),
 * the audit log and the export in the extension's file formats.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DECISIONS, LIMITS, REASONS, statusForDecision, type Decision, type Reason } from '../../utils/reports/constants';
import { buildHiddenList, buildReportsExport, exportFilename } from '../../utils/reports/export';
import { isDecision, isReason, stripControls, validateHttpUrl, validateSiteId, validateText } from '../../utils/reports/validate';
import type { DecisionRecord, StoredReport } from '../../utils/protocol';
import type { Context } from '../app';
import { retrying, type Queryable } from '../db';
import { badRequest } from '../errors';
import { perAddress, requireRole } from '../guards';
import { refreshImage } from '../visibility';

const STATES = ['pending', 'hidden', 'kept', 'all'] as const;
const SORTS = { last: 'i.last_seen DESC', first: 'i.first_seen ASC', reporters: 'i.reporters DESC, i.last_seen DESC' } as const;

const pagingProps = {
  limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
  offset: { type: 'string', pattern: '^[0-9]{1,8}$' },
} as const;

function paging(q: { limit?: string; offset?: string }, fallback = 50) {
  const limit = q.limit === undefined ? fallback : Number(q.limit);
  const offset = q.offset === undefined ? 0 : Number(q.offset);
  if (limit < 1 || limit > LIMITS.pageSize) throw badRequest('invalid-field', `limit must be between 1 and ${LIMITS.pageSize}`);
  return { limit, offset };
}

const ms = (d: unknown) => (d === null || d === undefined ? null : new Date(d as string).getTime());
const iso = (d: unknown) => (d === null || d === undefined ? null : new Date(d as string).toISOString());
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface ReviewQuery {
  state?: (typeof STATES)[number];
  decided?: 'true' | 'false';
  reason?: string;
  site?: string;
  q?: string;
  sort?: keyof typeof SORTS;
  limit?: string;
  offset?: string;
}

interface DecisionBody {
  imageUrl?: string;
  imageUrls?: string[];
  decision: Decision;
  note?: string;
}

async function decide(tx: Queryable, imageUrl: string, decision: Decision, note: string, moderator: string, threshold: number) {
  if (decision === 'pending') {
    await tx.query(
      `UPDATE images SET decision = NULL, decision_note = '', decided_at = NULL, decided_by = NULL WHERE image_url = $1`,
      [imageUrl],
    );
  } else {
    await tx.query(
      `INSERT INTO images (image_url, decision, decision_note, decided_at, decided_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (image_url) DO UPDATE SET decision = excluded.decision, decision_note = excluded.decision_note,
         decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
      [imageUrl, decision, note, moderator],
    );
  }
  await refreshImage(tx, imageUrl, threshold);
  await tx.query('INSERT INTO audit_log (moderator, image_url, decision, note) VALUES ($1, $2, $3, $4)', [
    moderator,
    imageUrl,
    decision,
    note,
  ]);
  const r = await tx.query<{ hidden: boolean; decision: string | null }>('SELECT hidden, decision FROM images WHERE image_url = $1', [imageUrl]);
  return { imageUrl, decision, hidden: r.rows[0]?.hidden ?? false };
}

export const moderationRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const limit = perAddress(app, 'moderator', ctx.config.limits.moderator);
    const auth = requireRole(ctx.db, 'moderator');

    app.get<{ Querystring: ReviewQuery }>(
      '/v1/review',
      {
        onRequest: [limit, auth],
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              state: { type: 'string', enum: [...STATES] },
              decided: { type: 'string', enum: ['true', 'false'] },
              reason: { type: 'string', enum: [...REASONS] },
              site: { type: 'string', maxLength: 64 },
              q: { type: 'string', maxLength: LIMITS.text },
              sort: { type: 'string', enum: Object.keys(SORTS) },
              ...pagingProps,
            },
          },
        },
      },
      async (request) => {
        const q = request.query;
        const { limit: pageSize, offset } = paging(q);
        const where: string[] = [];
        const params: unknown[] = [];
        const p = (v: unknown) => {
          params.push(v);
          return `$${params.length}`;
        };
        const state = q.state ?? 'all';
        if (state === 'hidden') where.push('i.hidden');
        if (state === 'kept') where.push(`i.decision = 'keep'`);
        if (state === 'pending') where.push(`NOT i.hidden AND i.decision IS NULL`);
        if (q.decided === 'true') where.push('i.decision IS NOT NULL');
        if (q.decided === 'false') where.push('i.decision IS NULL');
        if (q.reason !== undefined && isReason(q.reason)) {
          where.push(`EXISTS (SELECT 1 FROM reports r WHERE r.image_url = i.image_url AND r.reason = ${p(q.reason)})`);
        }
        if (q.site !== undefined) {
          const s = validateSiteId(q.site, 'site');
          if (!s.ok) throw badRequest('invalid-field', s.message);
          where.push(`EXISTS (SELECT 1 FROM reports r WHERE r.image_url = i.image_url AND r.site = ${p(s.value)})`);
        }
        const text = q.q?.trim();
        if (text) {
          const like = p(`%${likeEscape(text)}%`);
          where.push(`(i.image_url ILIKE ${like} OR EXISTS (SELECT 1 FROM reports r WHERE r.image_url = i.image_url AND
            (r.page_url ILIKE ${like} OR r.page_title ILIKE ${like} OR r.note ILIKE ${like} OR r.source ILIKE ${like})))`);
        }
        const sql = `
          SELECT i.image_url, i.decision, i.decision_note, i.decided_at, i.decided_by, i.hidden, i.hidden_reason,
                 i.reporters, i.first_seen, i.last_seen, count(*) OVER () AS total,
                 (SELECT json_object_agg(reason, n) FROM (SELECT reason, count(*) AS n FROM reports
                    WHERE image_url = i.image_url GROUP BY reason) x) AS reasons,
                 (SELECT json_agg(pg) FROM (SELECT DISTINCT ON (page_url) page_url AS url, page_title AS title, site, source
                    FROM reports WHERE image_url = i.image_url ORDER BY page_url LIMIT 10) pg) AS pages,
                 (SELECT json_agg(note) FROM (SELECT note FROM reports WHERE image_url = i.image_url AND note <> ''
                    ORDER BY updated_at DESC LIMIT 10) nt) AS notes
            FROM images i
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY ${SORTS[q.sort ?? 'last']}, i.image_url
           LIMIT ${p(pageSize)} OFFSET ${p(offset)}`;
        const r = await ctx.db.query<Record<string, unknown>>(sql, params);
        const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
        let total = Number(r.rows[0]?.total ?? 0);
        if (r.rows.length === 0 && offset > 0) {
          const c = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM images i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params.slice(0, -2));
          total = Number(c.rows[0]?.n ?? 0);
        }
        return {
          total,
          offset,
          images: r.rows.map((row) => ({
            imageUrl: row.image_url,
            state: row.hidden ? 'hidden' : row.decision === 'keep' ? 'kept' : 'pending',
            hidden: row.hidden,
            decision: row.decision ?? null,
            decisionNote: row.decision_note,
            decidedAt: iso(row.decided_at),
            decidedBy: row.decided_by ?? null,
            reason: row.hidden_reason ?? null,
            reporters: Number(row.reporters),
            reasons: parse(row.reasons) ?? {},
            pages: parse(row.pages) ?? [],
            notes: parse(row.notes) ?? [],
            firstSeen: iso(row.first_seen),
            lastSeen: iso(row.last_seen),
          })),
        };
      },
    );

    app.post<{ Body: DecisionBody }>(
      '/v1/decisions',
      {
        onRequest: [limit, auth],
        schema: {
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['decision'],
            properties: {
              imageUrl: { type: 'string', maxLength: LIMITS.url },
              imageUrls: { type: 'array', minItems: 1, maxItems: LIMITS.batch, items: { type: 'string', maxLength: LIMITS.url } },
              decision: { type: 'string', enum: [...DECISIONS] },
              note: { type: 'string', maxLength: LIMITS.note },
            },
          },
        },
      },
      async (request) => {
        const b = request.body;
        if ((b.imageUrl === undefined) === (b.imageUrls === undefined)) {
          throw badRequest('invalid-request', 'send exactly one of imageUrl or imageUrls');
        }
        if (!isDecision(b.decision)) throw badRequest('invalid-field', `decision must be one of: ${DECISIONS.join(', ')}`);
        const noteR = validateText(b.note ?? '', 'note', LIMITS.note);
        if (!noteR.ok) throw badRequest('invalid-field', noteR.message);
        const note = stripControls(noteR.value).trim();
        const urls = new Set<string>();
        const raw = b.imageUrls ?? [b.imageUrl!];
        raw.forEach((u, i) => {
          const v = validateHttpUrl(u, b.imageUrls ? `imageUrls[${i}]` : 'imageUrl');
          if (!v.ok) throw badRequest('invalid-field', v.message);
          urls.add(v.value);
        });
        // Sorted: bulk decisions lock rows in one order, so two of them cannot deadlock.
        const sorted = [...urls].sort();
        const moderator = request.moderatorName!;
        const results = await retrying(ctx.db, async (tx) => {
          const out = [];
          for (const url of sorted) out.push(await decide(tx, url, b.decision, note, moderator, ctx.config.threshold));
          return out;
        });
        ctx.cursor.forget();
        return { results };
      },
    );

    app.get<{ Querystring: { imageUrl?: string; limit?: string; offset?: string } }>(
      '/v1/audit',
      {
        onRequest: [limit, auth],
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { imageUrl: { type: 'string', maxLength: LIMITS.url }, ...pagingProps },
          },
        },
      },
      async (request) => {
        const { limit: pageSize, offset } = paging(request.query, 100);
        let filter = '';
        const params: unknown[] = [pageSize, offset];
        if (request.query.imageUrl !== undefined) {
          const v = validateHttpUrl(request.query.imageUrl, 'imageUrl');
          if (!v.ok) throw badRequest('invalid-field', v.message);
          params.push(v.value);
          filter = 'WHERE image_url = $3';
        }
        const r = await ctx.db.query<Record<string, unknown>>(
          `SELECT id, at, moderator, image_url, decision, note FROM audit_log ${filter} ORDER BY id DESC LIMIT $1 OFFSET $2`,
          params,
        );
        return {
          entries: r.rows.map((row) => ({
            at: iso(row.at),
            moderator: row.moderator,
            imageUrl: row.image_url,
            decision: row.decision,
            note: row.note,
          })),
        };
      },
    );

    app.get<{ Querystring: { format?: 'reports' | 'hidden' } }>(
      '/v1/export',
      {
        onRequest: [limit, auth],
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { format: { type: 'string', enum: ['reports', 'hidden'] } },
          },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const d = await ctx.db.query<{ image_url: string; decision: 'hide' | 'keep'; decision_note: string; decided_at: Date }>(
          'SELECT image_url, decision, decision_note, decided_at FROM images WHERE decision IS NOT NULL',
        );
        const decisions: DecisionRecord[] = d.rows.map((row) => ({
          imageUrl: row.image_url,
          decision: row.decision,
          note: row.decision_note,
          decidedAt: ms(row.decided_at)!,
        }));
        reply.header('Cache-Control', 'no-store');
        if (request.query.format === 'hidden') {
          reply.header('Content-Disposition', `attachment; filename="${exportFilename('hidden-list', now)}"`);
          return buildHiddenList(decisions, now);
        }
        const byImage = new Map(decisions.map((x) => [x.imageUrl, x.decision]));
        const r = await ctx.db.query<Record<string, unknown>>(
          `SELECT id, image_url, page_url, page_title, site, source, reason, note, created_at, updated_at, reporter_id FROM reports`,
        );
        const reports: StoredReport[] = r.rows.map((row) => ({
          id: row.id as string,
          imageUrl: row.image_url as string,
          pageUrl: row.page_url as string,
          pageTitle: row.page_title as string,
          site: (row.site as string | null) ?? null,
          source: (row.source as string | null) ?? null,
          reason: row.reason as Reason,
          note: row.note as string,
          createdAt: Number(row.created_at),
          updatedAt: Number(row.updated_at),
          reporterId: row.reporter_id as string,
          status: statusForDecision(byImage.get(row.image_url as string) ?? 'pending'),
        }));
        reply.header('Content-Disposition', `attachment; filename="${exportFilename('json', now)}"`);
        return buildReportsExport(reports, decisions, now);
      },
    );
  };
