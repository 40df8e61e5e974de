import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  applyImport,
  countPending,
  deleteReports,
  exportData,
  getReporterId,
  getSummaries,
  imageReportsRange,
  listReports,
  listReview,
  previewImport,
  restoreReports,
  setDecisions,
  submitReport,
  undoOwnReport,
  type NaqiDb,
} from '../index';
import { hiddenListText, reportsExportText } from '../../reports/export';
import { stateOfSummary } from '../../reports/state';
import { compareReportsNewestFirst, compareSummaries, matchesReport, matchesSummary } from '../../reports/filter';
import { REASONS, type ReportFilter, type StoredReport } from '../../protocol';
import { dump, freshDb, input, parsed, stored } from './helpers';

let db: NaqiDb;
let me: string;
const T0 = Date.UTC(2025, 0, 1);

beforeEach(async () => {
  db = await freshDb();
  me = await getReporterId(db);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

async function stateOf(url: string, threshold = 3) {
  const s = (await getSummaries(db, [url])).get(url);
  return stateOfSummary(s, me, threshold);
}

describe('reporter id', () => {
  it('is created with the database and stays the same', async () => {
    expect(me).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getReporterId(db)).toBe(me);
    expect((await db.get('meta', 'reporterId'))?.value).toBe(me);
  });
});

describe('submitReport: one reporter, one vote', () => {
  it('stores a complete report', async () => {
    const { report, updated, summary } = await submitReport(db, input(), me, T0);
    expect(updated).toBe(false);
    expect(report).toMatchObject({ ...input(), createdAt: T0, updatedAt: T0, reporterId: me, status: 'pending' });
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.get('reports', report.id)).toEqual(report);
    expect(summary).toMatchObject({ reporters: 1, reporterIds: [me] });
    expect(await stateOf(report.imageUrl)).toBe('blurred');
  });

  it('updates the same reporter\'s report on the same image', async () => {
    const first = await submitReport(db, input({ reason: 'hate' }), me, T0);
    const second = await submitReport(db, input({ reason: 'privacy', note: 'changed' }), me, T0 + 5000);
    expect(second.updated).toBe(true);
    expect(second.report.id).toBe(first.report.id);
    expect(second.report).toMatchObject({ reason: 'privacy', note: 'changed', createdAt: T0, updatedAt: T0 + 5000 });
    expect(await db.count('reports')).toBe(1);
    expect(second.summary).toMatchObject({ reporters: 1, reasons: { privacy: 1 } });
  });

  it('counts another image or another reporter separately', async () => {
    await submitReport(db, input(), me, T0);
    await submitReport(db, input({ imageUrl: 'https://www.maghress.com/img/2.jpg' }), me, T0);
    await submitReport(db, input(), 'someone-else', T0);
    expect(await db.count('reports')).toBe(3);
    expect((await getSummaries(db, [input().imageUrl])).get(input().imageUrl)?.reporters).toBe(2);
  });

  it('20 simultaneous reports of the same image by 20 readers are all stored exactly once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => submitReport(db, input(), `reader-${i}`, T0 + i)));
    expect(await db.count('reports')).toBe(20);
    expect((await getSummaries(db, [input().imageUrl])).get(input().imageUrl)?.reporters).toBe(20);
  });

  it('20 simultaneous reports by one reader leave one vote', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => submitReport(db, input({ note: `n${i}` }), me, T0 + i)));
    expect(await db.count('reports')).toBe(1);
  });
});

describe('threshold and decisions', () => {
  const url = input().imageUrl;

  it('hides an image once distinct reporters reach the threshold', async () => {
    await submitReport(db, input(), 'a', T0);
    expect(await stateOf(url)).toBe('visible');
    await submitReport(db, input(), 'b', T0);
    expect(await stateOf(url)).toBe('visible');
    await submitReport(db, input(), 'b', T0 + 1); // same reader again: still 2
    expect(await stateOf(url)).toBe('visible');
    await submitReport(db, input(), 'c', T0);
    expect(await stateOf(url)).toBe('hidden');
    expect(await stateOf(url, 4)).toBe('visible');
    expect(await stateOf(url, 1)).toBe('hidden');
  });

  it('merged (imported) reports count towards the threshold', async () => {
    await submitReport(db, input(), me, T0);
    const others = [stored({ imageUrl: url }), stored({ imageUrl: url })];
    await applyImport(db, parsed(reportsExportText(others, [], new Date())));
    expect(await stateOf(url)).toBe('hidden');
  });

  it('counts pending reports up to a cap: exact below it, the cap at or above it, decided ones never', async () => {
    for (const who of ['a', 'b', 'c', 'd']) await submitReport(db, input({ imageUrl: `${url}?${who}` }), who, T0);
    await submitReport(db, input({ imageUrl: 'https://img.example/decided.jpg' }), 'e', T0);
    await setDecisions(db, ['https://img.example/decided.jpg'], 'hide', '', T0 + 1);
    expect(await countPending(db)).toBe(4);
    expect(await countPending(db, 10)).toBe(4);
    expect(await countPending(db, 5)).toBe(4);
    expect(await countPending(db, 4)).toBe(4);
    expect(await countPending(db, 3)).toBe(3);
    expect(await countPending(db, 1)).toBe(1);
    await setDecisions(db, [`${url}?a`, `${url}?b`, `${url}?c`, `${url}?d`], 'keep', '', T0 + 2);
    expect(await countPending(db, 3)).toBe(0);
  });

  it('a decision sets the status of every report of the image, and back to pending', async () => {
    await submitReport(db, input(), 'a', T0);
    await submitReport(db, input(), 'b', T0);
    expect(await countPending(db)).toBe(2);
    await setDecisions(db, [url], 'hide', 'nsfw', T0 + 10);
    expect((await db.getAll('reports')).map((r) => r.status)).toEqual(['hidden', 'hidden']);
    expect(await db.get('decisions', url)).toEqual({ imageUrl: url, decision: 'hide', note: 'nsfw', decidedAt: T0 + 10 });
    expect(await stateOf(url)).toBe('hidden');
    expect(await countPending(db)).toBe(0);
    await setDecisions(db, [url], 'keep', '', T0 + 20);
    expect(await stateOf(url, 1)).toBe('visible');
    expect((await db.getAll('reports')).map((r) => r.status)).toEqual(['kept', 'kept']);
    await setDecisions(db, [url], 'pending', '', T0 + 30);
    expect(await countPending(db)).toBe(2);
    // A new report on a decided image takes the decision's status.
    await setDecisions(db, [url], 'hide', '', T0 + 40);
    const { report } = await submitReport(db, input(), 'c', T0 + 50);
    expect(report.status).toBe('hidden');
  });

  it('a decision on an image nobody reported still hides it', async () => {
    await setDecisions(db, ['https://x.com/never.jpg'], 'hide', '', T0);
    expect(await stateOf('https://x.com/never.jpg')).toBe('hidden');
  });
});

describe('undo, delete, restore', () => {
  it('undo deletes only this reporter\'s report', async () => {
    const mine = await submitReport(db, input(), me, T0);
    const theirs = await submitReport(db, input(), 'other', T0);
    expect(await undoOwnReport(db, theirs.report.id, me)).toBeNull();
    expect(await undoOwnReport(db, 'missing', me)).toBeNull();
    expect(await undoOwnReport(db, mine.report.id, me)).toEqual(mine.report);
    expect(await db.count('reports')).toBe(1);
    expect(await stateOf(input().imageUrl)).toBe('visible');
  });

  it('delete then restore puts the very same reports back', async () => {
    const a = await submitReport(db, input(), me, T0);
    const b = await submitReport(db, input({ imageUrl: 'https://x.com/b.jpg' }), me, T0);
    const before = await dump(db);
    const deleted = await deleteReports(db, [a.report.id, b.report.id, 'missing']);
    expect(deleted).toHaveLength(2);
    expect(await db.count('reports')).toBe(0);
    expect(await db.count('images')).toBe(0);
    expect(await restoreReports(db, deleted)).toBe(2);
    expect(await dump(db)).toEqual(before);
  });

  it('restore skips a report whose reporter re-reported the image meanwhile', async () => {
    const a = await submitReport(db, input(), me, T0);
    const [deleted] = await deleteReports(db, [a.report.id]);
    await submitReport(db, input(), me, T0 + 1);
    expect(await restoreReports(db, [deleted as StoredReport])).toBe(0);
    expect(await db.count('reports')).toBe(1);
  });
});

describe('quota exceeded and failed writes', () => {
  it('a put that throws QuotaExceededError leaves nothing written', async () => {
    await submitReport(db, input({ imageUrl: 'https://x.com/first.jpg' }), me, T0);
    const before = await dump(db);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(submitReport(db, input(), me, T0)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });

  it('a failure on the summary write (after the report put) rolls the report back too', async () => {
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (this.name === 'images') throw new DOMException('full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(submitReport(db, input(), me, T0)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await db.count('reports')).toBe(0);
    expect(await db.count('images')).toBe(0);
  });

  it('an import that fails half-way writes nothing', async () => {
    await submitReport(db, input(), me, T0);
    const before = await dump(db);
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (++calls === 5) throw new DOMException('full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const file = reportsExportText(Array.from({ length: 10 }, (_, i) => stored({ imageUrl: `https://x.com/${i}.jpg` })), [], new Date());
    await expect(applyImport(db, parsed(file))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });
});

describe('export and import', () => {
  async function seed() {
    await submitReport(db, input(), me, T0);
    await submitReport(db, input({ imageUrl: 'https://x.com/2.jpg', reason: 'other', note: 'قال "لا", ثم' }), me, T0 + 1);
    await submitReport(db, input(), 'r2', T0 + 2);
    await setDecisions(db, ['https://x.com/2.jpg'], 'hide', 'مخالفة', T0 + 3);
  }

  it('JSON export → import into a fresh profile restores the same reports and decisions', async () => {
    await seed();
    const { reports, decisions } = await exportData(db, {}, me);
    const text = reportsExportText(reports, decisions, new Date(T0));
    const other = await freshDb();
    const result = await applyImport(other, parsed(text));
    expect(result).toEqual({ added: 3, decisions: 1 });
    const again = await exportData(other, {}, await getReporterId(other));
    expect(reportsExportText(again.reports, again.decisions, new Date(T0))).toBe(text);
    expect((await dump(other)).images).toEqual((await dump(db)).images);
    other.close();
  });

  it('filtered export holds only matching reports and their decisions', async () => {
    await seed();
    const { reports, decisions } = await exportData(db, { reason: 'other' }, me);
    expect(reports.map((r) => r.imageUrl)).toEqual(['https://x.com/2.jpg']);
    expect(decisions.map((d) => d.imageUrl)).toEqual(['https://x.com/2.jpg']);
  });

  it('import is idempotent: the same file twice adds nothing', async () => {
    const file = reportsExportText([stored(), stored(), stored({ imageUrl: 'https://x.com/z.jpg' })], [], new Date());
    expect(await previewImport(db, parsed(file))).toMatchObject({ newReports: 3, reporters: 3, alreadyPresent: 0, invalid: 0 });
    expect(await applyImport(db, parsed(file))).toEqual({ added: 3, decisions: 0 });
    const after = await dump(db);
    expect(await previewImport(db, parsed(file))).toMatchObject({ newReports: 0, reporters: 0, alreadyPresent: 3 });
    expect(await applyImport(db, parsed(file))).toEqual({ added: 0, decisions: 0 });
    expect(await dump(db)).toEqual(after);
  });

  it('preview counts new, present, invalid and reporters, and writes nothing', async () => {
    const present = stored();
    await applyImport(db, parsed(reportsExportText([present], [], new Date())));
    const before = await dump(db);
    const file = JSON.stringify({
      format: 'naqi-reports',
      version: 1,
      exportedAt: new Date().toISOString(),
      reports: [present, stored({ reporterId: 'x1' }), stored({ reporterId: 'x1', imageUrl: 'https://x.com/q.jpg' }), { id: 'bad' }],
      decisions: [{ imageUrl: 'https://x.com/q.jpg', decision: 'hide', note: '', decidedAt: T0 }],
    });
    const preview = await previewImport(db, parsed(file));
    expect(preview).toEqual({
      newReports: 2,
      reporters: 1,
      alreadyPresent: 1,
      invalid: 1,
      decisions: 1,
      hiddenList: false,
      problems: [expect.stringContaining('reports[3]')],
    });
    expect(await dump(db)).toEqual(before);
  });

  it('a report whose reporter already voted on the image (other id) counts as present', async () => {
    await submitReport(db, input(), 'reader-x', T0);
    const file = reportsExportText([stored({ reporterId: 'reader-x' })], [], new Date());
    expect(await previewImport(db, parsed(file))).toMatchObject({ newReports: 0, alreadyPresent: 1 });
    expect(await applyImport(db, parsed(file))).toEqual({ added: 0, decisions: 0 });
  });

  it('decisions merge: a newer decision wins, an older one is ignored', async () => {
    const url = input().imageUrl;
    await setDecisions(db, [url], 'keep', 'local', T0 + 100);
    const older = JSON.stringify({ format: 'naqi-reports', version: 1, reports: [], decisions: [{ imageUrl: url, decision: 'hide', note: 'old', decidedAt: T0 }] });
    expect(await applyImport(db, parsed(older))).toEqual({ added: 0, decisions: 0 });
    expect((await db.get('decisions', url))?.decision).toBe('keep');
    const newer = older.replace(`"decidedAt":${T0}`, `"decidedAt":${T0 + 200}`);
    expect(await applyImport(db, parsed(newer))).toEqual({ added: 0, decisions: 1 });
    expect((await db.get('decisions', url))?.decision).toBe('hide');
    expect(await applyImport(db, parsed(newer))).toEqual({ added: 0, decisions: 0 });
  });

  it('a hidden-images list hides those images for this reader', async () => {
    await submitReport(db, input(), 'someone', T0);
    const list = hiddenListText([{ imageUrl: input().imageUrl, decision: 'hide', note: 'mod', decidedAt: T0 + 1 }], new Date());
    const p = parsed(list);
    expect(await previewImport(db, p)).toMatchObject({ hiddenList: true, decisions: 1, newReports: 0 });
    await applyImport(db, p);
    expect(await stateOf(input().imageUrl)).toBe('hidden');
    expect((await db.getAll('reports'))[0]?.status).toBe('hidden');
  });
});

describe('lists: index paths and scan paths agree with a naive implementation', () => {
  const urls = Array.from({ length: 12 }, (_, i) => `https://x.com/img/${i}.jpg`);

  async function seedRandom(seed: number) {
    const rnd = fc.sample(
      fc.record({
        img: fc.integer({ min: 0, max: urls.length - 1 }),
        reporter: fc.integer({ min: 0, max: 15 }),
        reason: fc.constantFrom(...REASONS),
        site: fc.constantFrom('maghress', 'hespress', null),
        t: fc.integer({ min: 0, max: 50 }),
        title: fc.constantFrom('سياسة', 'Économie', 'sport'),
      }),
      { seed, numRuns: 150 },
    );
    for (const r of rnd) {
      await submitReport(
        db,
        input({
          imageUrl: urls[r.img] as string,
          reason: r.reason,
          note: r.reason === 'other' ? 'note' : '',
          site: r.site,
          pageTitle: r.title,
        }),
        r.reporter === 0 ? me : `reader-${r.reporter}`,
        T0 + r.t * 1000,
      );
    }
    await setDecisions(db, urls.slice(0, 3), 'hide', '', T0 + 99_000);
    await setDecisions(db, urls.slice(3, 5), 'keep', '', T0 + 99_000);
  }

  const filters: ReportFilter[] = [
    {},
    { status: 'pending' },
    { status: 'hidden' },
    { status: 'kept' },
    { reason: 'hate' },
    { site: 'hespress' },
    { text: 'سياسة' },
    { text: 'économie' },
    { mine: true },
    { status: 'pending', reason: 'violence', site: 'maghress' },
  ];

  it('reports.list', async () => {
    await seedRandom(7);
    const all = await db.getAll('reports');
    for (const f of filters) {
      const expected = all.filter((r) => matchesReport(r, f, me)).sort(compareReportsNewestFirst);
      for (const [offset, limit] of [[0, 500], [0, 7], [5, 10], [expected.length - 2, 5], [1000, 5]] as const) {
        const { reports, total } = await listReports(db, { ...f, limit, offset: Math.max(0, offset) }, me);
        expect(total).toBe(expected.length);
        expect(reports).toEqual(expected.slice(Math.max(0, offset), Math.max(0, offset) + limit));
      }
    }
  });

  it('review.list', async () => {
    await seedRandom(11);
    const summaries = await db.getAll('images');
    for (const sort of ['reporters', 'recent'] as const) {
      for (const f of filters) {
        const expected = summaries.filter((s) => matchesSummary(s, f, me)).sort(compareSummaries(sort));
        for (const [offset, limit] of [[0, 500], [0, 3], [2, 4]] as const) {
          const { rows, total } = await listReview(db, { ...f, sort, limit, offset }, me, 3);
          expect(total).toBe(expected.length);
          expect(rows.map((r) => r.imageUrl)).toEqual(expected.slice(offset, offset + limit).map((s) => s.imageUrl));
        }
      }
    }
    const { rows } = await listReview(db, { sort: 'reporters', limit: 500 }, me, 3);
    for (const row of rows) {
      const reports = (await db.getAllFromIndex('reports', 'imageUrl_reporterId', imageReportsRange(row.imageUrl))) as StoredReport[];
      expect(row.reporters).toBe(new Set(reports.map((r) => r.reporterId)).size);
      expect(row.mine).toBe(reports.some((r) => r.reporterId === me));
      expect(Object.values(row.reasons).reduce((a, b) => a + (b ?? 0), 0)).toBe(reports.length);
    }
  });

  it('keeps the summary rows equal to a rebuild from reports after mixed writes', async () => {
    await seedRandom(3);
    const some = (await db.getAll('reports')).slice(0, 20);
    const deleted = await deleteReports(db, some.map((r) => r.id));
    await restoreReports(db, deleted.slice(0, 10));
    const { summarizeImage } = await import('../../reports/state');
    for (const s of await db.getAll('images')) {
      const reports = await db.getAllFromIndex('reports', 'imageUrl_reporterId', imageReportsRange(s.imageUrl));
      expect(s).toEqual(summarizeImage(s.imageUrl, reports, await db.get('decisions', s.imageUrl)));
    }
  });
});
