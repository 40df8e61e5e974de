/**
 * The /v1 contract (docs/community-api.md), endpoint by endpoint and refusal by refusal, on
 * PGlite and on a real PostgreSQL. After every refusal the database is compared with a dump
 * taken before it: a refused request writes nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseImportFile } from '../../utils/reports/import';
import { hashSecret } from '../auth';
import type { Db } from '../db';
import { migrate } from '../migrate';
import { revokeModerator } from '../moderators';
import { runRetention } from '../retention';
import { backends, dump, makeApp, report, testConfig, wipe, type TestApp } from '../test/harness';
import { testPostgres } from '../test/pg';

// Each test builds an app and several requests against a database: generous on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const { available, skipped } = backends();
const IMG = 'https://www.maghress.com/images/photo.jpg';

afterAll(() => testPostgres()?.stop());

for (const name of skipped) {
  describe.skip(`community API on ${name} (SKIPPED: no PostgreSQL, see the warning above)`, () => {
    it('is skipped', () => {});
  });
}

describe.each(available)('community API on $name', (backend) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
  }, 60_000);
  afterAll(async () => {
    await dispose?.();
  });
  beforeEach(async () => {
    await t?.close();
    await wipe(db);
    t = await makeApp(db);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Run `fn` (a refused request) and assert that the database did not change. */
  async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
    const before = await dump(db);
    const result = await fn();
    expect(await dump(db)).toEqual(before);
    return result;
  }

  const post = (token: string | undefined, body: unknown, extra: Record<string, unknown> = {}) =>
    t.req({ method: 'POST', url: '/v1/reports', token, payload: body as object, ...extra });

  describe('migrations', () => {
    it('are recorded and run once', async () => {
      const r = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(r.rows.map((x) => x.version)).toEqual([1, 2]);
      expect(await migrate(db)).toEqual([]);
    });
  });

  describe('POST /v1/reporters', () => {
    it('registers an install and stores only the hash of its secret', async () => {
      const r = await t.req({ method: 'POST', url: '/v1/reporters' });
      expect(r.status).toBe(201);
      expect(Object.keys(r.body).sort()).toEqual(['reporterId', 'secret']);
      expect(r.body.reporterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(r.headers['cache-control']).toBe('no-store');
      const rows = await db.query<{ id: string; secret_hash: Uint8Array }>('SELECT id, secret_hash FROM reporters');
      expect(rows.rows).toHaveLength(1);
      expect(Buffer.from(rows.rows[0]!.secret_hash)).toEqual(hashSecret(r.body.secret));
      expect(JSON.stringify(await dump(db))).not.toContain(r.body.secret.split('.')[2]);
    });

    it('accepts an empty JSON object, refuses fields and bad JSON', async () => {
      expect((await t.req({ method: 'POST', url: '/v1/reporters', payload: {} })).status).toBe(201);
      const bad = await unchanged(() => t.req({ method: 'POST', url: '/v1/reporters', payload: { name: 'x' } }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid-request');
      const broken = await unchanged(() =>
        t.req({ method: 'POST', url: '/v1/reporters', payload: '{"a":', headers: { 'content-type': 'application/json' } }),
      );
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('bad-json');
    });

    it('is rate-limited per client address', async () => {
      await t.close();
      t = await makeApp(db, testConfig({}, { register: { max: 2, windowMs: 60_000 } }));
      await t.reporter('10.1.1.1');
      await t.reporter('10.1.1.1');
      const r = await unchanged(() => t.req({ method: 'POST', url: '/v1/reporters', remoteAddress: '10.1.1.1' }));
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('rate-limited');
      expect(r.headers['retry-after']).toBeDefined();
      // Another address is not affected.
      expect((await t.req({ method: 'POST', url: '/v1/reporters', remoteAddress: '10.1.1.2' })).status).toBe(201);
    });
  });

  describe('POST /v1/reports', () => {
    it('stores a report (201), normalised with the extension rules', async () => {
      const me = await t.reporter();
      const body = report({ imageUrl: 'https://WWW.maghress.com:443/images/photo.jpg#x' });
      const r = await post(me.secret, body);
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: body.id, result: 'created' });
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM reports');
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]).toMatchObject({ id: body.id, reporter_id: me.reporterId, image_url: IMG, reason: 'violence' });
    });

    it('is idempotent: the same id again answers 200 and stores one report', async () => {
      const me = await t.reporter();
      const body = report();
      expect((await post(me.secret, body)).status).toBe(201);
      const again = await unchanged(() => post(me.secret, body));
      expect(again.status).toBe(200);
      expect(again.body.result).toBe('exists');
      // Even with other content: a replayed id never rewrites the stored report.
      const changed = await unchanged(() => post(me.secret, { ...body, reason: 'hate' }));
      expect(changed.status).toBe(200);
      expect((await db.query('SELECT * FROM reports')).rows).toHaveLength(1);
    });

    it('gives one vote per reporter per image: a second report updates the first', async () => {
      const me = await t.reporter();
      const first = report();
      await post(me.secret, first);
      const second = report({ reason: 'other', note: 'fake', createdAt: Date.UTC(2025, 0, 2) });
      const r = await post(me.secret, second);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id: first.id, result: 'updated' });
      const rows = await db.query<Record<string, unknown>>('SELECT id, reason, note, created_at, updated_at FROM reports');
      expect(rows.rows).toEqual([
        { id: first.id, reason: 'other', note: 'fake', created_at: expect.anything(), updated_at: expect.anything() },
      ]);
      expect(Number(rows.rows[0]!.updated_at)).toBe(Date.UTC(2025, 0, 2));
      const img = await db.query<{ reporters: number }>('SELECT reporters FROM images');
      expect(img.rows[0]!.reporters).toBe(1);
    });

    it('refuses an id that belongs to another reporter (409) without touching it', async () => {
      const a = await t.reporter();
      const b = await t.reporter();
      const body = report();
      await post(a.secret, body);
      const r = await unchanged(() => post(b.secret, { ...body, reason: 'hate' }));
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('id-taken');
    });

    it('refuses missing, malformed, forged and revoked credentials (401) and moderators (403)', async () => {
      const me = await t.reporter();
      const other = await t.reporter();
      const body = report();
      const forged = `r.${other.reporterId}.${me.secret.split('.')[2]}`; // someone's id, another secret
      for (const token of [undefined, 'nonsense', forged, `r.${me.reporterId}.${'A'.repeat(43)}`, `m.1.${'A'.repeat(43)}`]) {
        const r = await unchanged(() => post(token, body));
        expect(r.status, String(token)).toBe(401);
        expect(r.body.error.code).toBe('unauthorized');
      }
      const basic = await unchanged(() => post(undefined, body, { headers: { authorization: `Basic ${me.secret}` } }));
      expect(basic.status).toBe(401);
      const mod = await t.moderator();
      const r = await unchanged(() => post(mod, body));
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    });

    it('refuses a reporter deleted by the operator even while its secret is remembered', async () => {
      const me = await t.reporter();
      expect((await post(me.secret, report({ imageUrl: 'https://a.ma/1.jpg' }))).status).toBe(201);
      await db.query('DELETE FROM reporters WHERE id = $1', [me.reporterId]);
      const r = await unchanged(() => post(me.secret, report({ imageUrl: 'https://a.ma/2.jpg' })));
      expect(r.status).toBe(401);
    });

    it('refuses bad input with 400 and a machine-readable code, writing nothing', async () => {
      const me = await t.reporter();
      await post(me.secret, report({ imageUrl: 'https://a.ma/existing.jpg' }));
      const cases: [string, unknown, string][] = [
        ['unknown field', { ...report(), reporterId: 'someone' }, 'invalid-request'],
        ['unknown field status', { ...report(), status: 'hidden' }, 'invalid-request'],
        ['missing id', { ...report(), id: undefined }, 'invalid-request'],
        ['number id', report({ id: 5 }), 'invalid-request'],
        ['string time', report({ createdAt: '1735689600000' }), 'invalid-request'],
        ['float time', report({ createdAt: 1.5 }), 'invalid-request'],
        ['time out of range', report({ createdAt: 5 }), 'invalid-field'],
        ['bad reason', report({ reason: 'ugly' }), 'invalid-request'],
        ['javascript: url', report({ imageUrl: 'javascript:alert(1)' }), 'invalid-field'],
        ['relative url', report({ pageUrl: '/p' }), 'invalid-field'],
        ['bad id chars', report({ id: 'a b' }), 'invalid-field'],
        ['long id', report({ id: 'a'.repeat(65) }), 'invalid-request'],
        ['long title', report({ pageTitle: 'x'.repeat(501) }), 'invalid-request'],
        ['other without note', report({ reason: 'other', note: ' ' }), 'invalid-field'],
        ['bad site', report({ site: 'Not A Site' }), 'invalid-field'],
        ['array', [report()], 'invalid-request'],
        ['null', null, 'invalid-request'],
        ['proto', JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(report()).slice(1)}`), 'bad-json'],
      ];
      for (const [what, body, code] of cases) {
        const r = await unchanged(() =>
          t.req({ method: 'POST', url: '/v1/reports', token: me.secret, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
        );
        expect(r.status, what).toBe(400);
        expect(r.body.error.code, what).toBe(code);
        expect(typeof r.body.error.message, what).toBe('string');
      }
      const raw = async (payload: string, type?: string) =>
        unchanged(() => t.req({ method: 'POST', url: '/v1/reports', token: me.secret, payload, headers: type ? { 'content-type': type } : {} }));
      expect((await raw('{"id":', 'application/json')).body.error.code).toBe('bad-json');
      expect((await raw('', 'application/json')).status).toBe(400);
      expect((await raw('id=1', 'application/x-www-form-urlencoded')).body.error.code).toBe('unsupported-content-type');
      expect((await raw(JSON.stringify(report()), 'text/plain')).body.error.code).toBe('unsupported-content-type');
      const big = await raw(JSON.stringify(report({ note: 'x'.repeat(20_000) })), 'application/json');
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('body-too-large');
    });

    it('never answers 5xx to garbage', async () => {
      const me = await t.reporter();
      const junk: unknown[] = [1, 'x', true, {}, { id: {} }, { id: 'a', imageUrl: ['x'] }, report({ note: null }), report({ site: 1 })];
      for (const body of junk) {
        const r = await unchanged(() => post(me.secret, JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
    });

    it('is rate-limited per reporter and per address (429), writing nothing', async () => {
      await t.close();
      t = await makeApp(db, testConfig({}, { reportsPerReporter: { max: 2, windowMs: 60_000 }, reportsPerAddress: { max: 3, windowMs: 60_000 } }));
      const a = await t.reporter('10.0.0.5');
      const b = await t.reporter('10.0.0.5');
      const at = (address: string, token: string, body: unknown) =>
        t.req({ method: 'POST', url: '/v1/reports', token, payload: body as object, remoteAddress: address });
      expect((await at('10.0.0.7', a.secret, report({ imageUrl: 'https://a.ma/1.jpg' }))).status).toBe(201);
      expect((await at('10.0.0.8', a.secret, report({ imageUrl: 'https://a.ma/2.jpg' }))).status).toBe(201);
      const perReporter = await unchanged(() => at('10.0.0.9', a.secret, report({ imageUrl: 'https://a.ma/3.jpg' })));
      expect(perReporter.status).toBe(429);
      expect(perReporter.body.error.code).toBe('rate-limited');
      // b from one address: the address limit (3) is reached before b's own limit.
      expect((await at('10.0.0.20', b.secret, report({ imageUrl: 'https://a.ma/4.jpg' }))).status).toBe(201);
      expect((await at('10.0.0.20', b.secret, report({ imageUrl: 'https://a.ma/5.jpg' }))).status).toBe(201);
      const c = await t.reporter('10.0.0.6');
      // 10.0.0.20 has made 2 of its 3 requests: a third passes, the fourth is refused.
      expect((await at('10.0.0.20', c.secret, report({ imageUrl: 'https://a.ma/6.jpg' }))).status).toBe(201);
      const perAddress = await unchanged(() => at('10.0.0.20', c.secret, report({ imageUrl: 'https://a.ma/7.jpg' })));
      expect(perAddress.status).toBe(429);
      expect(perAddress.body.error.code).toBe('rate-limited');
    });

    it('counts every request against the address limit, even refused ones', async () => {
      await t.close();
      t = await makeApp(db, testConfig({}, { reportsPerAddress: { max: 2, windowMs: 60_000 } }));
      const me = await t.reporter();
      await post(undefined, report(), { remoteAddress: '10.9.9.9' });
      await post('junk', report(), { remoteAddress: '10.9.9.9' });
      const r = await unchanged(() => post(me.secret, report(), { remoteAddress: '10.9.9.9' }));
      expect(r.status).toBe(429);
    });
  });

  describe('threshold and the hide list', () => {
    async function reportBy(n: number, imageUrl = IMG, reason = 'violence') {
      const out = [];
      for (let i = 0; i < n; i++) {
        const me = await t.reporter();
        const body = report({ imageUrl, reason });
        expect((await post(me.secret, body)).status).toBe(201);
        out.push({ ...me, id: body.id as string });
      }
      return out;
    }
    const hidden = (since?: string, headers: Record<string, string> = {}) =>
      t.req({ method: 'GET', url: since === undefined ? '/v1/hidden' : `/v1/hidden?since=${since}`, headers });

    it('hides an image when distinct reporters reach the threshold', async () => {
      await reportBy(2);
      let list = await hidden();
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ cursor: '0', hidden: [], unhidden: [] });
      // The same reporter again does not count twice.
      const [one] = await db.query<{ reporters: number }>('SELECT reporters FROM images').then((r) => r.rows);
      expect(one!.reporters).toBe(2);
      await reportBy(1, IMG, 'hate');
      list = await hidden();
      expect(list.body.hidden).toEqual([{ imageUrl: IMG, reason: 'violence', hiddenAt: expect.any(String) }]);
      expect(list.body.cursor).toBe('1');
      expect(Date.parse(list.body.hiddenAt ?? list.body.hidden[0].hiddenAt)).toBeGreaterThan(0);
      expect(list.headers['cache-control']).toMatch(/public, max-age=\d+/);
    });

    it('serves deltas since a cursor, with ETag and 304', async () => {
      const reporters = await reportBy(3);
      const snap = await hidden();
      const etag = snap.headers.etag as string;
      expect(etag).toMatch(/^"hs-1"$/);
      expect((await hidden(undefined, { 'if-none-match': etag })).status).toBe(304);
      expect((await hidden(undefined, { 'if-none-match': `W/${etag}` })).status).toBe(304);
      const none = await hidden(snap.body.cursor);
      expect(none.body).toEqual({ cursor: '1', hidden: [], unhidden: [] });
      const noneTag = none.headers.etag as string;
      const r304 = await hidden(snap.body.cursor, { 'if-none-match': noneTag });
      expect(r304.status).toBe(304);
      expect(r304.raw).toBe('');
      // A reporter withdraws: below the threshold, un-hidden.
      const del = await t.req({ method: 'DELETE', url: `/v1/reports/${reporters[0]!.id}`, token: reporters[0]!.secret });
      expect(del.status).toBe(204);
      expect((await hidden(snap.body.cursor, { 'if-none-match': noneTag })).status).toBe(200);
      const delta = await hidden(snap.body.cursor);
      expect(delta.body).toEqual({ cursor: '2', hidden: [], unhidden: [IMG] });
      expect((await hidden()).body.hidden).toEqual([]);
      // From 0: the image appears once, in its latest state.
      expect((await hidden('0')).body).toEqual({ cursor: '2', hidden: [], unhidden: [IMG] });
    });

    it('refuses bad cursors and unknown query fields with 400', async () => {
      for (const q of ['abc', '-1', '1.5', '01', '9'.repeat(30), '99']) {
        const r = await hidden(q);
        expect(r.status, q).toBe(400);
        expect(r.body.error.code, q).toBe('bad-cursor');
      }
      const r = await t.req({ method: 'GET', url: '/v1/hidden?foo=1' });
      expect(r.status).toBe(400);
    });
  });

  describe('DELETE /v1/reports/{id}', () => {
    it('deletes one’s own report (204); another’s or an unknown id answers 404 and changes nothing', async () => {
      const a = await t.reporter();
      const b = await t.reporter();
      const body = report();
      await post(a.secret, body);
      const theirs = await unchanged(() => t.req({ method: 'DELETE', url: `/v1/reports/${body.id}`, token: b.secret }));
      expect(theirs.status).toBe(404);
      expect(theirs.body.error.code).toBe('not-found');
      expect((await unchanged(() => t.req({ method: 'DELETE', url: '/v1/reports/nope', token: a.secret }))).status).toBe(404);
      expect((await unchanged(() => t.req({ method: 'DELETE', url: `/v1/reports/${body.id}` }))).status).toBe(401);
      expect((await unchanged(() => t.req({ method: 'DELETE', url: '/v1/reports/a%20b', token: a.secret }))).status).toBe(400);
      // A client's default Content-Type on a DELETE without a body is fine.
      const mine = await t.req({ method: 'DELETE', url: `/v1/reports/${body.id}`, token: a.secret, headers: { 'content-type': 'application/json' } });
      expect(mine.status).toBe(204);
      expect((await db.query('SELECT * FROM reports')).rows).toEqual([]);
      expect((await db.query('SELECT * FROM images')).rows).toEqual([]);
      expect((await t.req({ method: 'DELETE', url: `/v1/reports/${body.id}`, token: a.secret })).status).toBe(404);
    });
  });

  describe('moderators', () => {
    async function threeReports(imageUrl = IMG) {
      for (let i = 0; i < 3; i++) {
        const me = await t.reporter();
        await post(me.secret, report({ imageUrl, pageTitle: `page ${i}`, note: i === 0 ? 'ugly' : '' }));
      }
    }
    const decide = (token: string | undefined, body: unknown) => t.req({ method: 'POST', url: '/v1/decisions', token, payload: body as object });
    const hiddenNow = async () => (await t.req({ method: 'GET', url: '/v1/hidden' })).body.hidden.map((h: { imageUrl: string }) => h.imageUrl);

    it('lists the review queue, one row per image, with filters and paging', async () => {
      const mod = await t.moderator();
      await threeReports();
      const me = await t.reporter();
      await post(me.secret, report({ imageUrl: 'https://b.ma/x.jpg', site: null, reason: 'privacy', pageTitle: 'Privé' }));
      const r = await t.req({ method: 'GET', url: '/v1/review', token: mod });
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(2);
      const row = r.body.images.find((x: { imageUrl: string }) => x.imageUrl === IMG);
      expect(row).toMatchObject({
        state: 'hidden',
        hidden: true,
        decision: null,
        reporters: 3,
        reasons: { violence: 3 },
        notes: ['ugly'],
        reason: 'violence',
      });
      expect(row.pages).toHaveLength(1);
      expect(typeof row.firstSeen).toBe('string');
      const q = async (query: string) => (await t.req({ method: 'GET', url: `/v1/review?${query}`, token: mod })).body;
      expect((await q('state=pending')).images.map((x: { imageUrl: string }) => x.imageUrl)).toEqual(['https://b.ma/x.jpg']);
      expect((await q('state=hidden')).total).toBe(1);
      expect((await q('reason=privacy')).total).toBe(1);
      expect((await q('site=maghress')).total).toBe(1);
      expect((await q('q=priv%C3%A9')).total).toBe(1);
      expect((await q('q=%25')).total).toBe(0);
      expect((await q('sort=reporters&limit=1')).images[0].imageUrl).toBe(IMG);
      const page2 = await q('sort=reporters&limit=1&offset=1');
      expect(page2.images[0].imageUrl).toBe('https://b.ma/x.jpg');
      expect(page2.total).toBe(2);
      expect((await q('limit=1&offset=5')).total).toBe(2);
      for (const bad of ['state=nope', 'limit=0', 'limit=501', 'limit=x', 'sort=evil', 'extra=1', 'site=NO%20SITE']) {
        const res = await t.req({ method: 'GET', url: `/v1/review?${bad}`, token: mod });
        expect(res.status, bad).toBe(400);
      }
    });

    it('decides hide / keep / pending; keep is not re-hidden by reports; everything is audited', async () => {
      const mod = await t.moderator('amina');
      await threeReports();
      expect(await hiddenNow()).toEqual([IMG]);
      const keep = await decide(mod, { imageUrl: IMG, decision: 'keep', note: 'press photo' });
      expect(keep.status).toBe(200);
      expect(keep.body.results).toEqual([{ imageUrl: IMG, decision: 'keep', hidden: false }]);
      expect(await hiddenNow()).toEqual([]);
      // More reports after "keep": recorded, shown in the queue, but not hidden automatically.
      await threeReports();
      expect(await hiddenNow()).toEqual([]);
      const row = (await t.req({ method: 'GET', url: '/v1/review?state=kept', token: mod })).body.images[0];
      expect(row).toMatchObject({ imageUrl: IMG, reporters: 6, decision: 'keep', decidedBy: 'amina', decisionNote: 'press photo' });
      // Back to pending: the automatic rule applies again (6 ≥ 3 → hidden).
      expect((await decide(mod, { imageUrl: IMG, decision: 'pending', note: '' })).body.results[0].hidden).toBe(true);
      expect(await hiddenNow()).toEqual([IMG]);
      const audit = await t.req({ method: 'GET', url: '/v1/audit', token: mod });
      expect(audit.body.entries.map((e: { decision: string }) => e.decision)).toEqual(['pending', 'keep']);
      expect(audit.body.entries[1]).toMatchObject({ moderator: 'amina', imageUrl: IMG, note: 'press photo', at: expect.any(String) });
      const delta = await t.req({ method: 'GET', url: '/v1/hidden?since=1' });
      expect(delta.body).toEqual({ cursor: '3', hidden: [expect.objectContaining({ imageUrl: IMG })], unhidden: [] });
    });

    it('decides in bulk, atomically, including images nobody reported', async () => {
      const mod = await t.moderator();
      await threeReports('https://a.ma/1.jpg');
      const r = await decide(mod, { imageUrls: ['https://a.ma/2.jpg', 'https://a.ma/1.jpg#frag', 'https://a.ma/2.jpg'], decision: 'hide', note: 'x' });
      expect(r.status).toBe(200);
      expect(r.body.results.map((x: { imageUrl: string }) => x.imageUrl)).toEqual(['https://a.ma/1.jpg', 'https://a.ma/2.jpg']);
      expect((await hiddenNow()).sort()).toEqual(['https://a.ma/1.jpg', 'https://a.ma/2.jpg']);
      expect((await db.query('SELECT * FROM audit_log')).rows).toHaveLength(2);
      // One bad URL refuses the whole batch.
      const bad = await unchanged(() => decide(mod, { imageUrls: ['https://a.ma/3.jpg', 'ftp://a.ma/4.jpg'], decision: 'hide' }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('imageUrls[1]');
    });

    it('refuses bad decisions, reporters (403), missing and revoked tokens (401)', async () => {
      const mod = await t.moderator('gone');
      const me = await t.reporter();
      await threeReports();
      const cases: unknown[] = [
        { imageUrl: IMG, decision: 'delete' },
        { imageUrl: IMG },
        { imageUrl: IMG, imageUrls: [IMG], decision: 'hide' },
        { decision: 'hide' },
        { imageUrls: [], decision: 'hide' },
        { imageUrl: IMG, decision: 'hide', note: 5 },
        { imageUrl: IMG, decision: 'hide', note: 'x'.repeat(501) },
        { imageUrl: IMG, decision: 'hide', extra: true },
        { imageUrl: 'data:image/png;base64,AAAA', decision: 'hide' },
      ];
      for (const body of cases) {
        const r = await unchanged(() => decide(mod, body));
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.body.error.code).toMatch(/^invalid-/);
      }
      expect((await unchanged(() => decide(me.secret, { imageUrl: IMG, decision: 'keep' }))).status).toBe(403);
      expect((await unchanged(() => t.req({ method: 'GET', url: '/v1/review', token: me.secret }))).status).toBe(403);
      expect((await unchanged(() => decide(undefined, { imageUrl: IMG, decision: 'keep' }))).status).toBe(401);
      await revokeModerator(db, 'gone');
      for (const [method, url] of [['GET', '/v1/review'], ['GET', '/v1/audit'], ['GET', '/v1/export'], ['POST', '/v1/decisions']] as const) {
        const r = await unchanged(() => t.req({ method, url, token: mod, ...(method === 'POST' ? { payload: { imageUrl: IMG, decision: 'keep' } } : {}) }));
        expect(r.status, url).toBe(401);
      }
      // A new token for the same name works; the old one stays dead.
      const fresh = await t.moderator('gone');
      expect((await decide(fresh, { imageUrl: IMG, decision: 'keep' })).status).toBe(200);
      expect((await decide(mod, { imageUrl: IMG, decision: 'hide' })).status).toBe(401);
    });

    it('exports in the extension’s formats (the extension can import them)', async () => {
      const mod = await t.moderator();
      await threeReports();
      await decide(mod, { imageUrl: IMG, decision: 'hide', note: 'صورة صادمة' });
      const r = await t.req({ method: 'GET', url: '/v1/export', token: mod });
      expect(r.status).toBe(200);
      expect(r.headers['content-disposition']).toMatch(/naqi-reports-\d{4}-\d{2}-\d{2}\.json/);
      expect(r.body).toMatchObject({ format: 'naqi-reports', version: 1 });
      expect(r.body.reports).toHaveLength(3);
      expect(r.body.reports[0].status).toBe('hidden');
      const parsed = parseImportFile(r.raw);
      expect(parsed.ok).toBe(true);
      const h = await t.req({ method: 'GET', url: '/v1/export?format=hidden', token: mod });
      expect(h.body).toMatchObject({ format: 'naqi-hidden-images', images: [{ imageUrl: IMG, note: 'صورة صادمة' }] });
      expect(parseImportFile(h.raw).ok).toBe(true);
    });
  });

  describe('CORS', () => {
    it('lets extension pages call the API and refuses other origins', async () => {
      for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://0b6f3c9e-1f1a-4c3e-9b1d-1a2b3c4d5e6f']) {
        const pre = await t.req({
          method: 'OPTIONS',
          url: '/v1/reports',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
        });
        expect(pre.status).toBe(204);
        expect(pre.headers['access-control-allow-origin']).toBe(origin);
        expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      }
      const evil = await t.req({ method: 'GET', url: '/v1/hidden', headers: { origin: 'https://evil.example' } });
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('retention and restart', () => {
    it('deletes reports of images decided more than N days ago, keeping decision and audit', async () => {
      const mod = await t.moderator();
      const me = await t.reporter();
      await post(me.secret, report({ imageUrl: 'https://a.ma/old.jpg' }));
      await post(me.secret, report({ imageUrl: 'https://a.ma/new.jpg' }));
      await post(me.secret, report({ imageUrl: 'https://a.ma/undecided.jpg' }));
      await t.req({ method: 'POST', url: '/v1/decisions', token: mod, payload: { imageUrls: ['https://a.ma/old.jpg', 'https://a.ma/new.jpg'], decision: 'hide' } });
      await db.query(`UPDATE images SET decided_at = now() - interval '91 days' WHERE image_url = 'https://a.ma/old.jpg'`);
      expect(await runRetention(db, 90)).toBe(1);
      const left = await db.query<{ image_url: string }>('SELECT image_url FROM reports ORDER BY image_url');
      expect(left.rows.map((x) => x.image_url)).toEqual(['https://a.ma/new.jpg', 'https://a.ma/undecided.jpg']);
      const old = await db.query<{ hidden: boolean; reporters: number }>(`SELECT hidden, reporters FROM images WHERE image_url = 'https://a.ma/old.jpg'`);
      expect(old.rows[0]).toEqual({ hidden: true, reporters: 0 });
      expect((await db.query('SELECT * FROM audit_log')).rows).toHaveLength(2);
    });

    it('re-applies a changed threshold to undecided images on start', async () => {
      for (let i = 0; i < 2; i++) {
        const me = await t.reporter();
        await post(me.secret, report());
      }
      expect((await t.req({ method: 'GET', url: '/v1/hidden' })).body.hidden).toEqual([]);
      await t.close();
      t = await makeApp(db, testConfig({ threshold: 2 }));
      expect((await t.req({ method: 'GET', url: '/v1/hidden' })).body.hidden.map((x: { imageUrl: string }) => x.imageUrl)).toEqual([IMG]);
    });
  });

  describe('unknown routes', () => {
    it('answer 404 in the error format', async () => {
      const r = await t.req({ method: 'GET', url: '/v2/nothing' });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not-found');
    });
  });
});
