import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, fixtureUrl, forEachBrowser, sendFromExtensionPage, seriousA11yViolations } from './lib/harness.mjs';

forEachBrowser('foundation', (env) => {
  test('the content script runs on the demo article and shows the reader view', async () => {
    const { context } = env().browser;
    const demo = fixtureUrl(env(), 'maghress/seed-article');
    const page = await context.newPage();
    await page.goto(demo.url);
    const view = page.getByTestId('reader-view');
    await view.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await page.getByTestId('reader-title').textContent(), demo.expected.title);
    await closePage(page);
  });

  test('a message round-trips from an extension page to the background', async () => {
    const popup = await env().browser.openExtensionPage('popup.html');
    const reply = await sendFromExtensionPage(popup, { type: 'ping' });
    assert.equal(reply.ok, true);
    assert.match(String(reply.version), /^\d+\.\d+\.\d+/);
    const bad = await sendFromExtensionPage(popup, { type: 'no.such.type' });
    assert.equal(bad.ok, false);
    assert.equal(bad.error.code, 'bad-message');
    await closePage(popup);
  });

  test('the popup opens, shows its report count, and has no serious accessibility violation', async () => {
    const popup = await env().browser.openExtensionPage('popup.html');
    const count = popup.getByTestId('report-count');
    await count.waitFor({ state: 'visible', timeout: 10000 });
    assert.match((await count.textContent()) ?? '', /^\s*\d+\s*$/);
    assert.deepEqual(await seriousA11yViolations(popup), []);
    await closePage(popup);
  });
});
