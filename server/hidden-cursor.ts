/**
 * The hide list's current cursor (last `hide_events.seq`), remembered for a short time so the
 * hot path (`If-None-Match` → 304) rarely touches the database. Local writes forget it at once;
 * other instances' writes show within `ttlMs` (≤ the list's Cache-Control max-age anyway).
 */
import type { Db } from './db';

export class HiddenCursor {
  private value = 0;
  private at = -Infinity;
  private pending: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  async current(): Promise<number> {
    if (this.ttlMs > 0 && performance.now() - this.at < this.ttlMs) return this.value;
    // One query for all the requests that arrive while it runs.
    this.pending ??= this.db
      .query<{ seq: number | string }>('SELECT coalesce(max(seq), 0) AS seq FROM hide_events')
      .then((r) => {
        this.value = Number(r.rows[0]!.seq);
        this.at = performance.now();
        return this.value;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  forget(): void {
    this.at = -Infinity;
  }
}
