/**
 * GET /v1/hidden[?since=CURSOR]: the public hide list. Without `since`: a snapshot of the images
 * hidden now. With `since`: the changes after that cursor, each image once, in its latest state.
 * The cursor is the last `hide_events.seq` included. ETag = (since, cursor), so a client that is
 * up to date gets 304 without the database being asked (see HiddenCursor).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../app';
import { badRequest } from '../errors';
import { perAddress } from '../guards';

const CURSOR_RE = /^(0|[1-9]\d{0,14})$/;

interface HiddenEntry {
  imageUrl: string;
  reason: string;
  hiddenAt: string;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export const hiddenRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Querystring: { since?: string } }>(
      '/v1/hidden',
      {
        onRequest: perAddress(app, 'hidden', ctx.config.limits.hidden),
        schema: {
          querystring: { type: 'object', additionalProperties: false, properties: { since: { type: 'string' } } },
        },
      },
      async (request, reply) => {
        const raw = request.query.since;
        if (raw !== undefined && !CURSOR_RE.test(raw)) {
          throw badRequest('bad-cursor', 'since must be a cursor returned by this endpoint (a whole number)');
        }
        const since = raw === undefined ? null : Number(raw);
        let cursor = await ctx.cursor.current();
        if (since !== null && since > cursor) {
          // Maybe another instance is ahead of this one's memory: ask the database once more.
          ctx.cursor.forget();
          cursor = await ctx.cursor.current();
          if (since > cursor) throw badRequest('bad-cursor', 'unknown cursor (newer than the list); fetch /v1/hidden without since');
        }
        const maxAge = ctx.config.hiddenMaxAge;
        reply.header('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 2}`);
        reply.header('Vary', 'Origin');
        let etag = `"h${since ?? 's'}-${cursor}"`;
        if (etagMatches(request.headers['if-none-match'], etag)) {
          reply.header('ETag', etag);
          return reply.code(304).send();
        }
        let body: { cursor: string; hidden: HiddenEntry[]; unhidden: string[] };
        if (since === null) {
          // One statement = one snapshot: the rows and the cursor agree.
          const r = await ctx.db.query<{ image_url: string | null; reason: string | null; at: Date | null; cursor: number | string }>(
            `SELECT i.image_url, i.hidden_reason AS reason, i.hidden_at AS at, c.cursor
               FROM (SELECT coalesce(max(seq), 0) AS cursor FROM hide_events) c
               LEFT JOIN images i ON i.hidden
              ORDER BY i.hidden_at, i.image_url`,
          );
          const cur = Number(r.rows[0]?.cursor ?? 0);
          body = {
            cursor: String(cur),
            hidden: r.rows
              .filter((row) => row.image_url !== null)
              .map((row) => ({ imageUrl: row.image_url!, reason: row.reason ?? 'other', hiddenAt: new Date(row.at!).toISOString() })),
            unhidden: [],
          };
          etag = `"hs-${cur}"`;
        } else {
          const r = await ctx.db.query<{ image_url: string; hidden: boolean; reason: string | null; at: Date; seq: number | string }>(
            `SELECT DISTINCT ON (image_url) image_url, hidden, reason, at, seq
               FROM hide_events WHERE seq > $1
              ORDER BY image_url, seq DESC`,
            [since],
          );
          const rows = r.rows.map((x) => ({ ...x, seq: Number(x.seq) })).sort((a, b) => a.seq - b.seq);
          const cur = rows.reduce((m, x) => Math.max(m, x.seq), since);
          body = {
            cursor: String(cur),
            hidden: rows.filter((x) => x.hidden).map((x) => ({ imageUrl: x.image_url, reason: x.reason ?? 'other', hiddenAt: new Date(x.at).toISOString() })),
            unhidden: rows.filter((x) => !x.hidden).map((x) => x.image_url),
          };
          etag = `"h${since}-${cur}"`;
        }
        reply.header('ETag', etag);
        return body;
      },
    );
  };
