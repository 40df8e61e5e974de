/**
 * Whether an image is hidden, and the hide list's change feed.
 *
 * Rule (docs/community-api.md, "Threshold and decisions"):
 * - no decision (new, or set back to "pending"): hidden while distinct reporters ≥ threshold;
 * - "hide": hidden whatever the count; "keep": visible whatever the count — a kept image is
 *   never hidden again automatically, by the same reports or new ones, until a moderator
 *   changes the decision (new reports still show in the review queue).
 *
 * Every flip appends a row to `hide_events`. Writers take one advisory lock before appending, so
 * sequence numbers are committed in order and a reader never skips an event behind its cursor.
 */
import { REASONS } from '../utils/reports/constants';
import type { Queryable } from './db';

const HIDE_EVENTS_LOCK = 7_261_002;

export type ImageDecision = 'hide' | 'keep' | null;

export function shouldHide(decision: ImageDecision, reporters: number, threshold: number): boolean {
  return decision === 'hide' ? true : decision === 'keep' ? false : reporters >= threshold;
}

/**
 * Recount an image's distinct reporters and apply the rule. The caller holds the image row's
 * lock (it inserted/updated it, or selected it FOR UPDATE) inside `tx`.
 * Returns whether the visible state changed.
 */
export async function refreshImage(tx: Queryable, imageUrl: string, threshold: number): Promise<boolean> {
  const r = await tx.query<{ decision: ImageDecision; hidden: boolean; reporters: number }>(
    `UPDATE images SET reporters = (SELECT count(*) FROM reports WHERE image_url = $1)
     WHERE image_url = $1 RETURNING decision, hidden, reporters`,
    [imageUrl],
  );
  const row = r.rows[0];
  if (!row) return false;
  const hide = shouldHide(row.decision, Number(row.reporters), threshold);
  if (hide === row.hidden) return false;
  const reason = hide ? await topReason(tx, imageUrl) : null;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [HIDE_EVENTS_LOCK]);
  const ev = await tx.query<{ at: Date }>(
    'INSERT INTO hide_events (image_url, hidden, reason) VALUES ($1, $2, $3) RETURNING at',
    [imageUrl, hide, reason],
  );
  await tx.query('UPDATE images SET hidden = $2, hidden_reason = $3, hidden_at = $4 WHERE image_url = $1', [
    imageUrl,
    hide,
    reason,
    hide ? ev.rows[0]!.at : null,
  ]);
  return true;
}

/** The most given reason among an image's reports (ties: the dialog's order); "other" when none. */
async function topReason(tx: Queryable, imageUrl: string): Promise<string> {
  const r = await tx.query<{ reason: string }>(
    `SELECT reason FROM reports WHERE image_url = $1 GROUP BY reason
     ORDER BY count(*) DESC, array_position($2::text[], reason) LIMIT 1`,
    [imageUrl, REASONS],
  );
  return r.rows[0]?.reason ?? 'other';
}

/** Re-apply the rule to every undecided image (the threshold may have changed since last start). */
export async function reconcileAll(tx: Queryable, threshold: number): Promise<number> {
  const r = await tx.query<{ image_url: string }>(
    `SELECT image_url FROM images WHERE decision IS NULL AND hidden <> (reporters >= $1)
     ORDER BY image_url FOR UPDATE`,
    [threshold],
  );
  let changed = 0;
  for (const row of r.rows) if (await refreshImage(tx, row.image_url, threshold)) changed++;
  return changed;
}
