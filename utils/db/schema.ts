/**
 * IndexedDB schema of Naqi, versioned. Each version has ONE upgrade function in `MIGRATIONS`
 * (index = version - 1); opening runs every function from the stored version up to
 * `DB_VERSION`, inside the single versionchange transaction, so a database created by any
 * earlier version arrives at the current shape with every record kept.
 *
 * To add version N+1: append a function to MIGRATIONS (never edit an old one), bump nothing
 * else (DB_VERSION derives from the list), and add a fixture test that builds a version-N
 * database with the raw IndexedDB API and opens it.
 *
 * v1 — reports (by imageUrl, status, createdAt, site, [imageUrl, reporterId] unique),
 *      decisions (keyed by imageUrl), meta (reporterId).
 * v2 — reports index [status, createdAt] (newest-first lists per status);
 *      `images`: one summary row per reported image (distinct reporters, reasons, pages,
 *      decision), maintained in the same transaction as every write, so the review page pages
 *      through images with an index instead of aggregating 100,000 reports per query.
 * v3 — reports lose the indexes `imageUrl`, `status` and `site`: every report write updated
 *      six indexes, and no query needs these three (an import of 10,000 reports wrote 30,000
 *      index entries for them). An image's reports are a range of `[imageUrl, reporterId]`,
 *      pending reports a range of `[status, createdAt]`, and the site filter scans the store.
 *      Records are untouched.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DecisionRecord, PageRef, StoredReport } from '../protocol';
import type { Decision, Reason, ReportStatus } from '../reports/constants';
import { summarizeImage } from '../reports/state';

export const DB_NAME = 'naqi';

/** One row per image that has reports or a decision. Derived data: rebuilt from reports. */
export interface ImageSummary {
  imageUrl: string;
  /** Distinct reporter ids (one report per reporter and image). */
  reporterIds: string[];
  reporters: number;
  reasons: Partial<Record<Reason, number>>;
  /** Distinct page URLs, newest first, at most 20. */
  pages: PageRef[];
  sites: string[];
  sources: string[];
  firstAt: number;
  lastAt: number;
  decision: Decision;
  decisionNote: string;
  decidedAt: number | null;
  status: ReportStatus;
  /** Lower-cased text searched by the review filter (URLs, titles, notes, sources). */
  search: string;
}

export interface MetaRecord {
  key: string;
  value: string;
}

export interface NaqiSchema extends DBSchema {
  reports: {
    key: string;
    value: StoredReport;
    indexes: {
      createdAt: number;
      imageUrl_reporterId: [string, string];
      status_createdAt: [string, number];
    };
  };
  decisions: {
    key: string;
    value: DecisionRecord;
  };
  meta: {
    key: string;
    value: MetaRecord;
  };
  images: {
    key: string;
    value: ImageSummary;
    indexes: {
      lastAt: number;
      reporters_lastAt: [number, number];
      status_lastAt: [string, number];
      status_reporters_lastAt: [string, number, number];
    };
  };
}

export type NaqiDb = IDBPDatabase<NaqiSchema>;
export type StoreName = StoreNames<NaqiSchema>;
export type UpgradeTx = IDBPTransaction<NaqiSchema, StoreName[], 'versionchange'>;

/**
 * What migrations see: the current stores plus the indexes earlier versions had (v1's
 * `imageUrl`, `status`, `site`). Kept out of `NaqiSchema` so no current query can use them.
 */
interface AnyVersionSchema extends DBSchema {
  reports: {
    key: string;
    value: StoredReport;
    indexes: NaqiSchema['reports']['indexes'] & { imageUrl: string; status: string; site: string };
  };
  decisions: NaqiSchema['decisions'];
  meta: NaqiSchema['meta'];
  images: NaqiSchema['images'];
}
type MigrationDb = IDBPDatabase<AnyVersionSchema>;
type MigrationTx = IDBPTransaction<AnyVersionSchema, StoreNames<AnyVersionSchema>[], 'versionchange'>;
export type Migration = (db: MigrationDb, tx: MigrationTx) => void | Promise<void>;

export const REPORTER_ID_KEY = 'reporterId';

/** Key range of one image's reports in the `[imageUrl, reporterId]` index (any reporter id). */
export function imageReportsRange(imageUrl: string): IDBKeyRange {
  // Arrays sort after strings, so [url, []] is above every [url, reporterId]; [url] below.
  return IDBKeyRange.bound([imageUrl], [imageUrl, []]);
}

/** Key range of one status in an index keyed `[status, time]`: reports' `[status, createdAt]`, images' `[status, lastAt]`. */
export function statusRange(status: ReportStatus): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, Infinity]);
}

export function newId(): string {
  return crypto.randomUUID();
}

export const MIGRATIONS: readonly Migration[] = [
  // v1
  (db, tx) => {
    const reports = db.createObjectStore('reports', { keyPath: 'id' });
    reports.createIndex('imageUrl', 'imageUrl');
    reports.createIndex('status', 'status');
    reports.createIndex('createdAt', 'createdAt');
    reports.createIndex('site', 'site');
    reports.createIndex('imageUrl_reporterId', ['imageUrl', 'reporterId'], { unique: true });
    db.createObjectStore('decisions', { keyPath: 'imageUrl' });
    db.createObjectStore('meta', { keyPath: 'key' });
    return tx
      .objectStore('meta')
      .put({ key: REPORTER_ID_KEY, value: newId() })
      .then(() => undefined);
  },
  // v2
  async (db, tx) => {
    tx.objectStore('reports').createIndex('status_createdAt', ['status', 'createdAt']);
    const images = db.createObjectStore('images', { keyPath: 'imageUrl' });
    images.createIndex('lastAt', 'lastAt');
    images.createIndex('reporters_lastAt', ['reporters', 'lastAt']);
    images.createIndex('status_lastAt', ['status', 'lastAt']);
    images.createIndex('status_reporters_lastAt', ['status', 'reporters', 'lastAt']);

    // Backfill: walk reports grouped by image (the imageUrl index orders them), one summary per
    // group, so memory holds one image's reports at a time. Only IDB work is awaited here.
    const decisions = new Map<string, DecisionRecord>();
    for (const d of await tx.objectStore('decisions').getAll()) decisions.set(d.imageUrl, d);
    const store = tx.objectStore('images');
    const writes: Promise<unknown>[] = [];
    let failure: unknown = null;
    // Handle each write's rejection at once (no unhandled rejection while the cursor runs);
    // a failed put aborts the versionchange transaction anyway, so openDB rejects.
    const track = (p: Promise<unknown>) => writes.push(p.catch((err: unknown) => (failure ??= err)));
    let current: string | null = null;
    let group: StoredReport[] = [];
    const flush = () => {
      if (current === null) return;
      track(store.put(summarizeImage(current, group, decisions.get(current))));
      decisions.delete(current);
    };
    let cursor = await tx.objectStore('reports').index('imageUrl').openCursor();
    while (cursor) {
      if (cursor.value.imageUrl !== current) {
        flush();
        current = cursor.value.imageUrl;
        group = [];
      }
      group.push(cursor.value);
      cursor = await cursor.continue();
    }
    flush();
    // Decisions on images nobody reported here (e.g. an imported hidden-images list).
    for (const d of decisions.values()) {
      if (d.decision !== 'pending') track(store.put(summarizeImage(d.imageUrl, [], d)));
    }
    await Promise.all(writes);
    if (failure) throw failure;
  },
  // v3
  (_db, tx) => {
    const reports = tx.objectStore('reports');
    reports.deleteIndex('imageUrl');
    reports.deleteIndex('status');
    reports.deleteIndex('site');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Run every migration from `oldVersion` (0 for a new database) up to `newVersion`. */
export async function runMigrations(db: NaqiDb, oldVersion: number, newVersion: number, tx: UpgradeTx): Promise<void> {
  for (let v = oldVersion; v < newVersion; v++) {
    const migration = MIGRATIONS[v];
    if (!migration) throw new Error(`No migration to database version ${v + 1}`);
    // The same connection and transaction, seen with the indexes older versions had.
    await migration(db as unknown as MigrationDb, tx as unknown as MigrationTx);
  }
}
