import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fc from 'fast-check';
import {
  REQUEST_TYPES,
  isErrorReply,
  isImagesChanged,
  isReportableUrl,
  isTabMessage,
  onImagesChanged,
  sendMessage,
  validateRequest,
  type ErrorReply,
  type Request,
} from '../protocol';

const goodReport = {
  imageUrl: 'https://www.maghress.com/images/a.jpg#frag',
  pageUrl: 'https://www.maghress.com/hespress/123',
  pageTitle: 'عنوان المقال',
  site: 'maghress',
  source: 'هسبريس',
  reason: 'violence',
  note: '',
};

const goodStored = {
  id: '0b6f3c9e-1f1a-4c3e-9b1d-1a2b3c4d5e6f',
  ...goodReport,
  imageUrl: 'https://www.maghress.com/images/a.jpg',
  createdAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 2),
  reporterId: 'r-1',
  status: 'pending',
};

function expectError(result: Request | ErrorReply, code: string, field?: string): ErrorReply {
  expect('ok' in result).toBe(true);
  const err = result as ErrorReply;
  expect(err.ok).toBe(false);
  expect(err.error.code).toBe(code);
  if (field !== undefined) expect(err.error.field).toBe(field);
  expect(err.error.message.length).toBeGreaterThan(5);
  return err;
}

function expectRequest(result: Request | ErrorReply): Request {
  if ('ok' in result) throw new Error(`expected a request, got ${JSON.stringify(result)}`);
  return result;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('validateRequest: message shape', () => {
  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['a number', 42],
    ['an array', [{ type: 'ping' }]],
    ['no type', {}],
    ['a non-string type', { type: 7 }],
    ['an unknown type', { type: 'db.drop' }],
    ['a prototype key as type', { type: '__proto__' }],
    ['a broadcast type', { type: 'images.changed' }],
  ])('refuses %s with bad-message', (_label, raw) => {
    expectError(validateRequest(raw), 'bad-message');
  });

  it('accepts every parameterless request', () => {
    for (const type of ['ping', 'settings.get', 'reader.toggleActiveTab', 'extractor.load'] as const) {
      expect(validateRequest({ type, extra: 'ignored' })).toEqual({ type });
    }
  });

  it('never throws on hostile objects (throwing getters, proxies)', () => {
    const throwing = Object.defineProperty({ type: 'report.submit' }, 'report', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expectError(validateRequest(throwing), 'bad-message');
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expectError(validateRequest(proxy), 'bad-message');
  });
});

describe('validateRequest: report.submit — every field', () => {
  const submit = (report: unknown) => validateRequest({ type: 'report.submit', report });

  it('accepts a good report and normalises it (fragment stripped, fields trimmed)', () => {
    const req = expectRequest(submit({ ...goodReport, pageTitle: '  title  ', note: ' note ' }));
    expect(req).toEqual({
      type: 'report.submit',
      report: { ...goodReport, imageUrl: 'https://www.maghress.com/images/a.jpg', pageTitle: 'title', note: 'note' },
    });
  });

  it('drops unknown fields', () => {
    const req = expectRequest(submit({ ...goodReport, status: 'hidden', reporterId: 'evil', id: 'x' }));
    expect(Object.keys((req as Extract<Request, { type: 'report.submit' }>).report).sort()).toEqual(
      ['imageUrl', 'note', 'pageTitle', 'pageUrl', 'reason', 'site', 'source'].sort(),
    );
  });

  it('refuses a missing report object', () => {
    expectError(validateRequest({ type: 'report.submit' }), 'bad-field', 'report');
    expectError(submit('x'), 'bad-field', 'report');
    expectError(submit([goodReport]), 'bad-field', 'report');
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['imageUrl missing', { imageUrl: undefined }, 'report.imageUrl'],
    ['imageUrl not a string', { imageUrl: 12 }, 'report.imageUrl'],
    ['imageUrl empty', { imageUrl: '' }, 'report.imageUrl'],
    ['imageUrl javascript:', { imageUrl: 'javascript:alert(1)' }, 'report.imageUrl'],
    ['imageUrl data:', { imageUrl: 'data:image/png;base64,AAAA' }, 'report.imageUrl'],
    ['imageUrl blob:', { imageUrl: 'blob:https://x.com/1' }, 'report.imageUrl'],
    ['imageUrl ftp:', { imageUrl: 'ftp://x.com/a.jpg' }, 'report.imageUrl'],
    ['imageUrl relative', { imageUrl: '/images/a.jpg' }, 'report.imageUrl'],
    ['imageUrl protocol-relative', { imageUrl: '//x.com/a.jpg' }, 'report.imageUrl'],
    ['imageUrl too long', { imageUrl: `https://x.com/${'a'.repeat(2040)}` }, 'report.imageUrl'],
    ['imageUrl unparsable', { imageUrl: 'http://exa mple.com:99999/' }, 'report.imageUrl'],
    ['pageUrl missing', { pageUrl: undefined }, 'report.pageUrl'],
    ['pageUrl not http', { pageUrl: 'chrome://settings' }, 'report.pageUrl'],
    ['pageUrl too long', { pageUrl: `https://x.com/?q=${'b'.repeat(2048)}` }, 'report.pageUrl'],
    ['pageTitle not a string', { pageTitle: 5 }, 'report.pageTitle'],
    ['pageTitle too long', { pageTitle: 'ع'.repeat(501) }, 'report.pageTitle'],
    ['site not a string', { site: 3 }, 'report.site'],
    ['site bad characters', { site: 'Maghress!' }, 'report.site'],
    ['site too long', { site: 'a'.repeat(65) }, 'report.site'],
    ['source not a string', { source: { name: 'x' } }, 'report.source'],
    ['source too long', { source: 'x'.repeat(201) }, 'report.source'],
    ['reason missing', { reason: undefined }, 'report.reason'],
    ['reason unknown', { reason: 'spam' }, 'report.reason'],
    ['reason wrong case', { reason: 'Violence' }, 'report.reason'],
    ['note not a string', { note: 1 }, 'report.note'],
    ['note too long', { note: 'n'.repeat(501) }, 'report.note'],
    ['other without note', { reason: 'other', note: '' }, 'report.note'],
    ['other with blank note', { reason: 'other', note: '   \n ' }, 'report.note'],
  ];
  it.each(cases)('refuses %s', (_label, patch, field) => {
    const err = expectError(submit({ ...goodReport, ...patch }), 'bad-field', field);
    expect(err.error.message).toContain(field);
  });

  it('accepts the edges: 500-char title and note, null site and source, other with a note', () => {
    expectRequest(submit({ ...goodReport, pageTitle: 't'.repeat(500), note: 'n'.repeat(500) }));
    const req = expectRequest(submit({ ...goodReport, site: null, source: null, reason: 'other', note: 'why' }));
    expect(req).toMatchObject({ report: { site: null, source: null, reason: 'other', note: 'why' } });
    expectRequest(submit({ ...goodReport, imageUrl: 'http://x.com/a.png' }));
  });

  it('accepts every known reason', () => {
    for (const reason of ['sexual', 'violence', 'hate', 'misleading', 'privacy', 'copyright']) {
      expectRequest(submit({ ...goodReport, reason }));
    }
  });
});

describe('validateRequest: other requests — every field', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['report.undo without id', { type: 'report.undo' }, 'bad-field', 'id'],
    ['report.undo with a bad id', { type: 'report.undo', id: 'a b' }, 'bad-field', 'id'],
    ['report.undo with a long id', { type: 'report.undo', id: 'a'.repeat(65) }, 'bad-field', 'id'],
    ['images.state without list', { type: 'images.state' }, 'bad-field', 'imageUrls'],
    ['images.state with too many', { type: 'images.state', imageUrls: Array(501).fill('https://x.com/a.jpg') }, 'bad-field', 'imageUrls'],
    ['images.state with a bad URL', { type: 'images.state', imageUrls: ['https://x.com/a.jpg', 'javascript:1'] }, 'bad-field', 'imageUrls[1]'],
    ['images.state with a non-string', { type: 'images.state', imageUrls: [null] }, 'bad-field', 'imageUrls[0]'],
    ['reports.list without query', { type: 'reports.list' }, 'bad-field', 'query'],
    ['reports.list without limit', { type: 'reports.list', query: {} }, 'bad-field', 'query.limit'],
    ['reports.list with limit 0', { type: 'reports.list', query: { limit: 0 } }, 'bad-field', 'query.limit'],
    ['reports.list with limit 501', { type: 'reports.list', query: { limit: 501 } }, 'bad-field', 'query.limit'],
    ['reports.list with fractional limit', { type: 'reports.list', query: { limit: 1.5 } }, 'bad-field', 'query.limit'],
    ['reports.list with negative offset', { type: 'reports.list', query: { limit: 5, offset: -1 } }, 'bad-field', 'query.offset'],
    ['reports.list with bad status', { type: 'reports.list', query: { limit: 5, status: 'gone' } }, 'bad-field', 'query.status'],
    ['reports.list with bad reason', { type: 'reports.list', query: { limit: 5, reason: 'x' } }, 'bad-field', 'query.reason'],
    ['reports.list with bad site', { type: 'reports.list', query: { limit: 5, site: 'A B' } }, 'bad-field', 'query.site'],
    ['reports.list with long text', { type: 'reports.list', query: { limit: 5, text: 'x'.repeat(201) } }, 'bad-field', 'query.text'],
    ['reports.list with non-boolean mine', { type: 'reports.list', query: { limit: 5, mine: 'yes' } }, 'bad-field', 'query.mine'],
    ['review.list without sort', { type: 'review.list', query: { limit: 5 } }, 'bad-field', 'query.sort'],
    ['review.list with bad sort', { type: 'review.list', query: { limit: 5, sort: 'random' } }, 'bad-field', 'query.sort'],
    ['review.list with bad limit', { type: 'review.list', query: { sort: 'recent', limit: '5' } }, 'bad-field', 'query.limit'],
    ['reports.delete without ids', { type: 'reports.delete' }, 'bad-field', 'ids'],
    ['reports.delete with empty ids', { type: 'reports.delete', ids: [] }, 'bad-field', 'ids'],
    ['reports.delete with a bad id', { type: 'reports.delete', ids: ['ok', ''] }, 'bad-field', 'ids[1]'],
    ['reports.restore with a bad report', { type: 'reports.restore', reports: [{ ...goodStored, createdAt: 'yesterday' }] }, 'bad-field', 'reports[0].createdAt'],
    ['reports.restore with updatedAt < createdAt', { type: 'reports.restore', reports: [{ ...goodStored, updatedAt: 1 }] }, 'bad-field', 'reports[0].updatedAt'],
    ['reports.restore with bad status', { type: 'reports.restore', reports: [{ ...goodStored, status: 'x' }] }, 'bad-field', 'reports[0].status'],
    ['reports.restore with bad reporterId', { type: 'reports.restore', reports: [{ ...goodStored, reporterId: '<x>' }] }, 'bad-field', 'reports[0].reporterId'],
    ['reports.restore with bad imageUrl', { type: 'reports.restore', reports: [{ ...goodStored, imageUrl: 'file:///etc/passwd' }] }, 'bad-field', 'reports[0].imageUrl'],
    ['decision.set without urls', { type: 'decision.set', decision: 'hide', note: '' }, 'bad-field', 'imageUrls'],
    ['decision.set with bad url', { type: 'decision.set', imageUrls: ['x'], decision: 'hide', note: '' }, 'bad-field', 'imageUrls[0]'],
    ['decision.set with bad decision', { type: 'decision.set', imageUrls: ['https://x.com/a.jpg'], decision: 'delete', note: '' }, 'bad-field', 'decision'],
    ['decision.set with long note', { type: 'decision.set', imageUrls: ['https://x.com/a.jpg'], decision: 'hide', note: 'x'.repeat(501) }, 'bad-field', 'note'],
    ['export with bad format', { type: 'export', format: 'xml' }, 'bad-field', 'format'],
    ['export with bad query', { type: 'export', format: 'json', query: 'all' }, 'bad-field', 'query'],
    ['export with bad query field', { type: 'export', format: 'csv', query: { status: 'x' } }, 'bad-field', 'query.status'],
    ['import.preview without text', { type: 'import.preview' }, 'bad-field', 'text'],
    ['import.apply with non-string', { type: 'import.apply', text: { format: 'naqi-reports' } }, 'bad-field', 'text'],
    ['settings.set without settings', { type: 'settings.set' }, 'bad-field', 'settings'],
    ['settings.set with threshold 0', { type: 'settings.set', settings: { threshold: 0 } }, 'bad-field', 'settings.threshold'],
    ['settings.set with threshold 21', { type: 'settings.set', settings: { threshold: 21 } }, 'bad-field', 'settings.threshold'],
    ['settings.set with threshold NaN', { type: 'settings.set', settings: { threshold: Number.NaN } }, 'bad-field', 'settings.threshold'],
  ];
  it.each(cases)('refuses %s', (_label, raw, code, field) => {
    expectError(validateRequest(raw), code, field);
  });

  it('accepts well-formed requests of every type', () => {
    const good: unknown[] = [
      { type: 'ping' },
      { type: 'report.submit', report: goodReport },
      { type: 'report.undo', id: goodStored.id },
      { type: 'images.state', imageUrls: [] },
      { type: 'images.state', imageUrls: ['https://x.com/a.jpg#x'] },
      { type: 'reports.list', query: { limit: 50 } },
      { type: 'reports.list', query: { limit: 500, offset: 10, status: 'pending', reason: 'hate', site: 'maghress', text: 'x', mine: true } },
      { type: 'reports.delete', ids: [goodStored.id] },
      { type: 'reports.restore', reports: [goodStored] },
      { type: 'review.list', query: { sort: 'reporters', limit: 100, offset: 0 } },
      { type: 'decision.set', imageUrls: ['https://x.com/a.jpg'], decision: 'keep', note: 'fine' },
      { type: 'export', format: 'json' },
      { type: 'export', format: 'csv', query: { site: 'maghress' } },
      { type: 'export', format: 'hidden-list' },
      { type: 'import.preview', text: '{}' },
      { type: 'import.apply', text: '' },
      { type: 'settings.get' },
      { type: 'settings.set', settings: { threshold: 20 } },
      { type: 'reader.toggleActiveTab' },
      { type: 'extractor.load' },
    ];
    const seen = new Set<string>();
    for (const raw of good) seen.add(expectRequest(validateRequest(raw)).type);
    expect([...seen].sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it('keeps images.state URLs verbatim (they key the reply)', () => {
    const req = expectRequest(validateRequest({ type: 'images.state', imageUrls: ['https://X.com/a.jpg#x'] }));
    expect(req).toEqual({ type: 'images.state', imageUrls: ['https://X.com/a.jpg#x'] });
  });

  it('normalises decision URLs', () => {
    const req = expectRequest(
      validateRequest({ type: 'decision.set', imageUrls: ['HTTPS://X.com:443/a.jpg#x'], decision: 'hide' }),
    );
    expect(req).toEqual({ type: 'decision.set', imageUrls: ['https://x.com/a.jpg'], decision: 'hide', note: '' });
  });
});

describe('validateRequest: property-based fuzz', () => {
  const isReply = (r: Request | ErrorReply) =>
    'ok' in r ? r.ok === false && typeof r.error.code === 'string' && typeof r.error.message === 'string' : REQUEST_TYPES.includes(r.type);

  it('never throws on arbitrary values and always returns a request or an error', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }), (raw) => {
        const r = validateRequest(raw);
        expect(isReply(r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on near-valid messages of every type', () => {
    const fieldValue = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.webUrl(),
      fc.constantFrom('javascript:alert(1)', 'data:,x', '', 'https://x.com/a.jpg', 'other', 'hide', 'json'),
      fc.integer(),
      fc.array(fc.oneof(fc.webUrl(), fc.string(), fc.anything()), { maxLength: 5 }),
    );
    const nearReport = fc.record(
      {
        imageUrl: fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fieldValue),
        pageUrl: fc.oneof(fc.webUrl(), fieldValue),
        pageTitle: fc.oneof(fc.string({ maxLength: 600 }), fieldValue),
        site: fc.oneof(fc.constant(null), fc.constantFrom('maghress', 'hespress'), fieldValue),
        source: fc.oneof(fc.constant(null), fc.string(), fieldValue),
        reason: fc.oneof(fc.constantFrom('sexual', 'violence', 'hate', 'misleading', 'privacy', 'copyright', 'other'), fieldValue),
        note: fc.oneof(fc.string({ maxLength: 600 }), fieldValue),
      },
      { requiredKeys: [] },
    );
    const message = fc.record(
      {
        type: fc.constantFrom(...REQUEST_TYPES),
        report: nearReport,
        id: fieldValue,
        ids: fieldValue,
        imageUrls: fc.oneof(fc.array(fc.webUrl(), { maxLength: 3 }), fieldValue),
        query: fc.oneof(
          fc.record(
            { limit: fc.oneof(fc.integer({ min: -5, max: 600 }), fieldValue), offset: fieldValue, sort: fc.constantFrom('reporters', 'recent', 'x'), status: fieldValue, text: fieldValue },
            { requiredKeys: [] },
          ),
          fieldValue,
        ),
        decision: fieldValue,
        note: fieldValue,
        format: fieldValue,
        text: fieldValue,
        settings: fc.oneof(fc.record({ threshold: fc.oneof(fc.integer({ min: -3, max: 30 }), fieldValue) }), fieldValue),
        reports: fc.oneof(fc.array(fc.record({ id: fieldValue, imageUrl: fc.webUrl(), createdAt: fieldValue }), { maxLength: 3 }), fieldValue),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(message, (raw) => {
        const r = validateRequest(raw);
        expect(isReply(r)).toBe(true);
        if (!('ok' in r) && r.type === 'report.submit') {
          // Anything accepted is within the limits and http(s) only.
          expect(r.report.imageUrl).toMatch(/^https?:\/\//);
          expect(r.report.imageUrl.length).toBeLessThanOrEqual(2048);
          expect(r.report.imageUrl).not.toContain('#');
          expect(r.report.note.length).toBeLessThanOrEqual(500);
          expect(r.report.pageTitle.length).toBeLessThanOrEqual(500);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('helpers', () => {
  it('isTabMessage / isImagesChanged / isErrorReply / isReportableUrl', () => {
    expect(isTabMessage({ type: 'reader.toggle' })).toBe(true);
    expect(isTabMessage({ type: 'reader.reportImage', srcUrl: 'https://x.com/a.jpg' })).toBe(true);
    expect(isTabMessage({ type: 'reader.reportImage' })).toBe(false);
    expect(isTabMessage({ type: 'ping' })).toBe(false);
    expect(isImagesChanged({ type: 'images.changed' })).toBe(true);
    expect(isImagesChanged(null)).toBe(false);
    expect(isErrorReply({ ok: false, error: { code: 'bad-field', message: 'x' } })).toBe(true);
    expect(isErrorReply({ ok: true })).toBe(false);
    expect(isReportableUrl('https://x.com/a.jpg')).toBe(true);
    expect(isReportableUrl('data:image/png,AAAA')).toBe(false);
  });

  it('sendMessage returns the background reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, version: '1.2.3' }));
    const reply = await sendMessage({ type: 'ping' });
    expect(reply).toEqual({ ok: true, version: '1.2.3' });
  });

  it('sendMessage turns a thrown error into an unreachable error reply', async () => {
    const reply = await sendMessage({ type: 'ping' }); // no listener: the fake throws
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('unreachable');
  });

  it('sendMessage turns an undefined or malformed reply into an error reply', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(undefined);
    const a = await sendMessage({ type: 'ping' });
    expect(!a.ok && a.error.code).toBe('unreachable');
    spy.mockResolvedValueOnce({ ok: false });
    const b = await sendMessage({ type: 'ping' });
    expect(!b.ok && b.error.code).toBe('internal');
    spy.mockRestore();
  });

  it('onImagesChanged calls back on broadcasts only and never answers', async () => {
    const cb = vi.fn();
    const off = onImagesChanged(cb);
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'images.changed' }, {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'report.submit' }, {});
    expect(cb).toHaveBeenCalledTimes(1);
    expect(replies).toEqual([undefined]);
    off();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'images.changed' }, {});
    expect(cb).toHaveBeenCalledTimes(1);
  });
});
