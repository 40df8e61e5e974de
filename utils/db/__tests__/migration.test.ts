import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDb,
  countPending,
  DB_NAME,
  DB_VERSION,
  DbBlockedError,
  getDb,
  getReporterId,
  getSummaries,
  listReports,
  listReview,
  MIGRATIONS,
  openNaqiDb,
  submitReport,
  imageReportsRange,
} from '../index';
import { summarizeImage } from '../../reports/state';
import type { DecisionRecord, StoredReport } from '../../protocol';
import { createV1Database, sampleV1Data } from './fixtures/v1';
import { createV2Database } from './fixtures/v2';
import { dump, input, resetIndexedDb } from './helpers';

beforeEach(async () => {
  await closeDb();
  resetIndexedDb();
});
afterEach(async () => {
  await closeDb();
});

describe('schema', () => {
  it('is versioned from v1 with one upgrade function per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('a new database has every store, index and a reporter id', async () => {
    const db = await openNaqiDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['decisions', 'images', 'meta', 'reports']);
    const tx = db.transaction(['reports', 'images']);
    const reports = tx.objectStore('reports');
    expect([...reports.indexNames].sort()).toEqual(
      ['createdAt', 'imageUrl_reporterId', 'status_createdAt'].sort(),
    );
    expect(reports.index('imageUrl_reporterId').unique).toBe(true);
    expect([...tx.objectStore('images').indexNames].sort()).toEqual(
      ['lastAt', 'reporters_lastAt', 'status_lastAt', 'status_reporters_lastAt'].sort(),
    );
    await tx.done;
    expect(await getReporterId(db)).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
  });
});

describe('upgrade from a v1 database (raw IndexedDB fixture)', () => {
  it('keeps every report, decision and the reporter id, and builds the summaries', async () => {
    const data = sampleV1Data(400);
    await createV1Database(DB_NAME, data);

    const db = await openNaqiDb();
    expect(db.version).toBe(DB_VERSION);
    const reports = await db.getAll('reports');
    expect(reports).toHaveLength(data.reports.length);
    expect(reports.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(data.reports);
    expect(await db.getAll('decisions')).toEqual(data.decisions);
    expect(await getReporterId(db)).toBe('v1-reporter');

    // One summary per image, equal to a fresh rebuild.
    const images = await db.getAll('images');
    expect(images).toHaveLength(new Set(data.reports.map((r) => r.imageUrl)).size);
    for (const s of images) {
      const own = await db.getAllFromIndex('reports', 'imageUrl_reporterId', imageReportsRange(s.imageUrl));
      expect(s).toEqual(summarizeImage(s.imageUrl, own, await db.get('decisions', s.imageUrl)));
    }
    // The new indexes answer queries over the migrated data.
    const hidden = await listReview(db, { sort: 'reporters', status: 'hidden', limit: 10 }, 'v1-reporter', 3);
    expect(hidden.rows.map((r) => r.imageUrl)).toEqual(['https://www.maghress.com/img/0.jpg']);
    expect(await db.countFromIndex('reports', 'status_createdAt', IDBKeyRange.bound(['pending', 0], ['pending', Infinity]))).toBe(
      data.reports.filter((r) => r.status === 'pending').length,
    );
    db.close();
  });

  it('keeps working after the upgrade: new reports, one vote per reporter', async () => {
    const data = sampleV1Data(8);
    await createV1Database(DB_NAME, data);
    const db = await openNaqiDb();
    const first = data.reports[0];
    if (!first) throw new Error('fixture');
    const r = await submitReport(db, input({ imageUrl: first.imageUrl }), first.reporterId, Date.UTC(2025, 0, 1));
    expect(r.updated).toBe(true);
    expect(r.report.id).toBe(first.id);
    expect(await db.count('reports')).toBe(8);
    db.close();
  });

  it('a decision on an image without reports gets a summary row', async () => {
    await createV1Database(DB_NAME, {
      reports: [],
      decisions: [{ imageUrl: 'https://x.com/a.jpg', decision: 'hide', note: '', decidedAt: Date.UTC(2024, 0, 1) }],
      reporterId: 'v1',
    });
    const db = await openNaqiDb();
    expect((await getSummaries(db, ['https://x.com/a.jpg'])).get('https://x.com/a.jpg')).toMatchObject({ decision: 'hide', reporters: 0 });
    db.close();
  });

  it('reports db-blocked when an old connection holds the database, then recovers', async () => {
    await createV1Database(DB_NAME, sampleV1Data(4));
    // An old copy (e.g. a stale extension page) keeps v1 open and ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await expect(getDb()).rejects.toBeInstanceOf(DbBlockedError);
    old.close();
    // The promise was dropped on failure: the next call opens (and upgrades) again.
    await new Promise((r) => setTimeout(r, 20));
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('reports')).toBe(4);
  });

  it('getDb opens lazily once and shares the connection', async () => {
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    await closeDb();
    const c = await getDb();
    expect(c).not.toBe(a);
  });

  it('closes its connection when a newer version needs to upgrade', async () => {
    const db = await getDb();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, DB_VERSION + 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked: the old connection did not close'));
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    expect(db.objectStoreNames.length).toBeGreaterThan(0);
    // The shared promise was dropped; reopening at the older version is a VersionError
    // (mapped to 'db-error' by the background), never a hang.
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });
  });
});

describe('upgrade from a v2 database (raw IndexedDB fixture)', () => {
  /** v2 data as the v2 code left it: reports, a decision mirrored in statuses, summary rows. */
  function sampleV2Data(count: number) {
    const v1 = sampleV1Data(count);
    const reports = v1.reports as StoredReport[];
    const byImage = new Map<string, StoredReport[]>();
    for (const r of reports) byImage.set(r.imageUrl, [...(byImage.get(r.imageUrl) ?? []), r]);
    const decisionOf = new Map((v1.decisions as DecisionRecord[]).map((d) => [d.imageUrl, d]));
    const images = [...byImage].map(([url, own]) => summarizeImage(url, own, decisionOf.get(url)));
    return { ...v1, images };
  }
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  const byUrl = <T extends { imageUrl: string }>(list: T[]) => [...list].sort((a, b) => (a.imageUrl < b.imageUrl ? -1 : 1));

  it('keeps every record byte for byte and drops the indexes no query uses', async () => {
    const data = sampleV2Data(400);
    await createV2Database(DB_NAME, data);

    const db = await openNaqiDb();
    expect(db.version).toBe(DB_VERSION);
    const tx = db.transaction('reports');
    expect([...tx.store.indexNames].sort()).toEqual(['createdAt', 'imageUrl_reporterId', 'status_createdAt']);
    expect(tx.store.index('imageUrl_reporterId').unique).toBe(true);
    await tx.done;

    const after = await dump(db);
    // Same values, and the same serialisation (field order included), as v2 stored them.
    expect(JSON.stringify(byId(after.reports))).toBe(JSON.stringify(byId(data.reports)));
    expect(JSON.stringify(byUrl(after.decisions))).toBe(JSON.stringify(byUrl(data.decisions)));
    expect(JSON.stringify(byUrl(after.images))).toBe(JSON.stringify(byUrl(data.images)));
    expect(after.meta).toEqual([{ key: 'reporterId', value: 'v1-reporter' }]);
    db.close();
  });

  it('answers, from the remaining indexes, what the dropped ones did', async () => {
    const data = sampleV2Data(120);
    await createV2Database(DB_NAME, data);
    const db = await openNaqiDb();
    const pending = data.reports.filter((r) => r.status === 'pending');
    // The badge (was the `status` index).
    expect(await countPending(db)).toBe(pending.length);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.length).toBeLessThan(data.reports.length);
    // One image's reports (was the `imageUrl` index).
    const url = 'https://www.maghress.com/img/1.jpg';
    const own = await db.getAllFromIndex('reports', 'imageUrl_reporterId', imageReportsRange(url));
    expect(byId(own)).toEqual(byId(data.reports.filter((r) => r.imageUrl === url) as StoredReport[]));
    // The site filter (the `site` index was never read: the filter scans).
    const { total } = await listReports(db, { site: 'maghress', limit: 5 }, 'v1-reporter');
    expect(total).toBe(data.reports.filter((r) => r.site === 'maghress').length);
    // Writes keep the summary in step through the remaining index.
    const r = await submitReport(db, input({ imageUrl: url }), 'new-reader', Date.UTC(2025, 0, 1));
    expect(r.summary?.reporters).toBe(own.length + 1);
    expect(await countPending(db)).toBe(pending.length + 1);
    db.close();
  });
});
