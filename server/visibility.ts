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
 * `shouldHide` states the rule in TypeScript; `naqi_refresh_image` (migration 002) applies it.
 */
import { REASONS } from '../utils/reports/constants';
import type { Queryable } from './db';

export type ImageDecision = 'hide' | 'keep' | null;

export function shouldHide(decision: ImageDecision, reporters: number, threshold: number): boolean {
  return decision === 'hide' ? true : decision === 'keep' ? false : reporters >= threshold;
}

/**
 * Recount an image's distinct reporters and apply the rule (SQL function `naqi_refresh_image`,
 * migration 002, so the report write path can run it in the same round trip). The caller holds
 * the image row's lock (it inserted/updated it, or selected it FOR UPDATE) inside `tx`.
 * Returns whether the visible state changed.
 */
export async function refreshImage(tx: Queryable, imageUrl: string, threshold: number): Promise<boolean> {
  const r = await tx.query<{ changed: boolean }>('SELECT naqi_refresh_image($1, $2, $3) AS changed', [imageUrl, threshold, REASONS]);
  return r.rows[0]?.changed === true;
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
