/**
 * POST /v1/reports: store (or replay, or update) a report. DELETE /v1/reports/{id}: undo one's own.
 *
 * - The client picks the id, so a retry is idempotent: an id already stored by the same reporter
 *   answers 200 and changes nothing; an id stored by another reporter answers 409 `id-taken`.
 * - One reporter, one vote per image: a new id for an image the reporter already reported
 *   updates that report (reason, note, page, title, site, source, updatedAt) and answers 200
 *   with the stored id.
 * - Each write locks the image's row, recounts distinct reporters and applies the hide rule in
 *   the same statement (migration 002's functions).
 */
import type { FastifyPluginAsync } from 'fastify';
import { LIMITS, REASONS } from '../../utils/reports/constants';
import { validateSubmittedReport, type SubmittedReport } from '../../utils/reports/submit';
import { validateId } from '../../utils/reports/validate';
import type { Context } from '../app';
import { retrying, type Queryable } from '../db';
import { ApiError, badRequest, notFound, unauthorized } from '../errors';
import { perAddress, perReporter, requireRole } from '../guards';
import { refreshImage } from '../visibility';

const reportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'imageUrl', 'pageUrl', 'reason', 'createdAt'],
  properties: {
    id: { type: 'string', maxLength: LIMITS.id },
    imageUrl: { type: 'string', maxLength: LIMITS.url },
    pageUrl: { type: 'string', maxLength: LIMITS.url },
    pageTitle: { type: 'string', maxLength: LIMITS.title },
    site: { type: ['string', 'null'], maxLength: 64 },
    source: { type: ['string', 'null'], maxLength: LIMITS.source },
    reason: { type: 'string', enum: [...REASONS] },
    note: { type: 'string', maxLength: LIMITS.note },
    createdAt: { type: 'integer' },
  },
} as const;

export type ReportOutcome = { status: 201 | 200; id: string; result: 'created' | 'exists' | 'updated' };

/** Store a validated report in one statement (SQL function `naqi_store_report`, migration 002). */
export async function storeReport(db: Queryable, reporterId: string, r: SubmittedReport, threshold: number): Promise<ReportOutcome> {
  const res = await db.query<{ out_id: string; out_result: string }>(
    'SELECT out_id, out_result FROM naqi_store_report($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
    [reporterId, r.id, r.imageUrl, r.pageUrl, r.pageTitle, r.site, r.source, r.reason, r.note, r.createdAt, threshold, REASONS],
  );
  const row = res.rows[0]!;
  if (row.out_result === 'id-taken') throw new ApiError(409, 'id-taken', 'this report id belongs to another reporter');
  const result = row.out_result as ReportOutcome['result'];
  return { status: result === 'created' ? 201 : 200, id: row.out_id, result };
}

/** A single statement, retried when it lost a race (a concurrent insert of the same id or vote). */
async function storeRetrying(db: Queryable, reporterId: string, r: SubmittedReport, threshold: number): Promise<ReportOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeReport(db, reporterId, r, threshold);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // The reporter was deleted by the operator after its secret was checked (and cached).
      if (code === '23503') throw unauthorized('unknown reporter or wrong secret');
      if (attempt >= 4 || !(code === '23505' || code === '40P01' || code === '40001')) throw err;
    }
  }
}

export const reportRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const addressLimit = perAddress(app, 'reports-address', ctx.config.limits.reportsPerAddress);
    const reporterLimit = perReporter(ctx.config.limits.reportsPerReporter);
    const auth = requireRole(ctx.db, 'reporter');

    app.post(
      '/v1/reports',
      { onRequest: [addressLimit, auth, reporterLimit], schema: { body: reportSchema } },
      async (request, reply) => {
        const v = validateSubmittedReport(request.body);
        if (!v.ok) throw badRequest('invalid-field', v.message);
        const outcome = await storeRetrying(ctx.db, request.reporterId!, v.value, ctx.config.threshold);
        if (outcome.result !== 'exists') ctx.cursor.forget();
        return reply.code(outcome.status).send({ id: outcome.id, result: outcome.result });
      },
    );

    app.delete<{ Params: { id: string } }>(
      '/v1/reports/:id',
      { onRequest: [addressLimit, auth, reporterLimit] },
      async (request, reply) => {
        const id = validateId(request.params.id, 'id');
        if (!id.ok) throw badRequest('invalid-field', id.message);
        const deleted = await retrying(ctx.db, async (tx) => {
          const r = await tx.query<{ image_url: string }>('SELECT image_url FROM reports WHERE id = $1 AND reporter_id = $2', [
            id.value,
            request.reporterId,
          ]);
          const imageUrl = r.rows[0]?.image_url;
          if (!imageUrl) return false;
          await tx.query('SELECT 1 FROM images WHERE image_url = $1 FOR UPDATE', [imageUrl]);
          await tx.query('DELETE FROM reports WHERE id = $1 AND reporter_id = $2', [id.value, request.reporterId]);
          await refreshImage(tx, imageUrl, ctx.config.threshold);
          // Nothing left to moderate and no decision: forget the image too.
          await tx.query('DELETE FROM images WHERE image_url = $1 AND reporters = 0 AND decision IS NULL AND NOT hidden', [imageUrl]);
          return true;
        });
        // Someone else's id answers exactly like an unknown one (ids of others are not revealed).
        if (!deleted) throw notFound('no report with this id from this reporter');
        ctx.cursor.forget();
        return reply.code(204).send();
      },
    );
  };
