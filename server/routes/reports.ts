/**
 * POST /v1/reports: store (or replay, or update) a report. DELETE /v1/reports/{id}: undo one's own.
 *
 * - The client picks the id, so a retry is idempotent: an id already stored by the same reporter
 *   answers 200 and changes nothing; an id stored by another reporter answers 409 `id-taken`.
 * - One reporter, one vote per image: a new id for an image the reporter already reported
 *   updates that report (reason, note, page, title, site, source, updatedAt) and answers 200
 *   with the stored id.
 * - Each write locks the image's row, recounts distinct reporters and applies the hide rule in
 *   the same transaction.
 */
import type { FastifyPluginAsync } from 'fastify';
import { LIMITS, REASONS } from '../../utils/reports/constants';
import { validateSubmittedReport, type SubmittedReport } from '../../utils/reports/submit';
import { validateId } from '../../utils/reports/validate';
import type { Context } from '../app';
import { retrying, type Queryable } from '../db';
import { ApiError, badRequest, notFound } from '../errors';
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

export async function storeReport(tx: Queryable, reporterId: string, r: SubmittedReport, threshold: number): Promise<ReportOutcome> {
  const same = await tx.query<{ reporter_id: string }>('SELECT reporter_id FROM reports WHERE id = $1', [r.id]);
  if (same.rows[0]) {
    if (same.rows[0].reporter_id !== reporterId) throw new ApiError(409, 'id-taken', 'this report id belongs to another reporter');
    return { status: 200, id: r.id, result: 'exists' };
  }
  // Insert or touch the image row: this also locks it until commit (one writer per image).
  await tx.query(
    `INSERT INTO images (image_url) VALUES ($1)
     ON CONFLICT (image_url) DO UPDATE SET last_seen = now()`,
    [r.imageUrl],
  );
  const mine = await tx.query<{ id: string }>('SELECT id FROM reports WHERE reporter_id = $1 AND image_url = $2', [
    reporterId,
    r.imageUrl,
  ]);
  let outcome: ReportOutcome;
  if (mine.rows[0]) {
    const id = mine.rows[0].id;
    await tx.query(
      `UPDATE reports SET page_url = $2, page_title = $3, site = $4, source = $5, reason = $6, note = $7,
         updated_at = GREATEST(updated_at, $8), received_at = now()
       WHERE id = $1`,
      [id, r.pageUrl, r.pageTitle, r.site, r.source, r.reason, r.note, r.createdAt],
    );
    outcome = { status: 200, id, result: 'updated' };
  } else {
    await tx.query(
      `INSERT INTO reports (id, reporter_id, image_url, page_url, page_title, site, source, reason, note, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [r.id, reporterId, r.imageUrl, r.pageUrl, r.pageTitle, r.site, r.source, r.reason, r.note, r.createdAt],
    );
    outcome = { status: 201, id: r.id, result: 'created' };
  }
  await refreshImage(tx, r.imageUrl, threshold);
  return outcome;
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
        const outcome = await retrying(ctx.db, (tx) => storeReport(tx, request.reporterId!, v.value, ctx.config.threshold));
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
