// Naqi on a phone (issue 14): a 360 × 740 CSS px screen with touch. Chromium emulates a phone
// (isMobile, hasTouch: meta viewport honoured, pointer coarse, hover none); Firefox runs at the
// same size (its WebDriver BiDi has no mobile emulation). On the Arabic seed article and a French
// page: the reader opens, a report is made by taps, popup.html as a page lists it, the review
// page shows it — with no sideways scrolling, every button at least 44 × 44 px, and no serious
// or critical axe-core finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, fixtureUrl, forEachBrowser, seriousA11yViolations } from './lib/harness.mjs';

const PHONE = { width: 360, height: 740 };
/** The on-screen keyboard takes about half of the screen's height. */
const PHONE_WITH_KEYBOARD = { width: 360, height: 380 };
const MIN_TARGET = 44;

/**
 * Tap where the browser has touch (Chromium here), else click: Playwright's tap() needs a
 * context with touch, which it cannot give Firefox over BiDi.
 */
async function press(browserName, locator) {
  if (browserName === 'chromium') await locator.tap();
  else await locator.click();
}

/**
 * In the page: every visible button (and button-like control) of Naqi's UI — in the reader's
 * shadow root for a web page, the whole document for an extension page — with its box.
 */
function targetsIn(page, { reader }) {
  return page.evaluate((inReader) => {
    const roots = [];
    if (inReader) {
      const host = document.querySelector('naqi-reader-root');
      if (host?.shadowRoot) roots.push(host.shadowRoot);
    } else roots.push(document);
    const out = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('button, a.btn, [role="button"], input[type="file"], [data-testid="report-reason"]')) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('data-testid') || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
        out.push({ name, width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 });
      }
    }
    return out;
  }, reader);
}

async function assertTouchTargets(page, where, { reader = false } = {}) {
  const targets = await targetsIn(page, { reader });
  assert.ok(targets.length > 0, `${where}: no buttons found`);
  // Half a pixel of rounding is the layout's, not a smaller target.
  const small = targets.filter((t) => t.width < MIN_TARGET - 0.5 || t.height < MIN_TARGET - 0.5);
  assert.deepEqual(small, [], `${where}: buttons smaller than ${MIN_TARGET}×${MIN_TARGET} px`);
  return targets.length;
}

/** Nothing scrolls sideways: the page, and the reader's own scroller when it is open. */
async function assertNoHorizontalScroll(page, where) {
  const m = await page.evaluate(() => {
    const doc = document.documentElement;
    const reader = document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('.naqi-reader');
    const box = reader?.getBoundingClientRect();
    return {
      viewport: window.innerWidth,
      doc: [doc.scrollWidth, doc.clientWidth],
      body: document.body ? [document.body.scrollWidth, document.body.clientWidth] : null,
      reader: reader ? [reader.scrollWidth, reader.clientWidth, box.left, box.right] : null,
    };
  });
  assert.ok(m.doc[0] <= m.doc[1], `${where}: the page scrolls sideways (${m.doc[0]} > ${m.doc[1]})`);
  assert.ok(m.viewport <= 360, `${where}: the layout viewport grew to ${m.viewport} px`);
  if (m.reader) {
    const [scrollW, clientW, left, right] = m.reader;
    assert.ok(scrollW <= clientW, `${where}: the reader scrolls sideways (${scrollW} > ${clientW})`);
    assert.ok(left >= 0 && right <= m.viewport + 0.5, `${where}: the reader is wider than the screen (${left}…${right})`);
  }
}

/** The reader's title wraps inside the screen (long Arabic and French titles). */
async function assertTitleWraps(page) {
  const title = page.getByTestId('reader-title');
  const m = await title.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const line = parseFloat(getComputedStyle(el).lineHeight) || 30;
    return { left: box.left, right: box.right, height: box.height, line, scroll: el.scrollWidth, client: el.clientWidth };
  });
  assert.ok(m.left >= 0 && m.right <= PHONE.width + 0.5, `title out of the screen (${m.left}…${m.right})`);
  assert.ok(m.scroll <= m.client, 'title overflows its box');
  assert.ok(m.height > m.line * 1.5, 'a long title wraps onto several lines at 360 px');
}

/** The open <dialog> lies wholly inside the visible screen. */
async function dialogBox(page) {
  return page.evaluate(() => {
    const dialog = document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('dialog[open]');
    if (!dialog) return null;
    const box = dialog.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, scrolls: dialog.scrollHeight > dialog.clientHeight, vh: window.innerHeight, vw: window.innerWidth };
  });
}

function assertInside(box, where) {
  assert.ok(box, `${where}: no open dialog`);
  assert.ok(box.top >= 0 && box.left >= 0 && box.bottom <= box.vh + 0.5 && box.right <= box.vw + 0.5, `${where}: dialog outside the screen ${JSON.stringify(box)}`);
}

forEachBrowser(
  'phone, 360 × 740 with touch',
  (env, browserName) => {
    test('Arabic seed article: reader, report by taps, thanks; popup as a page lists it; review page', async () => {
      const { browser } = env();
      const demo = fixtureUrl(env(), 'maghress/seed-article');
      const imageUrl = demo.expected.images[0].src;
      const page = await browser.context.newPage();
      await page.goto(demo.url);
      const view = page.getByTestId('reader-view');
      await view.waitFor({ state: 'visible' });
      assert.equal(await view.getAttribute('dir'), 'rtl');
      if (browserName === 'chromium') {
        // The emulation is real: touch, no hover.
        assert.deepEqual(await page.evaluate(() => [matchMedia('(pointer: coarse)').matches, matchMedia('(hover: none)').matches]), [true, true]);
      }
      await assertNoHorizontalScroll(page, 'reader');
      await assertTitleWraps(page);

      // The toolbar is one row: text size and display settings fold behind "Display".
      const toggle = page.getByRole('button', { name: 'Display' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('button', { name: /larger text/i }).isVisible(), false);
      await press(browserName, toggle);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.getByRole('button', { name: /larger text/i }).waitFor({ state: 'visible' });
      await assertNoHorizontalScroll(page, 'reader, display settings open');
      await assertTouchTargets(page, 'reader toolbar open', { reader: true });
      await press(browserName, toggle);
      await assertTouchTargets(page, 'reader', { reader: true });
      assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'reader at phone size');

      // The report button shows without any hover, and a tap opens the dialog.
      const figure = page.getByTestId('article-image').first();
      const report = figure.getByTestId('report-image');
      await report.scrollIntoViewIfNeeded();
      assert.equal(await report.isVisible(), true);
      await press(browserName, report);
      const reasons = page.getByTestId('report-reason');
      await reasons.first().waitFor({ state: 'visible' });
      assertInside(await dialogBox(page), 'report dialog');
      await assertTouchTargets(page, 'report dialog', { reader: true });
      assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'report dialog at phone size');
      await press(browserName, reasons.first());

      // The on-screen keyboard: the note field focused and the screen half as tall. The dialog
      // still fits and scrolls inside itself, so "Send" is still reachable.
      const note = page.locator('naqi-reader-root').locator('textarea');
      await press(browserName, note);
      await page.setViewportSize(PHONE_WITH_KEYBOARD);
      await page.waitForTimeout(200);
      const withKeyboard = await dialogBox(page);
      assertInside(withKeyboard, 'report dialog with the keyboard open');
      assert.equal(withKeyboard.scrolls, true, 'the dialog scrolls inside itself when the keyboard is open');
      await note.fill('صورة مؤذية');
      const submit = page.getByTestId('report-submit');
      await submit.scrollIntoViewIfNeeded();
      const submitBox = await submit.boundingBox();
      assert.ok(submitBox && submitBox.y >= 0 && submitBox.y + submitBox.height <= PHONE_WITH_KEYBOARD.height + 0.5, 'Send is on screen above the keyboard');
      await press(browserName, submit);
      await page.setViewportSize(PHONE);

      const thanks = page.getByTestId('report-thanks');
      await thanks.waitFor({ state: 'visible' });
      const thanksBox = await thanks.boundingBox();
      assert.ok(thanksBox.x >= 0 && thanksBox.x + thanksBox.width <= PHONE.width + 0.5, 'thanks toast inside the screen');
      await assertTouchTargets(page, 'thanks', { reader: true });
      assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'thanks at phone size');
      assert.equal(await figure.getAttribute('data-state'), 'blurred');
      await assertNoHorizontalScroll(page, 'reader after the report');

      // popup.html as a page (as Firefox for Android shows it, full screen) lists the report.
      const popup = await browser.openExtensionPage('popup.html');
      await popup.getByTestId('report-count').waitFor({ state: 'visible', timeout: 10000 });
      assert.equal(await popup.evaluate(() => document.documentElement.dataset.mode), 'page');
      assert.equal(await popup.locator(`[data-testid="report-item"][data-image-url="${imageUrl}"]`).count(), 1);
      await assertNoHorizontalScroll(popup, 'popup as a page');
      await assertTouchTargets(popup, 'popup as a page');
      assert.deepEqual(await seriousA11yViolations(popup), [], 'popup at phone size');
      // The settings view too (threshold and reader settings).
      await press(browserName, popup.getByRole('button', { name: 'Settings' }));
      await popup.locator('#popup-settings').waitFor({ state: 'visible' });
      await assertNoHorizontalScroll(popup, 'popup settings');
      await assertTouchTargets(popup, 'popup settings');
      assert.deepEqual(await seriousA11yViolations(popup), [], 'popup settings at phone size');
      await closePage(popup);

      // The review page: one column, the row and its decisions reachable by touch.
      const review = await browser.openExtensionPage('review.html');
      const row = review.locator(`[data-testid="review-row"][data-image-url="${imageUrl}"]`);
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await assertNoHorizontalScroll(review, 'review page');
      await assertTouchTargets(review, 'review page');
      const rowBox = await row.boundingBox();
      assert.ok(rowBox.x >= 0 && rowBox.x + rowBox.width <= PHONE.width + 0.5, 'review row inside the screen');
      assert.equal(await row.getByTestId('decide-hide').isVisible(), true);
      assert.deepEqual(await seriousA11yViolations(review), [], 'review page at phone size');
      await closePage(review);

      // Undo from the thanks toast, by a tap, takes the report back.
      await press(browserName, thanks.getByRole('button', { name: /undo/i }));
      await thanks.waitFor({ state: 'detached' });
      await closePage(page);
    });

    test('French page: the reader opens left-to-right, fits the screen, 44 px targets', async () => {
      const { browser } = env();
      const fr = fixtureUrl(env(), 'maghress/fr-lematin');
      const page = await browser.context.newPage();
      await page.goto(fr.url);
      const view = page.getByTestId('reader-view');
      await view.waitFor({ state: 'visible' });
      assert.equal(await view.getAttribute('dir'), 'ltr');
      assert.equal(await view.getAttribute('lang'), 'fr');
      await assertNoHorizontalScroll(page, 'French reader');
      await assertTitleWraps(page);
      await assertTouchTargets(page, 'French reader', { reader: true });
      assert.deepEqual(await seriousA11yViolations(page, 'naqi-reader-root'), [], 'French reader at phone size');

      // Back to the page and in again, by taps: the page gets its own layout back.
      await press(browserName, page.getByRole('button', { name: /back to the page/i }));
      await view.waitFor({ state: 'detached' });
      assert.notEqual(await page.evaluate(() => document.body.style.overflowX), 'clip');
      await closePage(page);
    });
  },
  { launch: (name) => ({ viewport: PHONE, hasTouch: name === 'chromium', isMobile: name === 'chromium' }) },
);
