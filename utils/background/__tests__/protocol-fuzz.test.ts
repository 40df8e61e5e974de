/**
 * Property-based attack on the background's message handler (handleMessage in ../handlers.ts),
 * with fake senders: content scripts (top frame, sub-frames, about:blank, odd URLs), the popup,
 * a review tab (Chrome and Firefox shapes), another extension, a web page, and nothing at all.
 *
 * Messages are random values, and near-valid ones: a valid request of every type with one or
 * more mutations (wrong types, huge strings, non-http URLs, missing and extra fields,
 * prototype-pollution keys, hostile objects), sent as-is or after a JSON round trip (which is how
 * own `__proto__` keys arrive). Properties:
 *  - the handler never throws or rejects, and answers every message with a well-formed reply:
 *    `{ ok: false, error: { code, message } }` with a known code (never `internal`), or the
 *    valid reply of that request type;
 *  - nothing from another extension, a web page or no sender is read or written;
 *  - content scripts never get a page-only request through (list, delete, restore, review,
 *    decide, export, import, settings.set, toggle), never see or change other reporters' reports;
 *  - the database is consistent after every run: every stored record passes the validator of
 *    stored records (tests/unit/hostile/db-checks.ts), the derived image rows are exact;
 *  - nothing pollutes Object.prototype.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fc from 'fast-check';
import { handleMessage, type HandlerContext } from '../handlers';
import { getSettings, saveSettings } from '../actions';
import { openNaqiDb, QueryCache, type NaqiDb } from '../../db';
import { resetIndexedDb } from '../../db/__tests__/helpers';
import {
  CONTENT_SCRIPT_TYPES,
  DECISIONS,
  EXPORT_FORMATS,
  IMAGE_STATES,
  REASONS,
  REPORT_STATUSES,
  REQUEST_TYPES,
  REVIEW_SORTS,
  type AnyReply,
  type RequestType,
} from '../../protocol';
import { isRecord, validateStoredReport } from '../../reports/validate';
import { reportsExportText } from '../../reports/export';
import { dumpText, expectConsistentDb, expectNoPrototypePollution } from '../../../tests/unit/hostile/db-checks';

const EXT = 'test-extension-id';
const BASE = `chrome-extension://${EXT}/`;
const PAGE = 'https://www.maghress.com/hespress/1';

// ---------------------------------------------------------------------------------------------
// Senders
// ---------------------------------------------------------------------------------------------

const popup = { id: EXT, url: `${BASE}popup.html` };
const reviewTab = { id: EXT, url: `${BASE}review.html`, tab: { id: 9, url: `${BASE}review.html` } };
/** Firefox without the "tabs" permission withholds tab.url. */
const reviewTabFirefox = { id: EXT, url: `${BASE}review.html`, tab: { id: 9 } };
const PAGE_SENDERS = [popup, reviewTab, reviewTabFirefox];

/** Content scripts: sender.url is the frame's (web) URL, set by the browser. */
const contentSender = fc.record({
  id: fc.constant(EXT),
  url: fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      PAGE,
      'about:blank',
      'about:srcdoc',
      'data:text/html,<p>x</p>',
      'blob:https://www.maghress.com/5f0c',
      'https://evil.example/chrome-extension://test-extension-id/review.html',
      `${BASE.slice(0, -1)}.evil.example/review.html`,
      BASE.toUpperCase() + 'review.html',
    ),
  ),
  frameId: fc.nat(20),
  tab: fc.record(
    { id: fc.nat(1000), url: fc.oneof(fc.webUrl(), fc.constant(PAGE), fc.constant(undefined)) },
    { requiredKeys: ['id'] },
  ),
});

/** Not this extension: refused before the message is even read. */
const FOREIGN_SENDERS: unknown[] = [
  undefined,
  null,
  {},
  { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/bg.html' },
  { id: 'some-other-extension', url: `${BASE}review.html` },
  { id: '', url: `${BASE}popup.html` },
  { id: EXT.toUpperCase(), url: `${BASE}popup.html` },
  { id: ` ${EXT}`, url: `${BASE}popup.html` },
  { url: 'https://evil.example/', origin: 'https://evil.example' },
  { url: `${BASE}review.html`, tab: { id: 9, url: `${BASE}review.html` } },
  { id: [EXT] },
  { id: { toString: () => EXT } },
];

type SenderKind = 'page' | 'content' | 'foreign';
const sender: fc.Arbitrary<{ kind: SenderKind; value: unknown }> = fc.oneof(
  fc.constantFrom(...PAGE_SENDERS).map((value) => ({ kind: 'page' as const, value })),
  contentSender.map((value) => ({ kind: 'content' as const, value })),
  fc.constantFrom(...FOREIGN_SENDERS).map((value) => ({ kind: 'foreign' as const, value })),
);

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const T0 = Date.UTC(2024, 0, 1);
const webUrl = fc.webUrl({ withFragments: true, withQueryParameters: true });
const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  `${BASE}review.html`,
  'about:blank',
  'blob:https://www.maghress.com/1',
  'http://',
  'https://',
  'https:///nohost',
  '//www.maghress.com/a.jpg',
  '/a.jpg',
  'a.jpg',
  `https://www.maghress.com/${'a'.repeat(3000)}.jpg`,
  `https://www.maghress.com/${'%'.repeat(1000)}`,
  'http://[::1',
  'ftp://www.maghress.com/a.jpg',
  'ws://www.maghress.com/a',
  '\u0000https://www.maghress.com/a.jpg',
  'https://www.maghress.com/a.jpg\u0000',
  'https:\\\\www.maghress.com\\a.jpg',
  'https://user:pass@www.maghress.com/a.jpg',
  'https://www.xn--mgbh0fb.example/صورة.jpg',
  'https://www.maghress.com/a.jpg#<script>',
];
const hostileUrl = fc.constantFrom(...HOSTILE_URLS);
const hugeString = fc.constantFrom(501, 2049, 100_000, 1_000_000).map((n) => 'ن'.repeat(n));
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'ok', 'error'];

/** A value an attacker might put anywhere. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  // No sparse arrays here: holes are a known validation gap, tested on their own below.
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  hugeString,
  hostileUrl,
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 2 ** 31, '', ' ', null, undefined, [], {}, true, false),
  fc.constantFrom<unknown>(
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true,"ok":true}}'),
    { constructor: { prototype: { polluted: true } } },
    Object.create(null),
    [[[[[[[[[[[]]]]]]]]]]],
    new Array(1_000_000),
  ),
);

const reportId = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
/** Free text as a reader or moderator may type it, and as an attacker would: controls, bidi overrides, markup. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, 60) }),
    fc.constantFrom('\u0000\u0007note\u001b[31m', '\u202Eevil\u202C', '  padded  ', '<img src=x onerror=alert(1)>', '=HYPERLINK("https://evil.example")', '\r\n\t', '\uFEFF'),
  );
const reportInput = fc
  .record({
    imageUrl: webUrl,
    pageUrl: webUrl,
    pageTitle: text(500),
    site: fc.constantFrom(null, 'maghress', 'hespress', 'le360'),
    source: fc.option(text(200), { nil: null }),
    reason: fc.constantFrom(...REASONS),
    note: text(500),
  })
  .map((r) => (r.reason === 'other' && r.note.trim() === '' ? { ...r, note: 'سبب آخر' } : r));
const storedReport = fc
  .record({
    id: reportId,
    report: reportInput,
    createdAt: fc.integer({ min: T0, max: T0 + 1e10 }),
    age: fc.nat(1e9),
    reporterId: reportId,
    status: fc.constantFrom(...REPORT_STATUSES),
  })
  .map(({ report, age, ...r }) => ({ ...r, ...report, updatedAt: r.createdAt + age }));
const filter = fc.record(
  {
    status: fc.constantFrom(...REPORT_STATUSES),
    reason: fc.constantFrom(...REASONS),
    site: fc.constantFrom('maghress', 'hespress'),
    text: text(200),
    mine: fc.boolean(),
  },
  { requiredKeys: [] },
);

const validMessage: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>({ type: 'ping' }, { type: 'settings.get' }, { type: 'reader.toggleActiveTab' }, { type: 'extractor.load' }),
  reportInput.map((report) => ({ type: 'report.submit', report })),
  reportId.map((id) => ({ type: 'report.undo', id })),
  fc.array(webUrl, { maxLength: 20 }).map((imageUrls) => ({ type: 'images.state', imageUrls })),
  fc.tuple(filter, fc.integer({ min: 1, max: 500 }), fc.option(fc.nat(100))).map(([f, limit, offset]) => ({
    type: 'reports.list',
    query: { ...f, limit, ...(offset === null ? {} : { offset }) },
  })),
  fc.tuple(filter, fc.constantFrom(...REVIEW_SORTS), fc.integer({ min: 1, max: 500 })).map(([f, sort, limit]) => ({ type: 'review.list', query: { ...f, sort, limit } })),
  fc.array(reportId, { minLength: 1, maxLength: 10 }).map((ids) => ({ type: 'reports.delete', ids })),
  fc.array(storedReport, { minLength: 1, maxLength: 5 }).map((reports) => ({ type: 'reports.restore', reports })),
  fc
    .tuple(fc.array(webUrl, { minLength: 1, maxLength: 5 }), fc.constantFrom(...DECISIONS), text(500))
    .map(([imageUrls, decision, note]) => ({ type: 'decision.set', imageUrls, decision, note })),
  fc.tuple(fc.constantFrom(...EXPORT_FORMATS), fc.option(filter)).map(([format, query]) => ({ type: 'export', format, ...(query ? { query } : {}) })),
  fc
    .tuple(fc.constantFrom('import.preview', 'import.apply'), fc.array(storedReport, { maxLength: 5 }))
    .map(([type, reports]) => ({ type, text: reportsExportText(reports, [], new Date(T0)) })),
  fc.integer({ min: 1, max: 20 }).map((threshold) => ({ type: 'settings.set', settings: { threshold } })),
);

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'url'; at: number; value: string }
  | { kind: 'huge'; at: number; value: string }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'type'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: weird }),
  fc.record({ kind: fc.constant('url' as const), at: fc.nat(), value: hostileUrl }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), value: hugeString }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string()), value: weird }),
  fc.record({
    kind: fc.constant('type' as const),
    value: fc.oneof(
      fc.constantFrom<unknown>('Report.Submit', 'report.submit ', ' ping', 'reports.list\u0000', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
      fc.constantFrom(...REQUEST_TYPES),
      weird,
    ),
  }),
);

/** Every (object, key) slot of a message, down to nested fields and array items. */
function slots(root: Record<string, unknown>): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      value.slice(0, 20).forEach((v, i) => {
        out.push([value, i]);
        walk(v, depth + 1);
      });
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        out.push([value, key]);
        walk(value[key], depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

function setOwn(obj: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  // defineProperty, so "__proto__" becomes an own key (as JSON.parse makes it), not a prototype swap.
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(message: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const msg = structuredClone(message);
  for (const m of mutations) {
    if (m.kind === 'type') {
      msg.type = m.value;
      continue;
    }
    const all = slots(msg);
    const slot = all[m.at % Math.max(1, all.length)];
    if (!slot) continue;
    const [obj, key] = slot;
    try {
      if (m.kind === 'delete') {
        if (Array.isArray(obj)) obj.splice(Number(key), 1);
        else delete obj[key as string];
      } else if (m.kind === 'extra') {
        const target = isRecord(obj[key as never]) ? (obj[key as never] as Record<string, unknown>) : msg;
        setOwn(target, m.key, m.value);
      } else {
        setOwn(obj, key, m.value);
      }
    } catch {
      /* a frozen or typed-array slot: leave it */
    }
  }
  return msg;
}

/** Objects no structured clone would deliver, but the handler must survive anyway. */
const HOSTILE_OBJECTS: unknown[] = [
  {
    get type() {
      throw new Error('getter');
    },
  },
  new Proxy({}, { get: () => { throw new Error('get'); }, ownKeys: () => { throw new Error('keys'); }, getPrototypeOf: () => { throw new Error('proto'); } }),
  new Proxy({ type: 'report.submit' }, { get: (t, k) => (k === 'report' ? { get imageUrl() { throw new Error('deep'); } } : Reflect.get(t, k)) }),
  (() => {
    const report: Record<string, unknown> = { imageUrl: 'https://x.com/a.jpg', pageUrl: 'https://x.com/', reason: 'hate' };
    report.note = report;
    return { type: 'report.submit', report };
  })(),
  { type: 'images.state', imageUrls: new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : Reflect.get(t, k)) }) },
  { type: 'reports.delete', ids: { length: 1, 0: 'a' } },
  { type: 'settings.set', settings: { get threshold() { throw new Error('threshold'); } } },
  Object.assign(Object.create({ type: 'reports.list', query: { limit: 5 } }), {}),
  Object.assign(Object.create(null), { type: 'ping' }),
  'ping',
  ['ping'],
  { type: ['ping'] },
  { type: new String('ping') },
  Symbol('x'),
  () => ({ type: 'ping' }),
];

const message: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: weird },
  { weight: 2, arbitrary: validMessage },
  {
    weight: 6,
    arbitrary: fc
      .tuple(validMessage, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([m, ms, viaJson]) => {
        const mutated = mutate(m, ms);
        if (!viaJson) return mutated;
        // How a message really arrives: serialised. Own "__proto__" keys survive this.
        try {
          return JSON.parse(JSON.stringify(mutated)) as unknown;
        } catch {
          return mutated;
        }
      }),
  },
);

// ---------------------------------------------------------------------------------------------
// Reply checks
// ---------------------------------------------------------------------------------------------

const ERROR_CODES = new Set(['bad-message', 'bad-field', 'forbidden-sender', 'quota-exceeded', 'db-blocked', 'db-error', 'not-found', 'bad-import', 'tab-unavailable']);
const IMPORT_PROBLEMS = new Set(['empty', 'too-large', 'not-json', 'truncated', 'not-object', 'wrong-format', 'wrong-version', 'bad-structure', 'too-many-entries', 'nothing-valid']);
const PAGE_ONLY = REQUEST_TYPES.filter((t) => !CONTENT_SCRIPT_TYPES.has(t));

const isInt = (v: unknown, min = 0) => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isValidReport = (r: unknown) => validateStoredReport(r).ok;

/** A reply the UI can rely on: an error with a known code, or the valid reply of `type`. */
function expectWellFormed(reply: AnyReply, msg: unknown, label: string): void {
  expect(isRecord(reply), label).toBe(true);
  // Replies cross the messaging boundary: they must survive a structured clone unchanged.
  expect(structuredClone(reply), label).toEqual(reply);
  if (!reply.ok) {
    expect(Object.keys(reply).sort(), label).toEqual(['error', 'ok']);
    const { error } = reply;
    expect(ERROR_CODES.has(error.code), `${label}: error code ${error.code}: ${error.message}`).toBe(true);
    expect(typeof error.message === 'string' && error.message.length > 0 && error.message.length < 2000, label).toBe(true);
    for (const key of Object.keys(error)) expect(['code', 'message', 'field', 'detail'], label).toContain(key);
    if (error.field !== undefined) expect(typeof error.field, label).toBe('string');
    if (error.code === 'bad-import') expect(IMPORT_PROBLEMS.has(error.detail ?? ''), label).toBe(true);
    return;
  }
  const type = (msg as { type: RequestType }).type;
  const r = reply as Record<string, unknown>;
  // Partial: a request type added later gets the generic checks until it is listed here.
  const check: Partial<Record<RequestType, () => boolean>> = {
    ping: () => typeof r.version === 'string',
    'report.submit': () => isValidReport(r.report) && IMAGE_STATES.includes(r.state as never) && typeof r.updated === 'boolean',
    'report.undo': () => Object.keys(r).length === 1,
    'images.state': () =>
      isRecord(r.states) &&
      Object.values(r.states).every((s) => IMAGE_STATES.includes(s as never)) &&
      Object.keys(r.states).length === new Set((msg as { imageUrls: string[] }).imageUrls).size,
    'reports.list': () => Array.isArray(r.reports) && r.reports.every(isValidReport) && isInt(r.total) && (r.total as number) >= r.reports.length,
    'reports.delete': () => Array.isArray(r.deleted) && r.deleted.every(isValidReport),
    'reports.restore': () => isInt(r.restored),
    'review.list': () => Array.isArray(r.rows) && isInt(r.total),
    'decision.set': () => isInt(r.updated),
    export: () => typeof r.filename === 'string' && typeof r.mime === 'string' && typeof r.text === 'string',
    'import.preview': () => isRecord(r.preview) && isInt(r.preview.newReports) && isInt(r.preview.invalid),
    'import.apply': () => isInt(r.added) && isInt(r.decisions),
    'settings.get': () => isRecord(r.settings) && isInt(r.settings.threshold, 1) && (r.settings.threshold as number) <= 20,
    'settings.set': () => isRecord(r.settings) && isInt(r.settings.threshold, 1) && (r.settings.threshold as number) <= 20,
    'reader.toggleActiveTab': () => typeof r.injected === 'boolean',
    'extractor.load': () => Object.keys(r).length === 1,
  };
  expect(REQUEST_TYPES.includes(type), `${label}: ok reply to an unknown type`).toBe(true);
  expect(check[type]?.() ?? true, `${label}: malformed ${type} reply ${JSON.stringify(reply).slice(0, 300)}`).toBe(true);
}

function describeMsg(msg: unknown): string {
  try {
    return JSON.stringify(msg)?.slice(0, 200) ?? String(msg);
  } catch {
    try {
      return Object.prototype.toString.call(msg);
    } catch {
      return '(an object that throws)';
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------

let db: NaqiDb;
let ctx: HandlerContext;
let writes = 0;
let clock = T0;
/** Where extractor.load injected: [tabId, frameId]. */
let injections: [number, number][] = [];
const codes = new Map<string, number>();

beforeEach(async () => {
  fakeBrowser.reset();
  resetIndexedDb();
  db = await openNaqiDb();
  clock = T0;
  writes = 0;
  ctx = {
    getDb: () => Promise.resolve(db),
    now: () => (clock += 1000),
    version: () => '9.9.9',
    getSettings,
    saveSettings,
    afterWrite: () => {
      writes++;
    },
    toggleReader: vi.fn(async () => ({ injected: false })),
    loadExtractor: vi.fn(async (tabId: number, frameId: number) => {
      injections.push([tabId, frameId]);
    }),
    queryCache: new QueryCache(),
  };
  injections = [];
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Send, and fail the test if the handler throws or rejects (it must never). */
async function send(msg: unknown, from: unknown): Promise<AnyReply> {
  let reply: AnyReply | undefined;
  let thrown: unknown = null;
  try {
    reply = await handleMessage(msg, from as never, ctx);
  } catch (err) {
    thrown = err;
  }
  expect(thrown, `handleMessage threw on ${describeMsg(msg)}`).toBeNull();
  const code = reply!.ok ? `ok:${(msg as { type: string }).type}` : reply!.error.code;
  codes.set(code, (codes.get(code) ?? 0) + 1);
  return reply!;
}

/**
 * Known bug (utils/db/repo.ts restoreReports, see the `it.fails` below): restoring a report over
 * an existing id with another image leaves the old image's summary row behind. The fuzz steps
 * around exactly that case so that it keeps checking everything else.
 */
async function hitsKnownRestoreBug(msg: unknown): Promise<boolean> {
  if (!isRecord(msg) || msg.type !== 'reports.restore' || !Array.isArray(msg.reports)) return false;
  for (const raw of msg.reports) {
    const r = validateStoredReport(raw);
    if (!r.ok) continue;
    const existing = await db.get('reports', r.value.id);
    if (existing && existing.imageUrl !== r.value.imageUrl) return true;
  }
  return false;
}

/** Others' reports and decisions, written through the real page path. */
async function seed(): Promise<void> {
  const others = fc.sample(storedReport, { numRuns: 12, seed: 7 }).map((r, i) => ({ ...r, id: `seed-${i}`, reporterId: `other-${i}` }));
  const restored = await send({ type: 'reports.restore', reports: others }, reviewTab);
  expect(restored.ok).toBe(true);
  await send({ type: 'decision.set', imageUrls: [others[0]!.imageUrl], decision: 'hide', note: 'seed' }, reviewTab);
  await send({ type: 'settings.set', settings: { threshold: 4 } }, reviewTab);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('protocol fuzz: random and near-valid messages from every kind of sender', () => {
  it('never throws, answers each with a well-formed reply, writes nothing invalid, pollutes nothing', async () => {
    await seed();
    await fc.assert(
      fc.asyncProperty(message, sender, async (msg, from) => {
        if (from.kind === 'page' && (await hitsKnownRestoreBug(msg))) return;
        const before = from.kind === 'foreign' ? await dumpText(db) : '';
        const writesBefore = writes;
        const reply = await send(msg, from.value);
        const label = `${from.kind} sender, ${describeMsg(msg)}`;
        expectWellFormed(reply, msg, label);
        if (from.kind === 'foreign') {
          // Refused before the message is read: nothing read, nothing written.
          expect(reply.ok ? 'ok' : reply.error.code, label).toBe('forbidden-sender');
          expect(writes, label).toBe(writesBefore);
          expect(await dumpText(db), label).toBe(before);
        }
        if (from.kind === 'content' && reply.ok) {
          expect(CONTENT_SCRIPT_TYPES.has((msg as { type: RequestType }).type), label).toBe(true);
        }
        // The extractor goes only into the frame that asked, as the browser names it.
        for (const [tabId, frameId] of injections.splice(0)) {
          const s = from.value as { tab?: { id?: number }; frameId?: number };
          expect([tabId, frameId], label).toEqual([s.tab?.id, s.frameId ?? 0]);
        }
      }),
      { numRuns: 1500 },
    );
    await expectConsistentDb(db, 'after the fuzz run');
    expectNoPrototypePollution();
  }, 120_000);

  it('a near-valid write stream from the pages keeps the database consistent after every write', async () => {
    await seed();
    const writesOnly = fc.oneof(
      { weight: 3, arbitrary: validMessage },
      {
        weight: 2,
        arbitrary: fc.tuple(validMessage, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([m, ms]) => mutate(m, ms)),
      },
    );
    await fc.assert(
      fc.asyncProperty(writesOnly, fc.constantFrom(...PAGE_SENDERS), async (msg, from) => {
        if (await hitsKnownRestoreBug(msg)) return;
        const writesBefore = writes;
        const reply = await send(msg, from);
        expectWellFormed(reply, msg, describeMsg(msg));
        if (writes !== writesBefore) await expectConsistentDb(db, `after ${describeMsg(msg)}`);
      }),
      { numRuns: 600 },
    );
    await expectConsistentDb(db, 'after the write stream');
    expectNoPrototypePollution();
  }, 120_000);
});

describe('hostile objects (getters that throw, proxies, cycles, prototypes) from every sender', () => {
  it('are answered with an error or a valid reply, never a throw', async () => {
    const senders = [...PAGE_SENDERS, ...fc.sample(contentSender, { numRuns: 3, seed: 1 }), ...FOREIGN_SENDERS];
    for (const msg of HOSTILE_OBJECTS) {
      for (const from of senders) {
        const reply = await send(msg, from);
        expectWellFormed(reply, msg, `hostile object ${describeMsg(msg)}`);
      }
    }
    await expectConsistentDb(db);
    expectNoPrototypePollution();
  });
});

describe('reports.restore over an existing id with another image', () => {
  // The overwritten report's old image must be re-summarised too, or it keeps counting a
  // report that is gone (its reporter count, and so whether it is hidden, would be wrong).
  it('leaves no stale image row', async () => {
    const r = fc.sample(storedReport, { numRuns: 1, seed: 3 })[0]!;
    expect((await send({ type: 'reports.restore', reports: [r] }, reviewTab)).ok).toBe(true);
    await send({ type: 'reports.restore', reports: [{ ...r, imageUrl: 'https://www.maghress.com/other.jpg' }] }, reviewTab);
    await expectConsistentDb(db);
  });
});

describe('holes in arrays (Firefox delivers messages by structured clone, which keeps them)', () => {
  // Array.prototype.map skips holes, so arrayOf in utils/protocol.ts checks for them itself.
  it('a hole in imageUrls / ids is refused as bad-field', async () => {
    const cases: Record<string, unknown>[] = [
      { type: 'images.state', imageUrls: [, 'https://www.maghress.com/a.jpg'] }, // eslint-disable-line no-sparse-arrays
      { type: 'decision.set', imageUrls: [, 'https://www.maghress.com/a.jpg'], decision: 'hide', note: '' }, // eslint-disable-line no-sparse-arrays
      { type: 'reports.delete', ids: [, 'a'] }, // eslint-disable-line no-sparse-arrays
    ];
    for (const msg of cases) {
      const reply = await send(structuredClone(msg), reviewTab);
      expect(reply.ok ? 'ok' : reply.error.code, describeMsg(msg)).toBe('bad-field');
    }
  });

  it('but nothing invalid is ever stored from one', async () => {
    for (const msg of [
      { type: 'decision.set', imageUrls: [, 'https://www.maghress.com/a.jpg'], decision: 'hide', note: '' }, // eslint-disable-line no-sparse-arrays
      { type: 'reports.delete', ids: [, 'a'] }, // eslint-disable-line no-sparse-arrays
      { type: 'images.state', imageUrls: [, 'https://www.maghress.com/a.jpg'] }, // eslint-disable-line no-sparse-arrays
    ]) {
      const reply = await send(structuredClone(msg), reviewTab);
      expect(['ok', 'bad-field', 'db-error']).toContain(reply.ok ? 'ok' : reply.error.code);
    }
    await expectConsistentDb(db);
  });
});

describe('content scripts (and a compromised renderer speaking for one)', () => {
  it('can never list, delete, restore, review, decide, export, import, change settings or toggle', async () => {
    await seed();
    const seeded = await dumpText(db);
    const pageOnly = fc.oneof(
      validMessage.filter((m) => PAGE_ONLY.includes(m.type as RequestType)),
      fc.tuple(validMessage, fc.array(mutation, { maxLength: 2 })).map(([m, ms]) => mutate(m, ms)).filter((m) => PAGE_ONLY.includes(m.type as RequestType)),
    );
    await fc.assert(
      fc.asyncProperty(pageOnly, contentSender, async (msg, from) => {
        const writesBefore = writes;
        const reply = await send(msg, from);
        const label = `${JSON.stringify(from)} ${describeMsg(msg)}`;
        expect(reply.ok, label).toBe(false);
        if (!reply.ok) expect(['forbidden-sender', 'bad-field', 'bad-message'], label).toContain(reply.error.code);
        // A well-formed page-only request is refused for who sent it, whatever it holds.
        if (!reply.ok && reply.error.code !== 'forbidden-sender') {
          expect((await send(msg, reviewTab)).ok ? 'accepted' : 'refused', `${label}: refused for its shape, also from a page`).toBe('refused');
        }
        expect(writes, label).toBe(writesBefore);
        expect(await dumpText(db), label).toBe(seeded);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('what they may send never reveals or touches other reporters\' reports', async () => {
    await seed();
    const others = (await db.getAll('reports')).filter((r) => r.reporterId.startsWith('other-'));
    expect(others.length).toBe(12);
    const secrets = others.flatMap((r) => [r.id, r.reporterId]);
    const allowed = fc.oneof(
      validMessage.filter((m) => CONTENT_SCRIPT_TYPES.has(m.type as RequestType)),
      // Aim at the seeded reports: undo their ids, ask about their images.
      fc.constantFrom(...others).map((r) => ({ type: 'report.undo', id: r.id })),
      fc.constantFrom(...others).map((r) => ({ type: 'images.state', imageUrls: [r.imageUrl] })),
      fc.constantFrom(...others).chain((r) => reportInput.map((input) => ({ type: 'report.submit', report: { ...input, imageUrl: r.imageUrl } }))),
    );
    await fc.assert(
      fc.asyncProperty(allowed, contentSender, async (msg, from) => {
        const reply = await send(msg, from);
        expectWellFormed(reply, msg, describeMsg(msg));
        const text = JSON.stringify(reply);
        for (const secret of secrets) expect(text, `${describeMsg(msg)} leaked ${secret}`).not.toContain(secret);
        const now = await db.getAll('reports');
        for (const r of others) expect(now.find((n) => n.id === r.id), `report ${r.id} after ${describeMsg(msg)}`).toEqual(r);
      }),
      { numRuns: 300 },
    );
    await expectConsistentDb(db, 'after content-script traffic');
  }, 120_000);
});

afterEach(() => {
  // Which answers the fuzz produced (printed once per test, for the report).
  if (codes.size) console.info([...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}: ${n}`).join(', '));
  codes.clear();
});
