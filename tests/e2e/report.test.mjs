import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, fixtureUrl, forEachBrowser, sendFromExtensionPage, seriousA11yViolations } from './lib/harness.mjs';

async function reportCount(browser) {
  const popup = await browser.openExtensionPage('popup.html');
  const count = popup.getByTestId('report-count');
  await count.waitFor({ state: 'visible', timeout: 10000 });
  const n = Number((await count.textContent()).trim());
  return { popup, n };
}

function reportsFile(imageUrl, pageUrl, reporters) {
  const now = Date.now();
  return JSON.stringify({
    format: 'naqi-reports',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    reports: reporters.map((reporterId, i) => ({
      id: `e2e-${reporterId}`,
      imageUrl,
      pageUrl,
      pageTitle: 'e2e',
      site: 'maghress',
      source: 'المساء',
      reason: 'violence',
      note: '',
      createdAt: now - 1000 * (i + 1),
      updatedAt: now - 1000 * (i + 1),
      reporterId,
      status: 'pending',
    })),
    decisions: [],
  });
}

forEachBrowser('report an image', (env) => {
  test('click → reason → submit → thanks → in the popup → blurred after reload; Undo removes it', async () => {
    const { browser } = env();
    const demo = fixtureUrl(env(), 'maghress/seed-article');
    const imageUrl = demo.expected.images[0].src;
    const { popup: before, n: countBefore } = await reportCount(browser);
    await closePage(before);

    const page = await browser.context.newPage();
    await page.goto(demo.url);
    const figure = page.getByTestId('article-image').first();
    await figure.waitFor({ state: 'visible' });
    assert.equal(await figure.getAttribute('data-state'), 'visible');
    await figure.getByTestId('report-image').click();
    const reasons = page.getByTestId('report-reason');
    assert.equal(await reasons.count(), 7);
    // Submit stays disabled until a reason is chosen: nothing is sent by accident.
    assert.equal(await page.getByTestId('report-submit').isDisabled(), true);
    assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'report dialog');
    await reasons.first().click();
    await page.getByTestId('report-submit').click();
    const thanks = page.getByTestId('report-thanks');
    await thanks.waitFor({ state: 'visible' });
    assert.match(await thanks.textContent(), /Thanks for reporting/);
    assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'thanks');
    assert.equal(await figure.getAttribute('data-state'), 'blurred');

    const { popup, n } = await reportCount(browser);
    assert.equal(n, countBefore + 1);
    assert.equal(await popup.locator(`[data-testid="report-item"][data-image-url="${imageUrl}"]`).count(), 1);
    await closePage(popup);

    await page.reload();
    const again = page.getByTestId('article-image').first();
    await again.waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('[data-testid="article-image"]')?.getAttribute('data-state') === 'blurred',
    );
    // "Show anyway" lifts the blur for this view only.
    await again.getByRole('button', { name: /show anyway/i }).click();
    assert.match((await again.getAttribute('class')) ?? '', /^(?!.*is-covered)/);

    // Reporting the same image again updates the reader's one vote instead of adding one.
    await again.getByTestId('report-image').click();
    await page.getByTestId('report-reason').nth(1).click();
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-thanks').waitFor({ state: 'visible' });
    const { popup: p2, n: n2 } = await reportCount(browser);
    assert.equal(n2, countBefore + 1);
    await closePage(p2);

    await page.getByTestId('report-thanks').getByRole('button', { name: /undo/i }).click();
    await page.getByTestId('report-thanks').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('[data-testid="article-image"]')?.getAttribute('data-state') === 'visible',
    );
    const { popup: p3, n: n3 } = await reportCount(browser);
    assert.equal(n3, countBefore);
    await closePage(p3);
    await closePage(page);
  });

  test('"other" needs a note; Escape cancels', async () => {
    const page = await env().browser.context.newPage();
    await page.goto(fixtureUrl(env(), 'maghress/seed-article').url);
    await page.getByTestId('report-image').first().click();
    await page.locator('[data-testid="report-reason"][data-reason="other"]').click();
    await page.getByTestId('report-submit').click();
    await page.getByRole('alert').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('report-thanks').count(), 0);
    await page.keyboard.press('Escape');
    await page.getByTestId('report-submit').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('report-thanks').count(), 0);
    await closePage(page);
  });

  test('three distinct reporters, merged from other readers, hide the image for everyone', async () => {
    const { browser } = env();
    const gallery = fixtureUrl(env(), 'maghress/almassae-gallery');
    const [first, second] = gallery.expected.images;
    const popup = await browser.openExtensionPage('popup.html');
    const two = await sendFromExtensionPage(popup, { type: 'import.apply', text: reportsFile(first.src, gallery.url, ['reader-a', 'reader-b']) });
    assert.equal(two.ok, true, JSON.stringify(two));
    const three = await sendFromExtensionPage(popup, { type: 'import.apply', text: reportsFile(second.src, gallery.url, ['reader-c', 'reader-d', 'reader-e']) });
    assert.equal(three.ok, true, JSON.stringify(three));
    await closePage(popup);

    const page = await browser.context.newPage();
    await page.goto(gallery.url);
    await page.getByTestId('reader-view').waitFor({ state: 'visible' });
    const stateOf = (src) => page.locator(`[data-testid="article-image"][data-image-url="${src}"]`).getAttribute('data-state');
    await page.waitForFunction(
      (src) => document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector(`[data-image-url="${src}"]`)?.getAttribute('data-state') === 'hidden',
      second.src,
    );
    assert.equal(await stateOf(second.src), 'hidden', 'three reporters reach the default threshold of 3');
    assert.equal(await stateOf(first.src), 'visible', 'two reporters do not');
    await closePage(page);
  });

  test('a web page cannot write reports by pretending to be the content script', async () => {
    const { browser } = env();
    const { popup, n: before } = await reportCount(browser);
    await closePage(popup);
    const page = await browser.context.newPage();
    const demo = fixtureUrl(env(), 'maghress/seed-article');
    await page.goto(demo.url);
    await page.getByTestId('reader-view').waitFor({ state: 'visible' });
    const forged = {
      type: 'report.submit',
      report: { imageUrl: demo.expected.images[0].src, pageUrl: demo.url, pageTitle: 'x', site: 'maghress', source: null, reason: 'hate', note: '' },
    };
    const outcome = await page.evaluate(async (message) => {
      window.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent('naqi', { detail: message }));
      const runtime = globalThis.chrome?.runtime ?? globalThis.browser?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      try {
        await runtime.sendMessage(message);
        return 'sent';
      } catch (error) {
        return `refused: ${error.message}`;
      }
    }, forged);
    assert.notEqual(outcome, 'sent');
    await page.waitForTimeout(500);
    const { popup: after, n } = await reportCount(browser);
    assert.equal(n, before);
    await closePage(after);
    await closePage(page);
  });
});
