/**
 * Repository: every database operation the background performs (merging an import is in
 * `merge.ts`). Rules kept throughout:
 * - one transaction per operation, so a write is whole or absent (never half-written);
 * - only IDB requests are awaited inside a transaction (settings, time and reporter id are
 *   read before it starts);
 * - `finish()` awaits the work together with `tx.done` and aborts the transaction if the work
 *   failed, so a bug or a failed put can neither leak an unhandled rejection nor commit a part.
 *
 * Query strategy for large databases (100,000 reports):
 * - Unfiltered or status-only lists walk an index backwards with a cursor (`createdAt`,
 *   `[status, createdAt]`, `images.[reporters, lastAt]`…), `advance(offset)` past earlier pages
 *   and read `limit` rows; `total` is a `count()` (of the store when unfiltered, which Chrome
 *   answers faster than an index). Nothing else is loaded.
 * - Lists filtered by reason / site / text / mine scan the store in chunks of 1,000 with
 *   `getAll(range, 1000)` (about 20× faster than a cursor in Chrome), keep only the sort key and
 *   primary key of each match, sort those, and read the page's rows with `get`. Memory stays at
 *   one chunk plus the matches' keys.
 * - `QueryCache` keeps totals and filtered key lists until the next write, so paging through
 *   the same list does not count or scan again.
 * Measured in headless Chromium with 100,000 reports on 25,000 images: a first page takes
 * ~0.3 s (mostly the count), the next pages a few ms; a filtered review or text search ~1 s
 * for its first page.
 * - The review page never aggregates reports at query time: each write refreshes the `images`
 *   summary row of the images it touched (`syncImage`), inside the same transaction.
 */
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type {
  DecisionRecord,
  ReportFilter,
  ReportInput,
  ReportQuery,
  ReviewQuery,
  ReviewRow,
  StoredReport,
} from '../protocol';
import { statusForDecision, type Decision } from '../reports/constants';
import {
  compareReportsNewestFirst,
  compareSummaries,
  isEmptyFilter,
  isStatusOnlyFilter,
  matchesReport,
  matchesSummary,
} from '../reports/filter';
import { stateOfSummary, summarizeImage } from '../reports/state';
import {
  imageReportsRange,
  newId,
  REPORTER_ID_KEY,
  statusRange,
  type ImageSummary,
  type NaqiDb,
  type NaqiSchema,
  type StoreName,
} from './schema';

export type RwTx = IDBPTransaction<NaqiSchema, StoreName[], 'readwrite'>;

export interface FinishableTx {
  readonly done: Promise<void>;
  readonly error: DOMException | null;
  abort(): void;
}

/** Await `work` and the transaction's end; on any failure abort (nothing commits) and rethrow the cause. */
export async function finish<T>(tx: FinishableTx, work: Promise<T>): Promise<T> {
  try {
    const [value] = await Promise.all([work, tx.done]);
    return value;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    // tx.done would reject with an AbortError once aborted: silence it, the cause is thrown below.
    tx.done.catch(() => undefined);
    let cause: DOMException | null = null;
    try {
      cause = tx.error;
    } catch {
      /* InvalidStateError while still active */
    }
    throw cause ?? err;
  }
}

/**
 * Start one IDB request per item, then await them all. If starting one throws synchronously
 * (a put refused at once, e.g. QuotaExceededError), the requests already started would reject
 * later with AbortError and nobody listening: they are silenced here (the transaction aborts
 * anyway) and the error is rethrown.
 */
export function issueEach<I, R>(items: Iterable<I>, start: (item: I, index: number) => Promise<R>): Promise<R[]> {
  const started: Promise<R>[] = [];
  let i = 0;
  try {
    for (const item of items) started.push(start(item, i++));
  } catch (err) {
    for (const p of started) p.catch(() => undefined);
    return Promise.reject(err);
  }
  return Promise.all(started);
}

// ---------------------------------------------------------------------------------------------
// Meta
// ---------------------------------------------------------------------------------------------

/** This install's reporter id (created with the database; recreated if a fixture lacks it). */
export async function getReporterId(db: NaqiDb): Promise<string> {
  const existing = await db.get('meta', REPORTER_ID_KEY);
  if (existing) return existing.value;
  const tx = db.transaction('meta', 'readwrite');
  return finish(
    tx,
    (async () => {
      const again = await tx.store.get(REPORTER_ID_KEY);
      if (again) return again.value;
      const value = newId();
      await tx.store.put({ key: REPORTER_ID_KEY, value });
      return value;
    })(),
  );
}

// ---------------------------------------------------------------------------------------------
// Keeping reports' status and the images summary in step
// ---------------------------------------------------------------------------------------------

export const WRITE_STORES: StoreName[] = ['reports', 'decisions', 'images'];

/**
 * Make the image's reports mirror its decision and rewrite its summary row (or delete the row
 * when nothing is left). Runs inside the caller's readwrite transaction.
 */
export async function syncImage(tx: RwTx, imageUrl: string): Promise<ImageSummary | undefined> {
  const reportsStore = tx.objectStore('reports');
  const reports = await reportsStore.index('imageUrl_reporterId').getAll(imageReportsRange(imageUrl));
  const decision = await tx.objectStore('decisions').get(imageUrl);
  const current = mirrorDecision(reports, decision);
  await issueEach(
    current.filter((r, i) => r !== reports[i]),
    (r) => reportsStore.put(r),
  );
  return writeSummary(tx, imageUrl, current, decision);
}

/** The image's reports with their status set from its decision (unchanged ones are the same objects). */
export function mirrorDecision(reports: readonly StoredReport[], decision: DecisionRecord | undefined): StoredReport[] {
  const status = statusForDecision(decision?.decision ?? 'pending');
  return reports.map((r) => (r.status === status ? r : { ...r, status }));
}

/**
 * Rewrite the image's summary row from all its (status-mirrored) reports and its decision, or
 * delete the row when there is nothing left to list (no report, no decision other than pending).
 */
export async function writeSummary(
  tx: RwTx,
  imageUrl: string,
  reports: readonly StoredReport[],
  decision: DecisionRecord | undefined,
): Promise<ImageSummary | undefined> {
  const images = tx.objectStore('images');
  if (reports.length === 0 && (!decision || decision.decision === 'pending')) {
    await images.delete(imageUrl);
    return undefined;
  }
  const summary = summarizeImage(imageUrl, reports, decision);
  await images.put(summary);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

export interface SubmitResult {
  report: StoredReport;
  updated: boolean;
  summary: ImageSummary | undefined;
}

/** Store a reader's report; the same reporter reporting the same image again updates it (one vote). */
export async function submitReport(db: NaqiDb, input: ReportInput, reporterId: string, now: number): Promise<SubmitResult> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const reports = tx.objectStore('reports');
      const existing = await reports.index('imageUrl_reporterId').get([input.imageUrl, reporterId]);
      const decision = await tx.objectStore('decisions').get(input.imageUrl);
      const report: StoredReport = {
        id: existing?.id ?? newId(),
        ...input,
        createdAt: existing?.createdAt ?? now,
        updatedAt: Math.max(now, existing?.createdAt ?? now),
        reporterId,
        status: statusForDecision(decision?.decision ?? 'pending'),
      };
      await reports.put(report);
      const summary = await syncImage(tx, input.imageUrl);
      return { report, updated: existing !== undefined, summary };
    })(),
  );
}

/** Delete one of this reporter's reports (Undo after reporting). Null when there is none. */
export async function undoOwnReport(db: NaqiDb, id: string, reporterId: string): Promise<StoredReport | null> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const reports = tx.objectStore('reports');
      const report = await reports.get(id);
      if (!report || report.reporterId !== reporterId) return null;
      await reports.delete(id);
      await syncImage(tx, report.imageUrl);
      return report;
    })(),
  );
}

/** Delete reports by id; returns the deleted ones (for Undo via `restoreReports`). */
export async function deleteReports(db: NaqiDb, ids: readonly string[]): Promise<StoredReport[]> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const reports = tx.objectStore('reports');
      const found = (await issueEach(new Set(ids), (id) => reports.get(id))).filter(
        (r): r is StoredReport => r !== undefined,
      );
      await issueEach(found, (r) => reports.delete(r.id));
      await issueEach(new Set(found.map((r) => r.imageUrl)), (url) => syncImage(tx, url));
      return found;
    })(),
  );
}

/**
 * Put deleted reports back exactly (Undo). A report whose reporter has since re-reported the
 * same image under another id is skipped (one vote). Status follows the current decision.
 */
export async function restoreReports(db: NaqiDb, list: readonly StoredReport[]): Promise<number> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const reports = tx.objectStore('reports');
      const pairs = reports.index('imageUrl_reporterId');
      const owners = await issueEach(list, (r) => pairs.getKey([r.imageUrl, r.reporterId]));
      const seen = new Set<string>();
      const toPut = list.filter((r, i) => {
        const owner = owners[i];
        const vote = `${r.reporterId}\n${r.imageUrl}`;
        if ((owner !== undefined && owner !== r.id) || seen.has(vote)) return false;
        seen.add(vote);
        return true;
      });
      // A restored id may overwrite a report of another image: that image's summary changes too.
      const previous = await issueEach(toPut, (r) => reports.get(r.id));
      await issueEach(toPut, (r) => reports.put({ ...r }));
      const touched = new Set([...toPut.map((r) => r.imageUrl), ...previous.flatMap((p) => (p ? [p.imageUrl] : []))]);
      await issueEach(touched, (url) => syncImage(tx, url));
      return toPut.length;
    })(),
  );
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

export async function setDecisions(
  db: NaqiDb,
  imageUrls: readonly string[],
  decision: Decision,
  note: string,
  now: number,
): Promise<number> {
  const urls = [...new Set(imageUrls)];
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const decisions = tx.objectStore('decisions');
      await issueEach(urls, (imageUrl) => decisions.put({ imageUrl, decision, note, decidedAt: now }));
      await issueEach(urls, (url) => syncImage(tx, url));
      return urls.length;
    })(),
  );
}

/** Summary rows of the given (normalised) image URLs; absent ones are missing from the map. */
export async function getSummaries(db: NaqiDb, imageUrls: readonly string[]): Promise<Map<string, ImageSummary>> {
  const urls = [...new Set(imageUrls)];
  const tx = db.transaction('images');
  const rows = await finish(tx, issueEach(urls, (u) => tx.store.get(u)));
  const out = new Map<string, ImageSummary>();
  rows.forEach((row) => {
    if (row) out.set(row.imageUrl, row);
  });
  return out;
}

/**
 * Pending reports, counted up to `atMost` (the badge shows "999+" beyond 999). Capped because
 * a `count()` walks every entry: with 100,000 reports it held IndexedDB for most of a second
 * after every write, and a popup opened meanwhile waited behind it. Past the cap one key
 * cursor stops at the `atMost`-th entry.
 */
export async function countPending(db: NaqiDb, atMost = Infinity): Promise<number> {
  const tx = db.transaction('reports');
  const index = tx.store.index('status_createdAt');
  const range = statusRange('pending');
  return finish(
    tx,
    (async () => {
      if (atMost !== Infinity) {
        const first = await index.openKeyCursor(range);
        if (!first) return 0;
        const last = atMost > 1 ? await first.advance(atMost - 1) : first;
        if (last) return atMost;
      }
      return index.count(range);
    })(),
  );
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

const CHUNK = 1000;

/** Visit every value of a store in primary-key order, `CHUNK` values per request. */
async function scanChunks<N extends 'reports' | 'images'>(
  store: IDBPObjectStore<NaqiSchema, StoreName[], N, IDBTransactionMode>,
  keyOf: (value: NaqiSchema[N]['value']) => string,
  visit: (value: NaqiSchema[N]['value']) => void,
): Promise<void> {
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = (await store.getAll(range, CHUNK)) as NaqiSchema[N]['value'][];
    for (const value of batch) visit(value);
    const last = batch[batch.length - 1];
    if (batch.length < CHUNK || last === undefined) return;
    range = IDBKeyRange.lowerBound(keyOf(last), true);
  }
}

/**
 * Totals and the ordered keys of filtered lists, reused while nothing was written. The
 * background is the only writer, so it calls `bump()` after every write; a result computed
 * across a bump is not stored. Counting an index in Chrome walks it (~0.3 s per 100,000
 * entries), and a filtered list needs a full scan: with this cache, scrolling through pages of
 * the same list costs one cursor walk or a few `get`s per page.
 */
export class QueryCache {
  private generation = 0;
  private readonly entries = new Map<string, { total: number; keys?: string[] }>();
  constructor(private readonly maxEntries = 8) {}

  bump(): void {
    this.generation++;
    this.entries.clear();
  }
  start(): number {
    return this.generation;
  }
  get(key: string): { total: number; keys?: string[] } | undefined {
    return this.entries.get(key);
  }
  set(key: string, startedAt: number, value: { total: number; keys?: string[] }): void {
    if (startedAt !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

function filterKey(kind: string, f: ReportFilter & { sort?: string }): string {
  return JSON.stringify([kind, f.status ?? null, f.reason ?? null, f.site ?? null, f.text ?? null, !!f.mine, f.sort ?? null]);
}

export async function listReports(
  db: NaqiDb,
  query: ReportQuery,
  reporterId: string,
  cache: QueryCache = new QueryCache(),
): Promise<{ reports: StoredReport[]; total: number }> {
  const offset = query.offset ?? 0;
  const key = filterKey('reports', query);
  const startedAt = cache.start();
  const cached = cache.get(key);
  const tx = db.transaction('reports');
  return finish(
    tx,
    (async () => {
      if (isStatusOnlyFilter(query)) {
        const status = query.status;
        const range = status !== undefined ? statusRange(status) : undefined;
        const index = status !== undefined ? tx.store.index('status_createdAt') : tx.store.index('createdAt');
        const total = cached?.total ?? (status !== undefined ? await index.count(range) : await tx.store.count());
        cache.set(key, startedAt, { total });
        const reports: StoredReport[] = [];
        if (offset >= total) return { reports, total };
        let cursor = await index.openCursor(range, 'prev');
        if (cursor && offset > 0) cursor = await cursor.advance(offset);
        while (cursor && reports.length < query.limit) {
          reports.push(cursor.value);
          cursor = await cursor.continue();
        }
        return { reports, total };
      }
      let keys = cached?.keys;
      if (!keys) {
        // Keep only (createdAt, id) of matches: memory stays small even when most reports match.
        const matches: Array<{ createdAt: number; id: string }> = [];
        await scanChunks(
          tx.store,
          (r) => r.id,
          (r) => {
            if (matchesReport(r, query, reporterId)) matches.push({ createdAt: r.createdAt, id: r.id });
          },
        );
        matches.sort(compareReportsNewestFirst);
        keys = matches.map((m) => m.id);
        cache.set(key, startedAt, { total: keys.length, keys });
      }
      const page = await issueEach(keys.slice(offset, offset + query.limit), (id) => tx.store.get(id));
      return { reports: page.filter((r): r is StoredReport => r !== undefined), total: keys.length };
    })(),
  );
}

export function toReviewRow(s: ImageSummary, reporterId: string, threshold: number): ReviewRow {
  return {
    imageUrl: s.imageUrl,
    reporters: s.reporters,
    reasons: { ...s.reasons },
    pages: s.pages.map((p) => ({ ...p })),
    sites: [...s.sites],
    sources: [...s.sources],
    firstAt: s.firstAt,
    lastAt: s.lastAt,
    decision: s.decision,
    decisionNote: s.decisionNote,
    decidedAt: s.decidedAt,
    state: stateOfSummary(s, reporterId, threshold),
    mine: s.reporterIds.includes(reporterId),
  };
}

export async function listReview(
  db: NaqiDb,
  query: ReviewQuery,
  reporterId: string,
  threshold: number,
  cache: QueryCache = new QueryCache(),
): Promise<{ rows: ReviewRow[]; total: number }> {
  const offset = query.offset ?? 0;
  const key = filterKey('review', query);
  const startedAt = cache.start();
  const cached = cache.get(key);
  const tx = db.transaction('images');
  const { summaries, total } = await finish(
    tx,
    (async () => {
      if (isStatusOnlyFilter(query)) {
        const s = query.status;
        const summaries: ImageSummary[] = [];
        const [indexName, range] =
          query.sort === 'reporters'
            ? s !== undefined
              ? (['status_reporters_lastAt', IDBKeyRange.bound([s, -Infinity, -Infinity], [s, Infinity, Infinity])] as const)
              : (['reporters_lastAt', undefined] as const)
            : s !== undefined
              ? (['status_lastAt', statusRange(s)] as const)
              : (['lastAt', undefined] as const);
        const index = tx.store.index(indexName);
        const total = cached?.total ?? (s !== undefined ? await index.count(range) : await tx.store.count());
        cache.set(key, startedAt, { total });
        if (offset >= total) return { summaries, total };
        let cursor = await index.openCursor(range, 'prev');
        if (cursor && offset > 0) cursor = await cursor.advance(offset);
        while (cursor && summaries.length < query.limit) {
          summaries.push(cursor.value);
          cursor = await cursor.continue();
        }
        return { summaries, total };
      }
      let keys = cached?.keys;
      if (!keys) {
        const matches: Array<Pick<ImageSummary, 'imageUrl' | 'reporters' | 'lastAt'>> = [];
        await scanChunks(
          tx.store,
          (row) => row.imageUrl,
          (row) => {
            if (matchesSummary(row, query, reporterId)) {
              matches.push({ imageUrl: row.imageUrl, reporters: row.reporters, lastAt: row.lastAt });
            }
          },
        );
        matches.sort(compareSummaries(query.sort));
        keys = matches.map((m) => m.imageUrl);
        cache.set(key, startedAt, { total: keys.length, keys });
      }
      const page = await issueEach(keys.slice(offset, offset + query.limit), (url) => tx.store.get(url));
      return { summaries: page.filter((row): row is ImageSummary => row !== undefined), total: keys.length };
    })(),
  );
  return { rows: summaries.map((s) => toReviewRow(s, reporterId, threshold)), total };
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** Reports matching the filter (all when empty) and the decisions on their images (all when unfiltered). */
export async function exportData(
  db: NaqiDb,
  filter: ReportFilter,
  reporterId: string,
): Promise<{ reports: StoredReport[]; decisions: DecisionRecord[] }> {
  const tx = db.transaction(['reports', 'decisions']);
  return finish(
    tx,
    (async () => {
      const decisionsStore = tx.objectStore('decisions');
      if (isEmptyFilter(filter)) {
        const reports = await tx.objectStore('reports').getAll();
        const decisions = await decisionsStore.getAll();
        return { reports, decisions };
      }
      const reports: StoredReport[] = [];
      await scanChunks(
        tx.objectStore('reports'),
        (r) => r.id,
        (r) => {
          if (matchesReport(r, filter, reporterId)) reports.push(r);
        },
      );
      const urls = [...new Set(reports.map((r) => r.imageUrl))];
      const decisions = (await issueEach(urls, (u) => decisionsStore.get(u))).filter(
        (d): d is DecisionRecord => d !== undefined,
      );
      return { reports, decisions };
    })(),
  );
}

export async function allDecisions(db: NaqiDb): Promise<DecisionRecord[]> {
  return db.getAll('decisions');
}
