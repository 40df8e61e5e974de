#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's pictures from a real Chromium running the
// built extension on the bundled fixtures (run `npm run build` first).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { closePage, launchWithExtension } from './lib/launch.mjs';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await startFixtureServer();
const byName = (name) => server.fixtures.find((f) => f.name === name);

async function shoot(locale, suffix) {
  const browser = await launchWithExtension('chromium', { port: server.port, locale });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 820 });
  await page.goto(byName('maghress/seed-article').url);
  await page.getByTestId('reader-view').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}reader-${suffix}.png` });

  // A report, so the popup and the review page have something to show.
  await page.getByTestId('report-image').first().click();
  await page.getByTestId('report-reason').nth(1).click();
  await page.screenshot({ path: `${out}report-dialog-${suffix}.png` });
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-thanks').waitFor({ state: 'visible' });
  await page.screenshot({ path: `${out}report-thanks-${suffix}.png` });

  const gallery = byName('maghress/almassae-gallery');
  await page.goto(gallery.url);
  await page.getByTestId('report-image').nth(1).click();
  await page.getByTestId('report-reason').first().click();
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-thanks').waitFor({ state: 'visible' });
  await closePage(page);

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.getByTestId('report-count').waitFor({ state: 'visible' });
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: `${out}popup-${suffix}.png` });

  const review = await browser.context.newPage();
  await review.setViewportSize({ width: 1200, height: 760 });
  await review.goto(browser.extensionUrl('review.html'));
  await review.getByTestId('review-row').first().waitFor({ state: 'visible' });
  await review.waitForTimeout(500);
  await review.screenshot({ path: `${out}review-${suffix}.png` });
  await browser.close();
}

/**
 * The same screens on a phone: 360 × 740 CSS px with touch (Chromium's mobile emulation), as
 * Firefox for Android shows them; popup.html is opened as a page, as that browser shows it.
 */
async function shootPhone(locale, suffix) {
  const browser = await launchWithExtension('chromium', {
    port: server.port,
    locale,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await browser.context.newPage();
  await page.goto(byName('maghress/seed-article').url);
  await page.getByTestId('reader-view').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}phone-reader-${suffix}.png` });

  const report = page.getByTestId('report-image').first();
  await report.scrollIntoViewIfNeeded();
  await report.tap();
  await page.getByTestId('report-reason').nth(1).tap();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}phone-report-dialog-${suffix}.png` });
  await page.getByTestId('report-submit').tap();
  await page.getByTestId('report-thanks').waitFor({ state: 'visible' });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}phone-report-thanks-${suffix}.png` });
  await closePage(page);

  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.getByTestId('report-count').waitFor({ state: 'visible' });
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: `${out}phone-popup-${suffix}.png` });

  const review = await browser.context.newPage();
  await review.goto(browser.extensionUrl('review.html'));
  await review.getByTestId('review-row').first().waitFor({ state: 'visible' });
  await review.waitForTimeout(500);
  await review.screenshot({ path: `${out}phone-review-${suffix}.png` });
  await browser.close();
}

// `npm run screenshots -- --phone` refreshes only the phone pictures.
if (!process.argv.includes('--phone')) {
  await shoot('ar', 'ar');
  await shoot('en-US', 'en');
}
await shootPhone('ar', 'ar');
await server.close();
console.log(`Screenshots written to ${out}`);
