import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, fixtureUrl, forEachBrowser, seriousA11yViolations } from './lib/harness.mjs';
import { generateLongPage } from '../fixtures/generate-long.mjs';

const normalise = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

forEachBrowser('reader view', (env) => {
  test('opens on every supported article, with the contract test ids', async () => {
    const { context } = env().browser;
    const articles = env().server.fixtures.filter((f) => f.expected.isArticle && f.expected.site && !f.name.endsWith('/long'));
    assert.ok(articles.length >= 8, 'enough article fixtures');
    const page = await context.newPage();
    for (const fixture of articles) {
      await page.goto(fixture.url);
      const view = page.getByTestId('reader-view');
      await view.waitFor({ state: 'visible', timeout: 10000 });
      const { expected } = fixture;
      assert.equal(normalise(await page.getByTestId('reader-title').textContent()), expected.title, fixture.name);
      assert.equal(await view.getAttribute('dir'), expected.dir, fixture.name);
      assert.equal(await view.getAttribute('lang'), expected.lang, fixture.name);
      const source = page.getByTestId('reader-source');
      assert.ok(normalise(await source.textContent()).includes(expected.source.name), `${fixture.name} source`);
      if (expected.source.url) assert.equal(await source.locator('a').getAttribute('href'), expected.source.url, fixture.name);
      if (expected.date) assert.ok((await page.getByTestId('reader-date').getAttribute('datetime')).startsWith(expected.date));
      const images = page.getByTestId('article-image');
      assert.equal(await images.count(), expected.images.length, `${fixture.name} images`);
      for (let i = 0; i < expected.images.length; i++) {
        const figure = images.nth(i);
        assert.equal(await figure.locator('img').getAttribute('src'), expected.images[i].src);
        assert.equal(await figure.getAttribute('data-state'), 'visible');
        const button = figure.getByTestId('report-image');
        assert.equal(await button.evaluate((b) => b.tagName), 'BUTTON');
        assert.ok((await button.getAttribute('aria-label'))?.length > 0);
      }
      assert.equal(await page.getByTestId('report-image').count(), expected.images.length);
      const body = normalise(await page.getByTestId('reader-body').textContent());
      for (const junk of expected.junk) assert.ok(!body.includes(normalise(junk)), `${fixture.name}: junk "${junk}"`);
    }
    await closePage(page);
  });

  test('does not open on home, category or search pages, and puts no report buttons there', async () => {
    const page = await env().browser.context.newPage();
    const pages = env().server.fixtures.filter((f) => !f.expected.isArticle);
    assert.ok(pages.length >= 2);
    for (const fixture of pages) {
      await page.goto(fixture.url);
      // Give the content script the time it needs on an article page before judging absence.
      await page.waitForTimeout(800);
      assert.equal(await page.getByTestId('reader-view').count(), 0, fixture.name);
      assert.equal(await page.getByTestId('report-image').count(), 0, fixture.name);
      assert.equal(await page.getByTestId('page-report-image').count(), 0, fixture.name);
    }
    await closePage(page);
  });

  test('returns to the original page and back', async () => {
    const page = await env().browser.context.newPage();
    await page.goto(fixtureUrl(env(), 'maghress/seed-article').url);
    const view = page.getByTestId('reader-view');
    await view.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: /back to the page/i }).click();
    await view.waitFor({ state: 'detached' });
    // The original page is usable again: its own scroll is restored.
    assert.notEqual(await page.evaluate(() => document.documentElement.style.overflow), 'hidden');
    // Report buttons follow the reader onto the original page's article images.
    assert.ok((await page.getByTestId('page-report-image').count()) >= 1);
    await page.getByRole('button', { name: /reader view/i }).click();
    await view.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await closePage(page);
  });

  test('settings persist across reloads', async () => {
    const page = await env().browser.context.newPage();
    await page.goto(fixtureUrl(env(), 'maghress/seed-article').url);
    await page.getByTestId('reader-view').waitFor({ state: 'visible' });
    const size = () => page.getByTestId('reader-view').evaluate((el) => getComputedStyle(el.querySelector('article')).fontSize);
    const before = await size();
    await page.getByRole('button', { name: /larger text/i }).click();
    await page.getByLabel('Theme').selectOption('dark');
    const after = await size();
    assert.notEqual(after, before);
    await page.reload();
    await page.getByTestId('reader-view').waitFor({ state: 'visible' });
    assert.equal(await size(), after);
    assert.match((await page.getByTestId('reader-view').getAttribute('class')) ?? '', /theme-dark/);
    // Turning auto-open off for the site keeps the page as it is on the next visit.
    await page.getByLabel(/open by itself/i).uncheck();
    await page.reload();
    await page.waitForTimeout(800);
    assert.equal(await page.getByTestId('reader-view').count(), 0);
    await page.getByRole('button', { name: /reader view/i }).click();
    await page.getByTestId('reader-view').waitFor({ state: 'visible' });
    await page.getByLabel(/open by itself/i).check();
    await page.getByLabel('Theme').selectOption('system');
    await closePage(page);
  });

  test('nothing from a hostile page executes in the reader view', async () => {
    const page = await env().browser.context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(fixtureUrl(env(), 'maghress/hostile').url);
    const view = page.getByTestId('reader-view');
    await view.waitFor({ state: 'visible' });
    await page.waitForTimeout(1000);
    const pwned = await page.evaluate(() => window.__pwned ?? null);
    assert.ok(Array.isArray(pwned), 'the fixture defines window.__pwned');
    assert.deepEqual(pwned.filter((p) => p === 'reader'), [], 'no payload ran inside the reader view');
    const html = await view.evaluate((el) => el.innerHTML);
    assert.doesNotMatch(html, /<script|<iframe|<object|<embed|<form|javascript:|\son[a-z]+=/i);
    assert.ok(normalise(await page.getByTestId('reader-body').textContent()).length > 200, 'the text is still shown');
    await closePage(page);
  });

  test('a very long article, rendered in slices, ends up whole: every paragraph, every image with its report button', async () => {
    const long = generateLongPage({ paragraphs: 2000, images: 150, id: 7200001 });
    env().server.setPage(long.url, long.html);
    const page = await env().browser.context.newPage();
    await page.goto(long.url);
    const body = page.getByTestId('reader-body');
    await body.waitFor({ state: 'visible', timeout: 10000 });
    // Done once the body is no longer aria-busy (the last slice removes it).
    await page.locator('[data-testid="reader-body"]:not([aria-busy])').waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('article-image').count(), long.expected.images.length);
    assert.equal(await page.getByTestId('report-image').count(), long.expected.images.length);
    const last = long.expected.images.at(-1);
    assert.equal(await page.getByTestId('article-image').last().getAttribute('data-image-url'), last.src);
    const paragraphs = await body.evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
    const expectedParagraphs = long.expected.bodyText.split('\n\n').filter((t) => !/^[^،.]+ \(\d+\)$/.test(t));
    assert.equal(paragraphs.length, expectedParagraphs.length);
    assert.equal(paragraphs.at(-1), normalise(expectedParagraphs.at(-1)));
    await closePage(page);
  });

  test('a link to an image deep in a very long article scrolls to it', async () => {
    const long = generateLongPage({ paragraphs: 2000, images: 150, id: 7200002 });
    env().server.setPage(long.url, long.html);
    const target = long.expected.images[140].src;
    const page = await env().browser.context.newPage();
    await page.goto(`${long.url}#naqi-image=${encodeURIComponent(target)}`);
    const figure = page.locator(`[data-testid="article-image"][data-image-url="${target}"]`);
    await figure.waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForFunction(
      (src) => {
        const root = document.querySelector('naqi-reader-root')?.shadowRoot;
        const fig = root?.querySelector(`figure[data-image-url="${CSS.escape(src)}"]`);
        if (!fig?.classList.contains('is-highlighted')) return false;
        const box = fig.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      },
      target,
      { timeout: 10000 },
    );
    await closePage(page);
  });

  test('the reader view has no serious accessibility violation (light and dark, Arabic and French)', async () => {
    const page = await env().browser.context.newPage();
    const french = env().server.fixtures.find((f) => f.expected.isArticle && f.expected.lang === 'fr' && f.expected.site);
    for (const url of [fixtureUrl(env(), 'maghress/seed-article').url, french.url]) {
      for (const theme of ['light', 'dark']) {
        await page.goto(url);
        await page.getByTestId('reader-view').waitFor({ state: 'visible' });
        await page.getByLabel('Theme').selectOption(theme);
        const violations = await seriousA11yViolations(page, 'naqi-reader-root');
        assert.deepEqual(violations, [], `${url} ${theme}`);
      }
    }
    await page.getByLabel('Theme').selectOption('system');
    await closePage(page);
  });
});

forEachBrowser('single-page navigation', (env) => {
  test('a URL change without a reload re-runs detection', async () => {
    const demo = fixtureUrl(env(), 'maghress/seed-article');
    const articlePath = new URL(demo.url).pathname;
    // A home page that turns itself into the article the way single-page sites do.
    env().server.setPage(
      'https://www.maghress.com/spa-home',
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مغرس</title></head>
       <body><h1>مغرس</h1><button id="go">go</button><script>
         document.getElementById('go').addEventListener('click', async () => {
           const html = await (await fetch(${JSON.stringify(demo.url)})).text();
           const doc = new DOMParser().parseFromString(html, 'text/html');
           document.title = doc.title;
           document.body.replaceWith(document.adoptNode(doc.body));
           history.pushState({}, '', ${JSON.stringify(articlePath)});
         });
       </script></body></html>`,
    );
    const page = await env().browser.context.newPage();
    await page.goto('https://www.maghress.com/spa-home');
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('reader-view').count(), 0);
    await page.click('#go');
    await page.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(normalise(await page.getByTestId('reader-title').textContent()), demo.expected.title);
    await closePage(page);
  });
  test('moving on before a very long article has finished rendering shows only the next article', async () => {
    const demo = fixtureUrl(env(), 'maghress/seed-article');
    const long = generateLongPage({ paragraphs: 2000, images: 150, id: 7200003 });
    // The long article's page turns itself into another article as soon as the reader shows.
    const navigate = `<script>
      const watch = setInterval(async () => {
        if (!document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('[data-testid="reader-view"]')) return;
        clearInterval(watch);
        const html = await (await fetch(${JSON.stringify(demo.url)})).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
        history.pushState({}, '', ${JSON.stringify(new URL(demo.url).pathname)});
      }, 5);
    </script></body>`;
    env().server.setPage(long.url, long.html.replace('</body>', navigate));
    const page = await env().browser.context.newPage();
    await page.goto(long.url);
    await page.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForFunction(
      (title) => document.querySelector('naqi-reader-root')?.shadowRoot?.querySelector('[data-testid="reader-title"]')?.textContent.trim() === title,
      demo.expected.title,
      { timeout: 10000 },
    );
    await page.locator('[data-testid="reader-body"]:not([aria-busy])').waitFor({ timeout: 10000 });
    // Give a leftover slice of the long article every chance to show up.
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('article-image').count(), demo.expected.images.length);
    assert.equal(await page.getByTestId('report-image').count(), demo.expected.images.length);
    const text = normalise(await page.getByTestId('reader-body').textContent());
    assert.ok(!text.includes(normalise(long.expected.bodyText.split('\n\n')[0])), 'nothing of the long article is left');
    await closePage(page);
  });
});
