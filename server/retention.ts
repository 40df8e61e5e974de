/**
 * Retention: reports of decided images are deleted `days` after the decision. The decision,
 * the image's hidden state and the audit log stay (they hold no reporter data).
 */
import type { Db } from './db';

export async function runRetention(db: Db, days: number): Promise<number> {
  return db.transaction(async (tx) => {
    const r = await tx.query(
      `DELETE FROM reports WHERE image_url IN (
         SELECT image_url FROM images WHERE decision IS NOT NULL AND decided_at < now() - make_interval(days => $1::int))`,
      [days],
    );
    if (r.rowCount > 0) {
      await tx.query(
        `UPDATE images SET reporters = 0
          WHERE decision IS NOT NULL AND decided_at < now() - make_interval(days => $1::int) AND reporters <> 0`,
        [days],
      );
    }
    return r.rowCount;
  });
}

/** Run now and then every `intervalMs`; returns a stop function. */
export function scheduleRetention(db: Db, days: number, intervalMs: number): () => void {
  const run = () =>
    runRetention(db, days).then(
      (n) => n > 0 && console.log(`retention: deleted ${n} reports of images decided more than ${days} days ago`),
      (err: unknown) => console.error('retention failed:', err),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
