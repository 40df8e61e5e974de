import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { applyImport, getReporterId, imageReportsRange, previewImport, setDecisions, submitReport, type NaqiDb } from '../index';
import { reportsExportText } from '../../reports/export';
import { summarizeImage } from '../../reports/state';
import { statusForDecision } from '../../reports/constants';
import type { DecisionRecord, StoredReport } from '../../protocol';
import { dump, freshDb, input, parsed, stored } from './helpers';

let db: NaqiDb;
const T0 = Date.UTC(2025, 0, 1);

beforeEach(async () => {
  db = await freshDb();
  await getReporterId(db);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Every summary row equals a rebuild from its image's reports, and every status mirrors its decision. */
async function expectConsistent() {
  const { reports, decisions, images } = await dump(db);
  const decisionOf = new Map(decisions.map((d) => [d.imageUrl, d]));
  for (const r of reports) expect(r.status).toBe(statusForDecision(decisionOf.get(r.imageUrl)?.decision ?? 'pending'));
  const urls = new Set([...reports.map((r) => r.imageUrl), ...decisions.filter((d) => d.decision !== 'pending').map((d) => d.imageUrl)]);
  expect(images.map((s) => s.imageUrl).sort()).toEqual([...urls].sort());
  for (const s of images) {
    const own = reports.filter((r) => r.imageUrl === s.imageUrl);
    expect(s).toEqual(summarizeImage(s.imageUrl, own, decisionOf.get(s.imageUrl)));
  }
}

describe('applyImport / previewImport: merging per image', () => {
  it('a report whose id is stored on another image is present; the rest of the file still merges', async () => {
    const local = stored({ imageUrl: 'https://x.com/a.jpg' });
    await applyImport(db, parsed(reportsExportText([local], [], new Date(T0))));
    const before = await db.get('reports', local.id);
    const clash = { ...stored({ imageUrl: 'https://x.com/b.jpg' }), id: local.id };
    const fresh = stored({ imageUrl: 'https://x.com/b.jpg' });
    const file = parsed(reportsExportText([clash, fresh], [], new Date(T0)));
    expect(await previewImport(db, file)).toMatchObject({ newReports: 1, alreadyPresent: 1 });
    expect(await applyImport(db, file)).toEqual({ added: 1, decisions: 0 });
    expect(await db.get('reports', local.id)).toEqual(before);
    expect(await db.count('reports')).toBe(2);
    expect((await db.get('images', 'https://x.com/b.jpg'))?.reporterIds).toEqual([fresh.reporterId]);
    await expectConsistent();
    expect(await applyImport(db, file)).toEqual({ added: 0, decisions: 0 });
  });

  it('adding to stored images under a newer decision re-marks their stored reports and rebuilds their summaries', async () => {
    const url = input().imageUrl;
    await submitReport(db, input(), 'a', T0);
    await submitReport(db, input(), 'b', T0 + 1);
    await submitReport(db, input({ imageUrl: 'https://x.com/other.jpg' }), 'a', T0 + 2);
    const file = parsed(
      reportsExportText(
        [stored({ imageUrl: url, reporterId: 'c' }), stored({ imageUrl: url, reporterId: 'a' }), stored({ imageUrl: 'https://x.com/new.jpg' })],
        [{ imageUrl: url, decision: 'hide', note: 'mod', decidedAt: T0 + 10 }],
        new Date(T0),
      ),
    );
    expect(await previewImport(db, file)).toMatchObject({ newReports: 2, alreadyPresent: 1, decisions: 1 });
    expect(await applyImport(db, file)).toEqual({ added: 2, decisions: 1 });
    const own = await db.getAllFromIndex('reports', 'imageUrl_reporterId', imageReportsRange(url));
    expect(own.map((r) => [r.reporterId, r.status])).toEqual([
      ['a', 'hidden'],
      ['b', 'hidden'],
      ['c', 'hidden'],
    ]);
    expect(await db.get('images', url)).toMatchObject({ reporters: 3, decision: 'hide', status: 'hidden' });
    await expectConsistent();
  });

  it('a newer pending decision on an image without reports drops its summary row', async () => {
    const url = 'https://x.com/listed.jpg';
    await setDecisions(db, [url], 'hide', '', T0);
    expect(await db.get('images', url)).toBeDefined();
    const file = parsed(JSON.stringify({ format: 'naqi-reports', version: 1, reports: [], decisions: [{ imageUrl: url, decision: 'pending', note: '', decidedAt: T0 + 1 }] }));
    expect(await applyImport(db, file)).toEqual({ added: 0, decisions: 1 });
    expect(await db.get('images', url)).toBeUndefined();
    await expectConsistent();
  });

  it('an add refused half-way (not a duplicate) writes nothing', async () => {
    await submitReport(db, input(), 'a', T0);
    const before = await dump(db);
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (++calls === 5) throw new DOMException('full', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const file = parsed(reportsExportText(Array.from({ length: 10 }, (_, i) => stored({ imageUrl: `https://x.com/${i % 3}.jpg` })), [], new Date(T0)));
    await expect(applyImport(db, file)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });

  it('agrees with a report-by-report model on random stores and files, and is idempotent', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://x.com/img/${i}.jpg`);
    const entry = fc.record({
      id: fc.integer({ min: 0, max: 30 }),
      img: fc.integer({ min: 0, max: urls.length - 1 }),
      reporter: fc.integer({ min: 0, max: 8 }),
      t: fc.integer({ min: 0, max: 40 }),
    });
    const decision = fc.record({
      img: fc.integer({ min: 0, max: urls.length - 1 }),
      decision: fc.constantFrom('hide' as const, 'keep' as const, 'pending' as const),
      t: fc.integer({ min: 0, max: 40 }),
    });
    const toReport = (e: { id: number; img: number; reporter: number; t: number }): StoredReport =>
      stored({
        id: `20000000-0000-4000-8000-${String(e.id).padStart(12, '0')}`,
        imageUrl: urls[e.img] as string,
        reporterId: `reader-${e.reporter}`,
        createdAt: T0 + e.t,
        updatedAt: T0 + e.t,
      });
    const toDecision = (d: { img: number; decision: DecisionRecord['decision']; t: number }): DecisionRecord => ({
      imageUrl: urls[d.img] as string,
      decision: d.decision,
      note: '',
      decidedAt: T0 + d.t,
    });
    const cases = fc.sample(
      fc.record({ before: fc.array(entry, { maxLength: 25 }), beforeDecisions: fc.array(decision, { maxLength: 3 }), file: fc.array(entry, { maxLength: 25 }), fileDecisions: fc.array(decision, { maxLength: 4 }) }),
      { seed: 42, numRuns: 40 },
    );
    for (const c of cases) {
      db.close();
      db = await freshDb();
      await applyImport(db, parsed(reportsExportText(c.before.map(toReport), [], new Date(T0))));
      for (const d of c.beforeDecisions.map(toDecision)) {
        if (d.decision !== 'pending') await setDecisions(db, [d.imageUrl], d.decision, d.note, d.decidedAt);
      }
      const file = parsed(reportsExportText(c.file.map(toReport), c.fileDecisions.map(toDecision), new Date(T0)));
      const start = await dump(db);
      // The model: a report is new unless its id is stored anywhere or its vote on its image.
      const ids = new Set(start.reports.map((r) => r.id));
      const votes = new Set(start.reports.map((r) => `${r.reporterId}\n${r.imageUrl}`));
      const expectedNew = file.reports.filter((r) => !ids.has(r.id) && !votes.has(`${r.reporterId}\n${r.imageUrl}`));
      const preview = await previewImport(db, file);
      expect(preview.newReports).toBe(expectedNew.length);
      expect(preview.alreadyPresent).toBe(file.reports.length - expectedNew.length);
      const result = await applyImport(db, file);
      expect(result.added).toBe(expectedNew.length);
      expect(result.decisions).toBe(preview.decisions);
      const after = await dump(db);
      const stripped = (list: StoredReport[]) => list.map(({ status: _s, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(stripped(after.reports)).toEqual(stripped([...start.reports, ...expectedNew]));
      await expectConsistent();
      expect(await applyImport(db, file)).toEqual({ added: 0, decisions: 0 });
      expect(await dump(db)).toEqual(after);
    }
  });
});
