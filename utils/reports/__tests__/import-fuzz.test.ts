/**
 * Import fuzz: 1,000 mutated export files (byte and bit flips, truncation, wrong version, wrong
 * format, duplicated ids and votes, hostile strings, huge numbers, nested junk, structural junk)
 * go through the real message path (import.preview then import.apply, from the review page)
 * into a database that already holds reports and decisions. Each file is either
 *  - refused: `bad-import`, a known `detail` (ImportProblem) and a message naming it, the
 *    preview refused the same way, and the database byte-for-byte unchanged (every store); or
 *  - applied whole: exactly what the preview announced is added, in one transaction, every
 *    valid entry of the file is in the database afterwards, every record there passes the
 *    stored-record validator, and applying the same file again changes nothing.
 * Plus: a write that fails midway (quota) leaves the database unchanged.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fc from 'fast-check';
import { handleMessage, type HandlerContext } from '../../background/handlers';
import { getSettings, saveSettings } from '../../background/actions';
import { openNaqiDb, QueryCache, type NaqiDb } from '../../db';
import { resetIndexedDb } from '../../db/__tests__/helpers';
import type { AnyReply, DecisionRecord, ImportPreview, StoredReport } from '../../protocol';
import { hiddenListText, reportsExportText } from '../export';
import { parseImportFile } from '../import';
import { dumpAll, dumpText, expectConsistentDb, expectNoPrototypePollution } from '../../../tests/unit/hostile/db-checks';

const EXT = 'test-extension-id';
const reviewTab = { id: EXT, url: `chrome-extension://${EXT}/review.html`, tab: { id: 9, url: `chrome-extension://${EXT}/review.html` } };
const content = { id: EXT, url: 'https://www.maghress.com/hespress/1', frameId: 0, tab: { id: 3, url: 'https://www.maghress.com/hespress/1' } };
const T0 = Date.UTC(2025, 0, 1);

/** What each refusal's message must say, so a reader knows what is wrong with the file. */
const NAMES_THE_PROBLEM: Record<string, RegExp> = {
  empty: /empty/i,
  'too-large': /too large/i,
  'not-json': /not valid JSON|not text/i,
  truncated: /cut short|truncated/i,
  'not-object': /not a Naqi export/i,
  'wrong-format': /not a Naqi export.*format|format/i,
  'wrong-version': /version/i,
  'bad-structure': /"reports"|"decisions"|"images"/,
  'too-many-entries': /at most/i,
  'nothing-valid': /None of the \d+ (entries|images)/,
};

// ---------------------------------------------------------------------------------------------
// The database before every file, and the files
// ---------------------------------------------------------------------------------------------

const report = (i: number, over: Partial<StoredReport> = {}): StoredReport => ({
  id: `imp-${i}`,
  imageUrl: `https://www.maghress.com/img/${i % 4}.jpg`,
  pageUrl: `https://www.maghress.com/hespress/${i}`,
  pageTitle: `مقال ${i}`,
  site: 'maghress',
  source: i % 3 ? 'هسبريس' : null,
  reason: (['hate', 'violence', 'other', 'privacy'] as const)[i % 4]!,
  note: i % 4 === 2 ? 'ملاحظة' : '',
  createdAt: T0 + i * 1000,
  updatedAt: T0 + i * 1000 + (i % 2) * 500,
  reporterId: `reporter-${i}`,
  status: 'pending',
  ...over,
});

/** Already in the database: reports 0..5 (0..2 also in the file) and a decision. */
const EXISTING = Array.from({ length: 6 }, (_, i) => report(i));
/** The export being mutated: 3 reports the database has, 7 new ones, one same-vote duplicate, decisions. */
const FILE_REPORTS = [...EXISTING.slice(0, 3), ...Array.from({ length: 7 }, (_, i) => report(10 + i)), report(20, { reporterId: 'reporter-1', imageUrl: EXISTING[1]!.imageUrl })];
const FILE_DECISIONS: DecisionRecord[] = [
  { imageUrl: 'https://www.maghress.com/img/0.jpg', decision: 'hide', note: 'قرار', decidedAt: T0 + 50_000 },
  { imageUrl: 'https://www.maghress.com/img/3.jpg', decision: 'keep', note: '', decidedAt: T0 + 60_000 },
  { imageUrl: 'https://www.maghress.com/only-decided.jpg', decision: 'hide', note: '', decidedAt: T0 + 70_000 },
];
const BASE_EXPORT = reportsExportText(FILE_REPORTS, FILE_DECISIONS, new Date(T0 + 100_000));
const BASE_HIDDEN = hiddenListText(FILE_DECISIONS, new Date(T0 + 100_000));
const BASE_OBJECT = JSON.parse(BASE_EXPORT) as Record<string, unknown> & { reports: Record<string, unknown>[]; decisions: Record<string, unknown>[] };

let db: NaqiDb;
let ctx: HandlerContext;
let snapshot: Awaited<ReturnType<typeof dumpAll>>;

function makeCtx(): HandlerContext {
  let clock = T0 + 200_000;
  return {
    getDb: () => Promise.resolve(db),
    now: () => (clock += 1000),
    version: () => '9.9.9',
    getSettings,
    saveSettings,
    afterWrite: () => undefined,
    toggleReader: async () => ({ injected: false }),
    loadExtractor: async () => undefined,
    queryCache: new QueryCache(),
  } as HandlerContext;
}

async function send(msg: unknown, from: unknown = reviewTab): Promise<AnyReply> {
  return handleMessage(msg, from as never, ctx);
}

/** The starting database, built once through the real paths, then copied store by store. */
async function buildSnapshot(): Promise<void> {
  resetIndexedDb();
  db = await openNaqiDb();
  ctx = makeCtx();
  expect((await send({ type: 'reports.restore', reports: EXISTING })).ok).toBe(true);
  expect((await send({ type: 'report.submit', report: { imageUrl: 'https://www.maghress.com/img/1.jpg', pageUrl: 'https://www.maghress.com/a/1', pageTitle: 'ت', site: 'maghress', source: null, reason: 'hate', note: '' } }, content)).ok).toBe(true);
  expect((await send({ type: 'decision.set', imageUrls: ['https://www.maghress.com/img/3.jpg'], decision: 'hide', note: 'محلي' })).ok).toBe(true);
  snapshot = await dumpAll(db);
  db.close();
}

/** A fresh database holding exactly the snapshot. */
async function restoreSnapshot(): Promise<void> {
  db?.close();
  resetIndexedDb();
  db = await openNaqiDb();
  const tx = db.transaction(['reports', 'decisions', 'images', 'meta'], 'readwrite');
  await Promise.all([
    ...snapshot.reports.map((r) => tx.objectStore('reports').put(r)),
    ...snapshot.decisions.map((d) => tx.objectStore('decisions').put(d)),
    ...snapshot.images.map((i) => tx.objectStore('images').put(i)),
    ...snapshot.meta.map((m) => tx.objectStore('meta').put(m)),
    tx.done,
  ]);
  ctx = makeCtx();
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("https://evil.example","x")',
  '\u0000\u0007\u001b[2J',
  '\u202Egnp.exe',
  '\uD800',
  'x'.repeat(70_000),
  '__proto__',
  'constructor',
  '',
  ' ',
];
const HUGE_NUMBERS: unknown[] = [1e308, -1e308, -1, 0, 2 ** 53 + 1, 1.5, T0 + 0.5, Date.UTC(2100, 0, 2), Date.UTC(1999, 11, 31), '1735689600000', null, true, [], {}];
const BAD_VERSIONS: unknown[] = [0, 2, 99, -1, 1.5, '1', null, true, [], {}, 1e308];
const BAD_FORMATS: unknown[] = ['naqi-report', 'NAQI-REPORTS', 'naqi-reports ', '', null, 1, [], {}, 'naqi-hidden-images-v2'];

type Mutation =
  | { kind: 'byte'; at: number; ch: string }
  | { kind: 'bits'; at: number; mask: number }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; del: number; insert: string }
  | { kind: 'version'; value: unknown }
  | { kind: 'format'; value: unknown }
  | { kind: 'drop-key'; key: string }
  | { kind: 'dup-id'; from: number; to: number }
  | { kind: 'dup-vote'; from: number; to: number }
  | { kind: 'field'; entry: number; key: string; value: unknown; decisions: boolean }
  | { kind: 'extra'; entry: number; key: string; value: unknown }
  | { kind: 'nest'; depth: number; where: 'reports' | 'decisions' | 'entry' | 'root' }
  | { kind: 'structure'; which: number }
  | { kind: 'hidden'; at: number; ch: string };

const reportKeys = Object.keys(BASE_OBJECT.reports[0]!);
const decisionKeys = Object.keys(BASE_OBJECT.decisions[0]!);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(BASE_EXPORT.length - 1), ch: fc.oneof(fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '0', '9', '-', 'e', ' ', '\u0000', 'n', 't'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) }),
  fc.record({ kind: fc.constant('bits' as const), at: fc.nat(Buffer.byteLength(BASE_EXPORT) - 1), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(BASE_EXPORT.length) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(BASE_EXPORT.length), del: fc.nat(40), insert: fc.string({ maxLength: 12, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('version' as const), value: fc.constantFrom(...BAD_VERSIONS) }),
  fc.record({ kind: fc.constant('format' as const), value: fc.constantFrom(...BAD_FORMATS) }),
  fc.record({ kind: fc.constant('drop-key' as const), key: fc.constantFrom('format', 'version', 'reports', 'decisions', 'exportedAt') }),
  fc.record({ kind: fc.constant('dup-id' as const), from: fc.nat(FILE_REPORTS.length - 1), to: fc.nat(FILE_REPORTS.length - 1) }),
  fc.record({ kind: fc.constant('dup-vote' as const), from: fc.nat(FILE_REPORTS.length - 1), to: fc.nat(FILE_REPORTS.length - 1) }),
  fc.record({
    kind: fc.constant('field' as const),
    entry: fc.nat(FILE_REPORTS.length - 1),
    key: fc.constantFrom(...reportKeys, ...decisionKeys),
    value: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HUGE_NUMBERS), fc.jsonValue()),
    decisions: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('extra' as const),
    entry: fc.nat(FILE_REPORTS.length - 1),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'status', 'toString'),
    value: fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, 'x', 1, null),
  }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.constantFrom(1, 5, 100, 5000, 200_000), where: fc.constantFrom('reports' as const, 'decisions' as const, 'entry' as const, 'root' as const) }),
  fc.record({ kind: fc.constant('structure' as const), which: fc.nat(11) }),
  fc.record({ kind: fc.constant('hidden' as const), at: fc.nat(BASE_HIDDEN.length - 1), ch: fc.constantFrom('"', '}', '9', 'x', ':', ' ') }),
);

function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Serialise, keeping own "__proto__" keys (JSON.stringify does; a spread would not). */
const json = (value: unknown) => JSON.stringify(value, null, 2);

function apply(m: Mutation): { text: string; expect?: string } {
  const obj = structuredClone(BASE_OBJECT);
  switch (m.kind) {
    case 'byte':
      return { text: BASE_EXPORT.slice(0, m.at) + m.ch + BASE_EXPORT.slice(m.at + 1) };
    case 'bits': {
      const bytes = Buffer.from(BASE_EXPORT);
      bytes[m.at] = bytes[m.at]! ^ m.mask;
      return { text: bytes.toString('utf8') };
    }
    case 'cut':
      return { text: BASE_EXPORT.slice(0, m.at), expect: m.at === 0 ? 'empty' : BASE_EXPORT.slice(0, m.at).trim() === BASE_EXPORT.trim() ? undefined : 'truncated' };
    case 'splice':
      return { text: BASE_EXPORT.slice(0, m.at) + m.insert + BASE_EXPORT.slice(m.at + m.del) };
    case 'version':
      obj.version = m.value;
      return { text: json(obj), expect: 'wrong-version' };
    case 'format':
      obj.format = m.value;
      return { text: json(obj), expect: 'wrong-format' };
    case 'drop-key': {
      delete obj[m.key];
      const expected: Record<string, string | undefined> = { format: 'wrong-format', version: 'wrong-version', reports: 'bad-structure' };
      return { text: json(obj), expect: expected[m.key] };
    }
    case 'dup-id':
      obj.reports.push({ ...obj.reports[m.from]!, imageUrl: `https://www.maghress.com/dup/${m.to}.jpg`, id: obj.reports[m.to]!.id });
      return { text: json(obj) };
    case 'dup-vote':
      obj.reports.push({ ...obj.reports[m.from]!, id: `dup-vote-${m.to}`, reporterId: obj.reports[m.to]!.reporterId, imageUrl: obj.reports[m.to]!.imageUrl });
      return { text: json(obj) };
    case 'field': {
      const list = m.decisions ? obj.decisions : obj.reports;
      const entry = list[m.entry % list.length]!;
      setOwn(entry, m.key, m.value);
      return { text: json(obj) };
    }
    case 'extra': {
      setOwn(obj.reports[m.entry]!, m.key, m.value);
      setOwn(obj, m.key, m.value);
      return { text: json(obj) };
    }
    case 'nest': {
      const deep = '['.repeat(m.depth) + ']'.repeat(m.depth);
      if (m.where === 'root') return { text: deep, expect: m.depth > 0 ? 'not-object' : undefined };
      const text = json(obj);
      if (m.where === 'reports') return { text: text.replace('"reports": [', `"reports": [${deep},`) };
      if (m.where === 'decisions') return { text: text.replace('"decisions": [', `"decisions": [${deep},`) };
      return { text: text.replace('"note": ', `"junk": ${deep}, "note": `) };
    }
    case 'structure': {
      const variants: [string, string | undefined][] = [
        [json({ ...obj, reports: {} }), 'bad-structure'],
        [json({ ...obj, reports: 'all of them' }), 'bad-structure'],
        [json({ ...obj, decisions: 5 }), 'bad-structure'],
        [json([obj]), 'not-object'],
        [json(null), 'not-object'],
        [json('naqi-reports'), 'not-object'],
        [`\uFEFF${json(obj)}`, undefined],
        [`${json(obj)}\n\n   \n`, undefined],
        [`${json(obj)}}`, 'not-json'],
        [`${json(obj)}${json(obj)}`, 'not-json'],
        [json({ ...obj, reports: obj.reports.map(() => 'x'), decisions: [] }), 'nothing-valid'],
        [`{"format":"naqi-reports","version":1,"reports":[${Array(500_001).fill('0').join(',')}]}`, 'too-many-entries'],
      ];
      const [text, expected] = variants[m.which % variants.length]!;
      return { text, expect: expected };
    }
    case 'hidden':
      return { text: BASE_HIDDEN.slice(0, m.at) + m.ch + BASE_HIDDEN.slice(m.at + 1) };
  }
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

const outcomes = new Map<string, number>();

beforeAll(async () => {
  fakeBrowser.reset();
  await buildSnapshot();
});
beforeEach(async () => {
  await restoreSnapshot();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('import fuzz: 1,000 mutated export files', () => {
  it('each is refused with a named problem and no change, or applied whole', async () => {
    const started = performance.now();
    let dirty = false;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        if (dirty) {
          await restoreSnapshot();
          dirty = false;
        }
        // Several mutations stack; the expected problem is the last one's when it alone decides.
        let text = BASE_EXPORT;
        let expectedProblem: string | undefined;
        for (const m of mutations) {
          const r = text === BASE_EXPORT ? apply(m) : { text: applyTo(text, m), expect: undefined };
          text = r.text;
          expectedProblem = mutations.length === 1 ? r.expect : undefined;
        }
        const label = `${mutations.map((m) => m.kind).join('+')}: ${text.slice(0, 120)}`;
        const before = await dumpText(db);
        const preview = await send({ type: 'import.preview', text });
        expect(await dumpText(db), `${label}: preview wrote`).toBe(before);
        const applied = await send({ type: 'import.apply', text });
        const parsed = parseImportFile(text);

        if (!applied.ok) {
          outcomes.set(`refused:${applied.error.detail}`, (outcomes.get(`refused:${applied.error.detail}`) ?? 0) + 1);
          expect(applied.error.code, label).toBe('bad-import');
          const detail = applied.error.detail ?? '';
          expect(Object.keys(NAMES_THE_PROBLEM), label).toContain(detail);
          expect(applied.error.message, label).toMatch(NAMES_THE_PROBLEM[detail]!);
          if (expectedProblem) expect(detail, label).toBe(expectedProblem);
          expect(preview.ok, label).toBe(false);
          if (!preview.ok) expect(preview.error.detail, label).toBe(detail);
          expect(parsed.ok, label).toBe(false);
          // Byte for byte: every store, every record, every key in its order.
          expect(await dumpText(db), `${label}: the database changed on refusal`).toBe(before);
          return;
        }

        outcomes.set('applied', (outcomes.get('applied') ?? 0) + 1);
        dirty = true;
        expect(expectedProblem, `${label}: applied, but should have been refused`).toBeUndefined();
        expect(preview.ok && parsed.ok, label).toBe(true);
        if (!preview.ok || !parsed.ok) return;
        const p = (preview as unknown as { preview: ImportPreview }).preview;
        const a = applied as unknown as { added: number; decisions: number };
        // Whole: exactly what the preview announced, no more, no less.
        expect(a.added, label).toBe(p.newReports);
        expect(a.decisions, label).toBe(p.decisions);
        expect(p.invalid, label).toBe(parsed.value.invalid);
        if (p.invalid > 0) expect(p.problems.length, label).toBeGreaterThan(0);
        const after = await dumpAll(db);
        const beforeObj = JSON.parse(before) as typeof after;
        expect(after.reports.length, label).toBe(beforeObj.reports.length + a.added);
        for (const old of beforeObj.reports) expect(after.reports.some((r) => r.id === old.id), `${label}: lost ${old.id}`).toBe(true);
        for (const r of parsed.value.reports) {
          expect(after.reports.some((x) => x.id === r.id || (x.imageUrl === r.imageUrl && x.reporterId === r.reporterId)), `${label}: ${r.id} not applied`).toBe(true);
        }
        for (const d of parsed.value.decisions) {
          const local = after.decisions.find((x) => x.imageUrl === d.imageUrl);
          if (d.decision !== 'pending') expect(local, `${label}: decision on ${d.imageUrl} not applied`).toBeDefined();
          if (local) expect(local.decidedAt >= d.decidedAt || d.decision === 'pending', label).toBe(true);
        }
        await expectConsistentDb(db, label);
        // Idempotent: the same file again adds nothing and changes nothing.
        const once = await dumpText(db);
        const again = await send({ type: 'import.apply', text });
        expect(again.ok && (again as unknown as { added: number }).added, label).toBe(0);
        expect(await dumpText(db), `${label}: a second import changed the database`).toBe(once);
      }),
      { numRuns: 1000, seed: Number(process.env.NAQI_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(`import fuzz: 1000 files in ${seconds.toFixed(1)} s; ${[...outcomes].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(outcomes.get('applied') ?? 0).toBeGreaterThan(50);
    expect([...outcomes.keys()].filter((k) => k.startsWith('refused:')).length).toBeGreaterThanOrEqual(7);
    expectNoPrototypePollution();
  }, 120_000);

  it('a file refused for its size, and one from a content script, change nothing either', async () => {
    const before = await dumpText(db);
    const huge = await send({ type: 'import.apply', text: ' '.repeat(60_000_001) });
    expect(huge.ok ? 'ok' : `${huge.error.code}/${huge.error.detail ?? huge.error.field}`).toMatch(/^bad-(import\/too-large|field\/text)$/);
    const fromPage = await send({ type: 'import.apply', text: BASE_EXPORT }, content);
    expect(fromPage.ok ? 'ok' : fromPage.error.code).toBe('forbidden-sender');
    expect(await dumpText(db)).toBe(before);
  });
});

describe('all or nothing when the write itself fails', () => {
  it('a quota error at any write (put or add) during import.apply leaves every store as it was', async () => {
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (failAt) => {
        await restoreSnapshot();
        const before = await dumpText(db);
        let puts = 0;
        // New reports are written with `add`, summaries and decisions with `put`: both count.
        const spies = (['put', 'add'] as const).map((method) => {
          const real = IDBObjectStore.prototype[method];
          return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            if (++puts === failAt) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return real.apply(this, args);
          });
        });
        const reply = await send({ type: 'import.apply', text: BASE_EXPORT });
        for (const spy of spies) spy.mockRestore();
        if (reply.ok) {
          // Fewer puts than failAt: it all went through.
          expect(puts).toBeLessThan(failAt);
          await expectConsistentDb(db);
        } else {
          failed++;
          expect(reply.error.code).toBe('quota-exceeded');
          expect(reply.error.message).toMatch(/nothing was saved/i);
          expect(await dumpText(db)).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
    expect(failed).toBeGreaterThan(10);
  });
});

/** A mutation applied on top of an already-mutated text: text-level only. */
function applyTo(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % Math.max(1, text.length) : 0;
  switch (m.kind) {
    case 'byte':
    case 'hidden':
      return text.slice(0, at) + m.ch + text.slice(at + 1);
    case 'cut':
      return text.slice(0, at);
    case 'splice':
      return text.slice(0, at) + m.insert + text.slice(at + m.del);
    case 'bits': {
      const bytes = Buffer.from(text);
      if (bytes.length) bytes[m.at % bytes.length] = bytes[m.at % bytes.length]! ^ m.mask;
      return bytes.toString('utf8');
    }
    default: {
      // Structural mutations need the object: re-parse when the text is still JSON.
      try {
        const obj = JSON.parse(text) as Record<string, unknown>;
        if (m.kind === 'version') obj.version = m.value;
        else if (m.kind === 'format') obj.format = m.value;
        else if (m.kind === 'drop-key') delete obj[m.key];
        else if (m.kind === 'extra' && obj && typeof obj === 'object') setOwn(obj, m.key, m.value);
        return json(obj);
      } catch {
        return text;
      }
    }
  }
}
