// Popup and review page, end to end, in Chromium and Firefox: the popup lists, searches,
// filters and deletes with Undo; the review page hides an image and the article page then
// shows it hidden; JSON/CSV exports download; an export imported into a fresh profile restores
// the same reports; bad files are refused with the database unchanged; axe-core (en, ar, fr).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BROWSERS, closePage, forEachBrowser, sendFromExtensionPage, seriousA11yViolations } from './lib/harness.mjs';
import { launchWithExtension } from '../../scripts/lib/launch.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until its value deep-equals `expected`; fails with the last value seen.
 * (playwright-core has no `expect`; locator reads are short and never hang.)
 */
async function until(read, expected, message, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      if (isDeepStrictEqual(last, expected)) return last;
    } catch (error) {
      last = `error: ${error.message}`;
    }
    if (Date.now() > deadline) assert.deepEqual(last, expected, message);
    await sleep(100);
  }
}

const text = async (locator) => ((await locator.textContent({ timeout: 2000 })) ?? '').replace(/\s+/g, ' ').trim();
const imageUrlsOf = (locator) => locator.evaluateAll((els) => els.map((el) => el.getAttribute('data-image-url')));
const countOf = (page, testId) => text(page.getByTestId(testId));

// ---------------------------------------------------------------------------------------------
// Seed data: five reports by four readers on four images of real fixture articles, and one
// "keep" decision, in the documented JSON export format (docs/export-format.md).
// ---------------------------------------------------------------------------------------------

const REPORTERS = ['aaaaaaaa-1111-4111-8111-111111111111', 'bbbbbbbb-2222-4222-8222-222222222222', 'cccccccc-3333-4333-8333-333333333333', 'dddddddd-4444-4444-8444-444444444444'];

function seedData(fixtures) {
  const byName = (name) => {
    const f = fixtures.find((x) => x.name === name);
    if (!f) throw new Error(`No fixture ${name}`);
    return f;
  };
  const seed = byName('maghress/seed-article');
  const hespress = byName('hespress/article');
  const le360 = byName('le360/article-fr');
  const lematin = byName('lematin/article');
  const now = Date.now();
  const min = 60_000;
  const report = (n, fixture, reporter, reason, site, ageMin, note = '') => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    imageUrl: fixture.expected.images[0].src,
    pageUrl: fixture.url,
    pageTitle: fixture.expected.title,
    site,
    source: fixture.expected.source?.name ?? null,
    reason,
    note,
    createdAt: now - ageMin * min,
    updatedAt: now - ageMin * min,
    reporterId: REPORTERS[reporter],
    status: 'pending',
  });
  const reports = [
    report(1, seed, 0, 'violence', 'maghress', 60),
    report(2, seed, 1, 'privacy', 'maghress', 50),
    report(3, hespress, 0, 'misleading', 'hespress', 40, 'zebra crossing in the photo'),
    report(4, le360, 2, 'sexual', 'le360', 30),
    report(5, lematin, 3, 'hate', 'lematin', 20),
  ];
  const images = {
    seed: seed.expected.images[0].src,
    hespress: hespress.expected.images[0].src,
    le360: le360.expected.images[0].src,
    lematin: lematin.expected.images[0].src,
  };
  const file = {
    format: 'naqi-reports',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    reports,
    decisions: [{ imageUrl: images.le360, decision: 'keep', note: 'fine', decidedAt: now - 10 * min }],
  };
  return {
    text: JSON.stringify(file),
    images,
    seedFixture: seed,
    // Newest first, as the popup must list them.
    newestFirst: [images.lematin, images.le360, images.hespress, images.seed, images.seed],
  };
}

async function seedInto(browser, data) {
  const page = await browser.openExtensionPage('popup.html');
  try {
    const reply = await sendFromExtensionPage(page, { type: 'import.apply', text: data.text });
    assert.equal(reply.ok, true, JSON.stringify(reply));
    return reply;
  } finally {
    await closePage(page);
  }
}

/** All reports of a profile, newest first, as the background lists them. */
async function allReports(page) {
  const reply = await sendFromExtensionPage(page, { type: 'reports.list', query: { limit: 100 } });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply;
}

/** Opens the popup and waits until it shows `count` reports. */
async function openPopup(browser, count) {
  const popup = await browser.openExtensionPage('popup.html');
  await until(() => countOf(popup, 'report-count'), String(count), 'report-count');
  await until(() => popup.getByTestId('report-item').count(), count, 'report-item rows');
  return popup;
}

async function openReview(browser, rows) {
  const review = await browser.openExtensionPage('review.html');
  await until(() => review.getByTestId('review-row').count(), rows, 'review-row rows');
  return review;
}

/**
 * Clicks `testId` and returns { name, bytes } of the file it downloads.
 *
 * Chromium: Playwright's own `download` event and the saved file.
 * Firefox ESR: the browser does download the file (its WebDriver BiDi `downloadEnd` event
 * names the saved path), but it sends `downloadWillBegin` with `navigation: null` and no
 * `download` id, which playwright-core 1.64 ignores, so no `download` event ever fires. There
 * the test records, in the page, the Blob behind the `<a download>` click that starts the
 * download, and then requires the browser to have written a file with exactly those bytes in
 * the download folder Playwright gave it (a `playwright-artifacts-*` folder in the temp dir).
 */
async function download(page, testId, browserName) {
  if (browserName !== 'firefox') {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.getByTestId(testId).click()]);
    const path = await file.path();
    assert.ok(path, `${testId}: the download was saved`);
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }
  await page.evaluate(RECORD_DOWNLOADS);
  const startedAt = Date.now();
  const seen = Number(await page.evaluate('globalThis.__naqiDownloads.length'));
  await page.getByTestId(testId).click();
  let recorded;
  const deadline = Date.now() + 10000;
  for (;;) {
    // A string, not an object from the extension's realm (see sendFromExtensionPage).
    const list = JSON.parse(await page.evaluate('JSON.stringify(globalThis.__naqiDownloads)'));
    recorded = list[seen];
    if (recorded && (recorded.base64 !== null || recorded.error)) break;
    assert.ok(Date.now() < deadline, `${testId}: no <a download> click with a Blob URL was seen`);
    await sleep(100);
  }
  assert.equal(recorded.error, undefined, `${testId}: the Blob could not be read`);
  assert.match(recorded.href, /^blob:moz-extension:/, `${testId}: a Blob URL of the extension page`);
  const bytes = Buffer.from(recorded.base64, 'base64');
  // The browser must have saved those bytes as a file.
  const saved = await until(() => savedDownloadMatching(bytes, startedAt), true, `${testId}: Firefox saved the file`, 10000);
  assert.equal(saved, true);
  return { name: recorded.name, bytes };
}

/** In-page: remember each Blob made into a URL, and each `<a download>` click on one. */
const RECORD_DOWNLOADS = `(() => {
  if (globalThis.__naqiDownloads) return true;
  const downloads = (globalThis.__naqiDownloads = []);
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) {
      const entry = { name: this.download, href: this.href, base64: null };
      downloads.push(entry);
      const blob = blobs.get(this.href);
      if (!blob) entry.error = 'not a Blob URL made by the page';
      else
        blob.arrayBuffer().then(
          (buffer) => {
            let binary = '';
            const view = new Uint8Array(buffer);
            for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
            entry.base64 = btoa(binary);
          },
          (error) => { entry.error = String(error); },
        );
    }
    return click.call(this);
  };
  return true;
})()`;

/** True once a file with exactly `bytes`, written after `since`, is in a Playwright download folder. */
async function savedDownloadMatching(bytes, since) {
  const tmp = tmpdir();
  for (const dir of await readdir(tmp).catch(() => [])) {
    if (!dir.startsWith('playwright-artifacts-')) continue;
    for (const name of await readdir(join(tmp, dir)).catch(() => [])) {
      const path = join(tmp, dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.size !== bytes.length || info.mtimeMs < since - 1000) continue;
      if ((await readFile(path)).equals(bytes)) return true;
    }
  }
  return false;
}

const statValue = (scope, label) => text(scope.locator('.stat', { has: scope.page().getByText(label, { exact: true }) }).locator('dd'));

async function previewStats(review) {
  const preview = review.getByTestId('import-preview');
  await preview.waitFor({ state: 'visible', timeout: 10000 });
  return {
    new: await statValue(preview, 'New reports'),
    reporters: await statValue(preview, 'Their reporters'),
    present: await statValue(preview, 'Already present'),
    invalid: await statValue(preview, 'Invalid (skipped)'),
  };
}

forEachBrowser('popup and review page', (env, browserName) => {
  let data;
  /** The JSON export made in this profile, reused by the import tests. */
  let exported;

  before(async () => {
    data = seedData(env().server.fixtures);
    const reply = await seedInto(env().browser, data);
    assert.equal(reply.added, 5);
    assert.equal(reply.decisions, 1);
  });

  test('the popup lists the reports newest first, and report-count is the number shown', async () => {
    const popup = await openPopup(env().browser, 5);
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), data.newestFirst);
    // Each row shows its own report: the newest (lematin, "hate") first, the kept one second.
    const items = popup.getByTestId('report-item');
    assert.match(await text(items.nth(0)), /Le Matin/);
    assert.match(await text(items.nth(0)), /Hate/i);
    assert.match(await text(items.nth(1)), /Kept/);
    assert.match(await text(items.nth(4)), /Pending/);
    // The thumbnail is the image itself.
    assert.equal(await items.nth(0).locator('img').getAttribute('src'), data.images.lematin);
    await closePage(popup);
  });

  test('the popup search narrows the list (title, URL, note)', async () => {
    const popup = await openPopup(env().browser, 5);
    const search = popup.getByLabel('Search', { exact: true });
    await search.fill('zebra'); // in the note of the hespress report only
    await until(() => countOf(popup, 'report-count'), '1', 'search by note');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), [data.images.hespress]);
    await search.fill('1487335'); // in the URL of the seed article (two reports)
    await until(() => countOf(popup, 'report-count'), '2', 'search by URL');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), [data.images.seed, data.images.seed]);
    await search.fill('no-such-words-anywhere');
    await until(() => popup.getByText('No report matches these filters.').isVisible(), true, 'empty state with filters');
    assert.equal(await popup.getByTestId('report-item').count(), 0);
    assert.equal(await countOf(popup, 'report-count'), '0');
    await search.fill('');
    await until(() => countOf(popup, 'report-count'), '5', 'search cleared');
    await closePage(popup);
  });

  test('the popup status, reason and site filters narrow the list', async () => {
    const popup = await openPopup(env().browser, 5);
    const status = popup.getByLabel('Status', { exact: true });
    const reason = popup.getByLabel('Reason', { exact: true });
    const site = popup.getByLabel('Site', { exact: true });

    await status.selectOption('kept');
    await until(() => countOf(popup, 'report-count'), '1', 'status kept');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), [data.images.le360]);
    await status.selectOption('pending');
    await until(() => countOf(popup, 'report-count'), '4', 'status pending');
    await status.selectOption('');

    await reason.selectOption('privacy');
    await until(() => countOf(popup, 'report-count'), '1', 'reason privacy');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), [data.images.seed]);
    await reason.selectOption('');

    await site.selectOption('hespress');
    await until(() => countOf(popup, 'report-count'), '1', 'site hespress');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), [data.images.hespress]);
    await site.selectOption('maghress');
    await until(() => countOf(popup, 'report-count'), '2', 'site maghress');
    // Filters combine: maghress AND violence.
    await reason.selectOption('violence');
    await until(() => countOf(popup, 'report-count'), '1', 'site maghress + reason violence');
    await site.selectOption('');
    await reason.selectOption('');
    await until(() => countOf(popup, 'report-count'), '5', 'filters cleared');
    await closePage(popup);
  });

  test('deleting a report from the popup, then Undo, restores it', async () => {
    const popup = await openPopup(env().browser, 5);
    const first = popup.getByTestId('report-item').first();
    assert.equal(await first.getAttribute('data-image-url'), data.images.lematin);
    await first.getByRole('button', { name: 'Delete this report' }).click();
    await until(() => countOf(popup, 'report-count'), '4', 'count after delete');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), data.newestFirst.slice(1));
    assert.equal((await allReports(popup)).total, 4, 'deleted in the database');

    await popup.getByRole('button', { name: 'Undo', exact: true }).click();
    await until(() => countOf(popup, 'report-count'), '5', 'count after undo');
    assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), data.newestFirst);
    const restored = (await allReports(popup)).reports.find((r) => r.imageUrl === data.images.lematin);
    assert.equal(restored?.id, '00000000-0000-4000-8000-000000000005', 'the same report is back');
    assert.equal(restored?.reason, 'hate');
    await closePage(popup);
  });

  test('the review page shows one row per image with its distinct reporters', async () => {
    const review = await openReview(env().browser, 4);
    assert.equal(await countOf(review, 'review-count'), '4');
    const urls = await imageUrlsOf(review.getByTestId('review-row'));
    // Sorted by reporters: the seed image (two readers) first.
    assert.equal(urls[0], data.images.seed);
    assert.deepEqual([...urls].sort(), Object.values(data.images).sort());
    const row = (url) => review.locator(`[data-testid="review-row"][data-image-url="${url}"]`);
    assert.equal(await text(row(data.images.seed).locator('.rrow-reporters')), '2 distinct reporters');
    assert.equal(await text(row(data.images.hespress).locator('.rrow-reporters')), '1 distinct reporters');
    // The reasons breakdown of the seed image: violence and privacy, once each.
    const reasons = row(data.images.seed).locator('.reasons li');
    assert.equal(await reasons.count(), 2);
    assert.equal(await text(row(data.images.seed).locator('.reason-violence .chip-count')), '1');
    assert.equal(await text(row(data.images.seed).locator('.reason-privacy .chip-count')), '1');
    assert.equal(await row(data.images.le360).getAttribute('data-decision'), 'keep');
    assert.equal(await row(data.images.seed).getAttribute('data-decision'), 'pending');
    await closePage(review);
  });

  test('decide-hide stores the decision and the article page then shows the image hidden', async () => {
    const { context } = env().browser;
    const article = await context.newPage();
    await article.goto(data.seedFixture.url);
    await article.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 10000 });
    const figure = article.locator(`[data-testid="article-image"]:has(img[src="${data.images.seed}"])`);
    // Two readers out of a threshold of 3, none of them this one: shown before the decision.
    assert.equal(await figure.getAttribute('data-state'), 'visible');

    const review = await openReview(env().browser, 4);
    const row = review.locator(`[data-testid="review-row"][data-image-url="${data.images.seed}"]`);
    await row.getByTestId('decide-hide').click();
    await until(() => row.getAttribute('data-decision'), 'hide', 'row decision after decide-hide');

    // Stored: the background answers with it, and a reopened review page shows it.
    const reply = await sendFromExtensionPage(review, { type: 'review.list', query: { sort: 'recent', limit: 50 } });
    const stored = reply.rows.find((r) => r.imageUrl === data.images.seed);
    assert.equal(stored?.decision, 'hide');
    assert.equal(stored?.state, 'hidden');
    const hiddenReports = await sendFromExtensionPage(review, { type: 'reports.list', query: { status: 'hidden', limit: 50 } });
    assert.equal(hiddenReports.total, 2, 'both reports of the image are now "hidden"');
    await closePage(review);
    const again = await openReview(env().browser, 4);
    assert.equal(await again.locator(`[data-testid="review-row"][data-image-url="${data.images.seed}"]`).getAttribute('data-decision'), 'hide');
    await closePage(again);

    await article.reload();
    await article.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 10000 });
    await until(() => figure.getAttribute('data-state'), 'hidden', 'article-image after reload');
    await closePage(article);
  });

  test('export-json and export-csv each start a download', async () => {
    const review = await openReview(env().browser, 4);
    const json = await download(review, 'export-json', browserName);
    assert.match(json.name, /^naqi-reports-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(parsed.format, 'naqi-reports');
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.reports.map((r) => r.id).sort(), ['1', '2', '3', '4', '5'].map((n) => `00000000-0000-4000-8000-00000000000${n}`));
    assert.deepEqual(
      parsed.decisions.map((d) => `${d.imageUrl} ${d.decision}`).sort(),
      [`${data.images.le360} keep`, `${data.images.seed} hide`].sort(),
    );
    exported = json;

    const csv = await download(review, 'export-csv', browserName);
    assert.match(csv.name, /^naqi-reports-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'id,createdAt,updatedAt,imageUrl,pageUrl,pageTitle,site,source,reason,note,reporterId,status');
    assert.equal(lines.length, 6, 'header + 5 reports');
    // Arabic survives the round trip through the file.
    assert.ok(lines.some((l) => l.includes(data.seedFixture.expected.title)), 'Arabic title in the CSV');
    await closePage(review);
  });

  test('an exported JSON imported into a fresh profile restores the same reports', async () => {
    assert.ok(exported, 'the export test produced a file');
    const main = await env().browser.openExtensionPage('popup.html');
    const original = await allReports(main);
    const originalUrls = await (async () => {
      await until(() => main.getByTestId('report-item').count(), 5, 'main popup rows');
      return imageUrlsOf(main.getByTestId('report-item'));
    })();
    await closePage(main);

    const fresh = await launchWithExtension(browserName, { port: env().server.port });
    try {
      const review = await fresh.openExtensionPage('review.html');
      assert.equal((await allReports(review)).total, 0, 'a fresh profile has no report');
      await review.getByTestId('import-file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: exported.bytes });
      assert.deepEqual(await previewStats(review), { new: '5', reporters: '4', present: '0', invalid: '0' });
      assert.equal(await review.getByTestId('import-error').count(), 0);
      await review.getByTestId('import-apply').click();
      await review.getByTestId('import-preview').waitFor({ state: 'detached', timeout: 10000 });
      await until(() => review.getByTestId('review-row').count(), 4, 'rows after import');
      assert.equal(
        await review.locator(`[data-testid="review-row"][data-image-url="${data.images.seed}"]`).getAttribute('data-decision'),
        'hide',
        'the decision came along',
      );

      // Importing the same file again adds nothing.
      await review.getByTestId('import-file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: exported.bytes });
      assert.deepEqual(await previewStats(review), { new: '0', reporters: '0', present: '5', invalid: '0' });
      await closePage(review);

      const popup = await openPopup(fresh, 5);
      assert.deepEqual(await imageUrlsOf(popup.getByTestId('report-item')), originalUrls);
      const copy = await allReports(popup);
      const essentials = (list) =>
        list.reports.map(({ id, imageUrl, pageUrl, pageTitle, site, source, reason, note, createdAt, updatedAt, reporterId, status }) => ({
          id, imageUrl, pageUrl, pageTitle, site, source, reason, note, createdAt, updatedAt, reporterId, status,
        }));
      assert.equal(copy.total, 5);
      assert.deepEqual(essentials(copy), essentials(original));
      await closePage(popup);
    } finally {
      await fresh.close();
    }
  });

  test('a truncated or wrong-version file is refused, naming the problem, and nothing changes', async () => {
    assert.ok(exported, 'the export test produced a file');
    const review = await openReview(env().browser, 4);
    const before = await allReports(review);
    assert.equal(before.total, 5);
    const input = review.getByTestId('import-file');
    const error = review.getByTestId('import-error');
    assert.equal(await error.count(), 0, 'no error before a file is chosen');

    const whole = exported.bytes.toString('utf8');
    const cases = [
      { name: 'truncated.json', body: whole.slice(0, Math.floor(whole.length / 2)), problem: /truncated/i },
      { name: 'future.json', body: JSON.stringify({ ...JSON.parse(whole), version: 2 }), problem: /version.*\b2\b|\b2\b.*version/i },
      { name: 'other.json', body: JSON.stringify({ format: 'something-else', version: 1, reports: [] }), problem: /not a Naqi export/i },
    ];
    for (const c of cases) {
      await input.setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.body, 'utf8') });
      await error.waitFor({ state: 'visible', timeout: 10000 });
      const message = await text(error);
      assert.ok(message.includes(c.name), `${c.name}: the message names the file: ${message}`);
      assert.match(message, c.problem, `${c.name}: ${message}`);
      assert.equal(await review.getByTestId('import-preview').count(), 0, `${c.name}: no preview`);
      assert.equal(await review.getByTestId('import-apply').count(), 0, `${c.name}: nothing to apply`);
    }

    const afterwards = await allReports(review);
    assert.equal(afterwards.total, 5, 'report count unchanged');
    assert.deepEqual(afterwards.reports.map((r) => `${r.id} ${r.status}`), before.reports.map((r) => `${r.id} ${r.status}`));
    assert.equal(await countOf(review, 'review-count'), '4');
    await closePage(review);
    const popup = await openPopup(env().browser, 5);
    assert.equal(await countOf(popup, 'report-count'), '5');
    await closePage(popup);
  });

  test('axe-core finds no serious or critical violation in the popup and the review page', async () => {
    const popup = await openPopup(env().browser, 5);
    assert.deepEqual(await seriousA11yViolations(popup), [], 'popup');
    await closePage(popup);
    const review = await openReview(env().browser, 4);
    assert.deepEqual(await seriousA11yViolations(review), [], 'review page');
    await closePage(review);
  });
});

// Arabic and French UI (Chromium serves the extension's catalogue from its --lang).
if (BROWSERS.includes('chromium')) {
  describe('popup and review page in Arabic and French [chromium]', () => {
    let server;
    before(async () => {
      server = await startFixtureServer();
    });
    after(async () => {
      await server?.close();
    });

    for (const [locale, dir] of [
      ['ar', 'rtl'],
      ['fr', 'ltr'],
    ]) {
      test(`${locale}: <html lang dir> follow the UI language and axe-core finds no serious violation`, async () => {
        const browser = await launchWithExtension('chromium', { port: server.port, locale });
        try {
          await seedInto(browser, seedData(server.fixtures));
          const popup = await openPopup(browser, 5);
          assert.equal(await popup.evaluate(() => document.documentElement.getAttribute('dir')), dir);
          assert.equal(await popup.evaluate(() => document.documentElement.getAttribute('lang')), locale);
          // The list is shown in that language (not the English catalogue).
          assert.doesNotMatch(await text(popup.locator('h1')), /Reported images/);
          assert.deepEqual(await seriousA11yViolations(popup), [], `popup ${locale}`);
          await closePage(popup);

          const review = await openReview(browser, 4);
          assert.equal(await review.evaluate(() => document.documentElement.getAttribute('dir')), dir);
          assert.equal(await review.evaluate(() => document.documentElement.getAttribute('lang')), locale);
          assert.deepEqual(await seriousA11yViolations(review), [], `review page ${locale}`);
          await closePage(review);
        } finally {
          await browser.close();
        }
      });
    }
  });
}
