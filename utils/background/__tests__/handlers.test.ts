import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fc from 'fast-check';
import { handleMessage, toErrorReply, type HandlerContext } from '../handlers';
import {
  broadcastImagesChanged,
  createMenus,
  getSettings,
  MENU_REPORT_IMAGE,
  onMenuClicked,
  refreshBadge,
  saveSettings,
  toggleReader,
} from '../actions';
import { DbBlockedError, openNaqiDb, QueryCache, type NaqiDb } from '../../db';
import { dump, input, resetIndexedDb } from '../../db/__tests__/helpers';
import { validateStoredReport } from '../../reports/validate';
import { REQUEST_TYPES, type AnyReply, type ErrorReply, type StoredReport } from '../../protocol';
import { SUPPORTED_HOST_PATTERNS } from '../../sites/host-patterns';

const EXT = 'test-extension-id';
const BASE = `chrome-extension://${EXT}/`;
const popup = { id: EXT, url: `${BASE}popup.html` };
const reviewTab = { id: EXT, url: `${BASE}review.html`, tab: { id: 9, url: `${BASE}review.html` } };
const content = { id: EXT, url: 'https://www.maghress.com/hespress/1', frameId: 0, tab: { id: 3, url: 'https://www.maghress.com/hespress/1' } };

const report = input();

let db: NaqiDb;
let ctx: HandlerContext;
let afterWrite: ReturnType<typeof vi.fn<() => void>>;
let clock = Date.UTC(2025, 0, 1);

beforeEach(async () => {
  fakeBrowser.reset();
  resetIndexedDb();
  db = await openNaqiDb();
  clock = Date.UTC(2025, 0, 1);
  afterWrite = vi.fn<() => void>();
  ctx = {
    getDb: () => Promise.resolve(db),
    now: () => (clock += 1000),
    version: () => '9.9.9',
    getSettings,
    saveSettings,
    afterWrite,
    toggleReader: vi.fn(async () => ({ injected: false })),
    loadExtractor: vi.fn(async () => {}),
    queryCache: new QueryCache(),
  };
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const send = (msg: unknown, ...sender: [unknown?]) =>
  handleMessage(msg, (sender.length ? sender[0] : popup) as never, ctx);

// Replies are checked field by field here; the typed reply map is exercised by tsc in the UI code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
function ok(reply: AnyReply): Loose {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply)}`);
  return reply as Loose;
}
function err(reply: AnyReply, code: string): ErrorReply {
  expect(reply.ok).toBe(false);
  const e = reply as ErrorReply;
  expect(e.error.code).toBe(code);
  return e;
}

describe('sender checks', () => {
  it('answers ping from any sender of this extension', async () => {
    for (const sender of [popup, reviewTab, content]) {
      expect(await send({ type: 'ping' }, sender)).toEqual({ ok: true, version: '9.9.9' });
    }
  });

  it.each([
    ['no sender', undefined],
    ['another extension', { ...popup, id: 'evil-extension' }],
    ['a web page (no id)', { url: 'https://evil.example/' }],
    ['an empty id', { ...content, id: '' }],
  ])('refuses %s with forbidden-sender, before reading the message', async (_label, sender) => {
    for (const type of REQUEST_TYPES) err(await send({ type }, sender), 'forbidden-sender');
    err(await send({ type: 'report.submit', report }, sender), 'forbidden-sender');
  });

  const pageOnly = REQUEST_TYPES.filter((t) => !['ping', 'report.submit', 'report.undo', 'images.state', 'settings.get', 'extractor.load'].includes(t));

  it('refuses page-only requests from content scripts', async () => {
    const valid: Record<string, unknown> = {
      'reports.list': { query: { limit: 10 } },
      'reports.delete': { ids: ['a'] },
      'reports.restore': { reports: [] },
      'review.list': { query: { sort: 'recent', limit: 10 } },
      'decision.set': { imageUrls: ['https://x.com/a.jpg'], decision: 'hide', note: '' },
      export: { format: 'json' },
      'import.preview': { text: '{}' },
      'import.apply': { text: '{}' },
      'settings.set': { settings: { threshold: 1 } },
      'reader.toggleActiveTab': {},
    };
    for (const type of pageOnly) {
      const reply = await send({ type, ...(valid[type] as object) }, content);
      expect(reply.ok).toBe(false);
      // reports.restore with [] is a bad-field before the sender check of pages.
      if (type !== 'reports.restore') err(reply, 'forbidden-sender');
    }
    expect(afterWrite).not.toHaveBeenCalled();
  });

  it('refuses a content script that claims an extension URL from a web tab', async () => {
    const forged = { id: EXT, url: `${BASE}review.html`, tab: { id: 3, url: 'https://www.maghress.com/' } };
    err(await send({ type: 'reports.list', query: { limit: 5 } }, forged), 'forbidden-sender');
    const forged2 = { id: EXT, url: 'https://www.maghress.com/', tab: { id: 3, url: `${BASE}review.html` } };
    err(await send({ type: 'reports.list', query: { limit: 5 } }, forged2), 'forbidden-sender');
    const noTabWebUrl = { id: EXT, url: 'https://www.maghress.com/' };
    err(await send({ type: 'reports.list', query: { limit: 5 } }, noTabWebUrl), 'forbidden-sender');
  });

  it('injects the generic extractor only into the asking content script\'s own tab and frame', async () => {
    ok(await send({ type: 'extractor.load' }, { ...content, frameId: 2 }));
    expect(ctx.loadExtractor).toHaveBeenCalledWith(3, 2);
    err(await send({ type: 'extractor.load' }, popup), 'forbidden-sender');
    expect(ctx.loadExtractor).toHaveBeenCalledTimes(1);
  });

  it('accepts page-only requests from the popup and from a review tab', async () => {
    ok(await send({ type: 'reports.list', query: { limit: 5 } }, popup));
    ok(await send({ type: 'reports.list', query: { limit: 5 } }, reviewTab));
    // Firefox may withhold tab.url: the extension sender URL decides.
    ok(await send({ type: 'reports.list', query: { limit: 5 } }, { ...reviewTab, tab: { id: 9 } }));
  });
});

describe('report flow', () => {
  it('content script reports → stored, blurred for me, listed in the popup, badge/broadcast triggered', async () => {
    const sub = ok(await send({ type: 'report.submit', report: { ...report, imageUrl: `${report.imageUrl}#x` } }, content));
    expect(sub.updated).toBe(false);
    expect(sub.state).toBe('blurred');
    expect(sub.report.imageUrl).toBe(report.imageUrl);
    expect(afterWrite).toHaveBeenCalledTimes(1);

    const states = ok(await send({ type: 'images.state', imageUrls: [`${report.imageUrl}#y`, 'https://x.com/other.jpg'] }, content));
    expect(states.states).toEqual({ [`${report.imageUrl}#y`]: 'blurred', 'https://x.com/other.jpg': 'visible' });

    const list = ok(await send({ type: 'reports.list', query: { limit: 10 } }));
    expect(list.total).toBe(1);
    expect(list.reports[0]).toEqual(sub.report);

    const again = ok(await send({ type: 'report.submit', report: { ...report, reason: 'hate' } }, content));
    expect(again.updated).toBe(true);
    expect(again.report.id).toBe(sub.report.id);
    expect(ok(await send({ type: 'reports.list', query: { limit: 10 } })).total).toBe(1);

    ok(await send({ type: 'report.undo', id: sub.report.id }, content));
    expect(ok(await send({ type: 'reports.list', query: { limit: 10 } })).total).toBe(0);
    err(await send({ type: 'report.undo', id: sub.report.id }, content), 'not-found');
  });

  it('an invalid report is refused and nothing is written', async () => {
    const before = await dump(db);
    const e = err(await send({ type: 'report.submit', report: { ...report, imageUrl: 'javascript:alert(1)' } }, content), 'bad-field');
    expect(e.error.field).toBe('report.imageUrl');
    expect(await dump(db)).toEqual(before);
    expect(afterWrite).not.toHaveBeenCalled();
  });

  it('threshold from settings; decisions apply at once', async () => {
    ok(await send({ type: 'settings.set', settings: { threshold: 2 } }));
    expect(ok(await send({ type: 'settings.get' }, content)).settings).toEqual({ threshold: 2 });
    ok(await send({ type: 'report.submit', report }, content));
    const other = { ...content, tab: { id: 4, url: content.tab.url } };
    ok(await send({ type: 'report.submit', report }, other)); // same install: same reporter
    expect(ok(await send({ type: 'review.list', query: { sort: 'reporters', limit: 10 } })).rows[0]).toMatchObject({
      imageUrl: report.imageUrl,
      reporters: 1,
      state: 'blurred',
      mine: true,
    });
    ok(await send({ type: 'decision.set', imageUrls: [report.imageUrl], decision: 'hide', note: 'مخالفة' }));
    expect(ok(await send({ type: 'images.state', imageUrls: [report.imageUrl] }, content)).states[report.imageUrl]).toBe('hidden');
    const rows = ok(await send({ type: 'review.list', query: { sort: 'recent', status: 'hidden', limit: 10 } })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: 'hide', decisionNote: 'مخالفة', state: 'hidden' });
  });
});

describe('lists stay consistent while writes land (cached totals are dropped on write)', () => {
  it('reports.list and review.list reflect each write at once, filtered or not', async () => {
    const queries = [
      { type: 'reports.list', query: { limit: 2 } },
      { type: 'reports.list', query: { limit: 2, status: 'pending' } },
      { type: 'reports.list', query: { limit: 2, reason: 'violence' } },
      { type: 'review.list', query: { sort: 'reporters', limit: 2 } },
      { type: 'review.list', query: { sort: 'recent', limit: 2, text: 'maghress' } },
    ];
    const totals = async () => Promise.all(queries.map(async (q) => ok(await send(q)).total as number));
    expect(await totals()).toEqual([0, 0, 0, 0, 0]);
    ok(await send({ type: 'report.submit', report }, content));
    expect(await totals()).toEqual([1, 1, 1, 1, 1]);
    ok(await send({ type: 'report.submit', report: { ...report, imageUrl: 'https://www.maghress.com/img/2.jpg' } }, content));
    expect(await totals()).toEqual([2, 2, 2, 2, 2]);
    // Page 2 of a cached filtered list.
    expect(ok(await send({ type: 'reports.list', query: { limit: 1, offset: 1, reason: 'violence' } })).reports).toHaveLength(1);
    ok(await send({ type: 'decision.set', imageUrls: [report.imageUrl], decision: 'hide', note: '' }));
    expect(await totals()).toEqual([2, 1, 2, 2, 2]);
    const all = ok(await send({ type: 'reports.list', query: { limit: 10 } })).reports as StoredReport[];
    ok(await send({ type: 'reports.delete', ids: all.map((r) => r.id) }));
    // The hidden image keeps its review row (its decision stays) with no reporters left.
    expect(await totals()).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('export / import through messages', () => {
  async function seed() {
    ok(await send({ type: 'report.submit', report }, content));
    ok(await send({ type: 'report.submit', report: { ...report, imageUrl: 'https://x.com/2.jpg', reason: 'other', note: '=cmd' } }, content));
    ok(await send({ type: 'decision.set', imageUrls: ['https://x.com/2.jpg'], decision: 'hide', note: '' }));
  }

  it('json export imports into a fresh profile; twice adds nothing', async () => {
    await seed();
    const exp = ok(await send({ type: 'export', format: 'json' }));
    expect(exp.mime).toBe('application/json');
    expect(exp.filename).toMatch(/^naqi-reports-\d{4}-\d{2}-\d{2}\.json$/);
    db.close();
    resetIndexedDb();
    db = await openNaqiDb();
    const preview = ok(await send({ type: 'import.preview', text: exp.text })).preview;
    expect(preview).toMatchObject({ newReports: 2, reporters: 1, alreadyPresent: 0, invalid: 0, decisions: 1, hiddenList: false });
    expect(ok(await send({ type: 'import.apply', text: exp.text }))).toEqual({ ok: true, added: 2, decisions: 1 });
    expect(ok(await send({ type: 'import.apply', text: exp.text }))).toEqual({ ok: true, added: 0, decisions: 0 });
    expect(ok(await send({ type: 'import.preview', text: exp.text })).preview).toMatchObject({ newReports: 0, alreadyPresent: 2 });
    const again = ok(await send({ type: 'export', format: 'json' }));
    expect(again.text.replace(/"exportedAt": "[^"]+"/, '')).toBe(exp.text.replace(/"exportedAt": "[^"]+"/, ''));
  });

  it('csv and hidden-list exports', async () => {
    await seed();
    const csv = ok(await send({ type: 'export', format: 'csv', query: { reason: 'other' } }));
    expect(csv.mime).toBe('text/csv;charset=utf-8');
    expect(csv.text.startsWith('\uFEFFid,')).toBe(true);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv.text).toContain(",'=cmd,");
    const hidden = ok(await send({ type: 'export', format: 'hidden-list' }));
    expect(JSON.parse(hidden.text).images.map((i: { imageUrl: string }) => i.imageUrl)).toEqual(['https://x.com/2.jpg']);
    expect(hidden.filename).toMatch(/^naqi-hidden-images-/);
  });

  it.each([
    ['corrupt', 'PK\u0003\u0004\u0000garbage', 'not-json'],
    ['truncated', '{"format":"naqi-reports","version":1,"reports":[{"id":"a"', 'truncated'],
    ['wrong format', '{"format":"other","version":1}', 'wrong-format'],
    ['wrong version', '{"format":"naqi-reports","version":7,"reports":[]}', 'wrong-version'],
    ['hostile', '{"format":"naqi-reports","version":1,"reports":[{"id":"x","imageUrl":"javascript:alert(1)"}]}', 'nothing-valid'],
    ['empty', '', 'empty'],
  ])('a %s file is refused by name and the database is unchanged', async (_label, text, detail) => {
    await seed();
    const before = await dump(db);
    afterWrite.mockClear();
    for (const type of ['import.preview', 'import.apply']) {
      const e = err(await send({ type, text }), 'bad-import');
      expect(e.error.detail).toBe(detail);
      expect(e.error.message.length).toBeGreaterThan(10);
    }
    expect(await dump(db)).toEqual(before);
    expect(afterWrite).not.toHaveBeenCalled();
  });

  it('delete with undo (restore) through messages', async () => {
    await seed();
    const before = await dump(db);
    const all = ok(await send({ type: 'reports.list', query: { limit: 10 } })).reports;
    const { deleted } = ok(await send({ type: 'reports.delete', ids: all.map((r: StoredReport) => r.id) }));
    expect(deleted).toHaveLength(2);
    expect(ok(await send({ type: 'reports.list', query: { limit: 10 } })).total).toBe(0);
    expect(ok(await send({ type: 'reports.restore', reports: deleted })).restored).toBe(2);
    expect(await dump(db)).toEqual(before);
  });
});

describe('errors reach the caller clearly', () => {
  it('quota exceeded: clear code, nothing written, no broadcast', async () => {
    const before = await dump(db);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const e = err(await send({ type: 'report.submit', report }, content), 'quota-exceeded');
    expect(e.error.message).toMatch(/full/i);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
    expect(afterWrite).not.toHaveBeenCalled();
  });

  it('blocked upgrade → db-blocked; other DB errors → db-error; bugs → internal', async () => {
    ctx.getDb = () => Promise.reject(new DbBlockedError());
    err(await send({ type: 'report.submit', report }, content), 'db-blocked');
    ctx.getDb = () => Promise.reject(new DOMException('x', 'VersionError'));
    err(await send({ type: 'images.state', imageUrls: [] }, content), 'db-error');
    expect(toErrorReply(new TypeError('oops')).error.code).toBe('internal');
  });

  it('reader toggle failure → tab-unavailable', async () => {
    ctx.toggleReader = () => toggleReader();
    err(await send({ type: 'reader.toggleActiveTab' }), 'tab-unavailable');
  });
});

describe('fuzz: forged and malformed messages through the whole background', () => {
  it('never throws, always answers, never stores an invalid record', async () => {
    const senders = fc.constantFrom<unknown>(content, popup, reviewTab, undefined, { id: 'x' }, { url: 'https://evil/' });
    const nearReport = fc.record(
      {
        imageUrl: fc.oneof(fc.webUrl({ withFragments: true }), fc.constantFrom('javascript:1', 'data:,', ''), fc.anything()),
        pageUrl: fc.oneof(fc.webUrl(), fc.anything()),
        pageTitle: fc.oneof(fc.string({ maxLength: 520 }), fc.anything()),
        site: fc.oneof(fc.constant(null), fc.constantFrom('maghress', 'BAD SITE'), fc.anything()),
        source: fc.oneof(fc.constant(null), fc.string(), fc.anything()),
        reason: fc.oneof(fc.constantFrom('hate', 'other', 'nope'), fc.anything()),
        note: fc.oneof(fc.string({ maxLength: 520 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const message = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constant('report.submit'), report: nearReport }),
      fc.record({ type: fc.constantFrom(...REQUEST_TYPES), id: fc.anything(), ids: fc.anything(), text: fc.anything(), imageUrls: fc.anything() }, { requiredKeys: ['type'] }),
      fc.record({ type: fc.constant('reports.restore'), reports: fc.array(fc.record({ id: fc.string(), imageUrl: fc.webUrl(), createdAt: fc.integer() })) }),
    );
    await fc.assert(
      fc.asyncProperty(message, senders, async (msg, sender) => {
        const reply = await send(msg, sender);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(typeof reply.error.code).toBe('string');
      }),
      { numRuns: 400 },
    );
    for (const r of await db.getAll('reports')) {
      const check = validateStoredReport(r);
      expect(check.ok).toBe(true);
      if (check.ok) expect(check.value).toEqual(r as StoredReport);
    }
  });
});

describe('import fuzz: mutated export files', () => {
  it('each is refused with a named problem (database unchanged) or applied whole', async () => {
    ok(await send({ type: 'report.submit', report }, content));
    const base = JSON.stringify({
      format: 'naqi-reports',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      reports: Array.from({ length: 6 }, (_, i) => ({
        id: `fz-${i}`,
        imageUrl: `https://www.maghress.com/img/f${i % 3}.jpg`,
        pageUrl: 'https://www.maghress.com/a/1',
        pageTitle: 'ت',
        site: 'maghress',
        source: null,
        reason: i % 2 ? 'hate' : 'other',
        note: i % 2 ? '' : 'ملاحظة',
        createdAt: Date.UTC(2025, 0, 1) + i,
        updatedAt: Date.UTC(2025, 0, 1) + i,
        reporterId: `fr-${i}`,
        status: 'pending',
      })),
      decisions: [{ imageUrl: 'https://www.maghress.com/img/f0.jpg', decision: 'hide', note: '', decidedAt: Date.UTC(2025, 0, 2) }],
    });
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('cut'), at: fc.nat(base.length) }),
      fc.record({ kind: fc.constant('splice'), at: fc.nat(base.length), del: fc.nat(12), insert: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant('byte'), at: fc.nat(base.length - 1), ch: fc.constantFrom('"', '{', ']', ',', '0', 'x', '\\', ':', ' ') }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let text = base;
        if (m.kind === 'cut') text = base.slice(0, m.at);
        else if (m.kind === 'splice') text = base.slice(0, m.at) + m.insert + base.slice(m.at + m.del);
        else text = base.slice(0, m.at) + m.ch + base.slice(m.at + 1);
        const before = await dump(db);
        const preview = await send({ type: 'import.preview', text });
        const applied = await send({ type: 'import.apply', text });
        if (!applied.ok) {
          expect(applied.error.code).toBe('bad-import');
          expect(applied.error.message.length).toBeGreaterThan(10);
          expect(preview.ok).toBe(false);
          expect(await dump(db)).toEqual(before);
        } else {
          const p = ok(preview).preview;
          expect(ok(applied).added).toBe(p.newReports);
          expect((await dump(db)).reports.length).toBe(before.reports.length + p.newReports);
          for (const r of await db.getAll('reports')) expect(validateStoredReport(r).ok).toBe(true);
          // Restore the starting point for the next run.
          db.close();
          resetIndexedDb();
          db = await openNaqiDb();
          ok(await send({ type: 'report.submit', report }, content));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('background actions', () => {
  it('settings default to threshold 3 and are clamped', async () => {
    expect(await getSettings()).toEqual({ threshold: 3 });
    await fakeBrowser.storage.local.set({ naqiSettings: { threshold: 99 } });
    expect(await getSettings()).toEqual({ threshold: 20 });
  });

  it('broadcast reaches every tab and the pages, ignoring failures', async () => {
    await fakeBrowser.tabs.create({ url: 'https://www.maghress.com/a' });
    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const rtSend = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await expect(broadcastImagesChanged()).resolves.toBeUndefined();
    expect(tabSend.mock.calls.length).toBe((await fakeBrowser.tabs.query({})).length);
    expect(tabSend).toHaveBeenCalledWith(expect.any(Number), { type: 'images.changed' });
    expect(rtSend).toHaveBeenCalledWith({ type: 'images.changed' });
  });

  it('badge shows the pending count', async () => {
    await refreshBadge(async () => 12);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('12');
    await refreshBadge(async () => 0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('toggle: message the content script when there is one', async () => {
    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    expect(await toggleReader({ id: 7 })).toEqual({ injected: false });
    expect(tabSend).toHaveBeenCalledWith(7, { type: 'reader.toggle' });
    expect(exec).not.toHaveBeenCalled();
  });

  it('toggle: inject the article script on an unsupported site, then open the reader', async () => {
    const tabSend = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue(undefined);
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    expect(await toggleReader({ id: 7 })).toEqual({ injected: true });
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/article.js'] });
    expect(tabSend).toHaveBeenLastCalledWith(7, { type: 'reader.open' });
  });

  it('toggle: a page where scripts cannot run is tab-unavailable', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(toggleReader({ id: 7 })).rejects.toMatchObject({ name: 'TabUnavailableError' });
  });

  it('context menu: created on supported hosts for images; click asks the tab to report', async () => {
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(MENU_REPORT_IMAGE);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('أبلغ عن هذه الصورة');
    await createMenus();
    expect(create).toHaveBeenCalledWith({
      id: MENU_REPORT_IMAGE,
      title: 'أبلغ عن هذه الصورة',
      contexts: ['image'],
      documentUrlPatterns: SUPPORTED_HOST_PATTERNS,
    });
    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await onMenuClicked({ menuItemId: MENU_REPORT_IMAGE, srcUrl: 'https://x.com/a.jpg', frameId: 2 }, { id: 5 });
    expect(tabSend).toHaveBeenCalledWith(5, { type: 'reader.reportImage', srcUrl: 'https://x.com/a.jpg' }, { frameId: 2 });
    tabSend.mockClear();
    await onMenuClicked({ menuItemId: MENU_REPORT_IMAGE, srcUrl: 'data:image/png,AAAA' }, { id: 5 });
    await onMenuClicked({ menuItemId: 'other', srcUrl: 'https://x.com/a.jpg' }, { id: 5 });
    expect(tabSend).not.toHaveBeenCalled();
  });
});
