// Detection from what the page declares (issue 11), in real browsers: a supported site's article
// at a URL shape its adapter does not list opens from its metadata (og:type, JSON-LD NewsArticle),
// a category page that declares itself a website does not, and a single-page navigation whose
// <head> still describes the previous article does not open the next page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, fixtureUrl, forEachBrowser } from './lib/harness.mjs';

const normalise = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

forEachBrowser('detection from page metadata', (env) => {
  test('an article outside the URL patterns opens from its metadata, with its featured image first', async () => {
    const fixture = fixtureUrl(env(), 'alyaoum24/article-unlisted-url');
    const { expected } = fixture;
    const page = await env().browser.context.newPage();
    await page.goto(fixture.url);
    const view = page.getByTestId('reader-view');
    await view.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(normalise(await page.getByTestId('reader-title').textContent()), expected.title);
    assert.ok(normalise(await page.getByTestId('reader-source').textContent()).includes(expected.source.name));
    assert.ok((await page.getByTestId('reader-date').getAttribute('datetime')).startsWith(expected.date));
    const images = page.getByTestId('article-image');
    assert.equal(await images.count(), 1);
    assert.equal(await images.first().locator('img').getAttribute('src'), expected.images[0].src);
    assert.equal(await page.getByTestId('report-image').count(), 1);
    const body = normalise(await page.getByTestId('reader-body').textContent());
    assert.ok(body.includes(normalise(expected.bodyText.split('\n\n')[0])));
    for (const junk of expected.junk) assert.ok(!body.includes(normalise(junk)), `junk "${junk}"`);
    await closePage(page);
  });

  test('a category page that declares og:type=website gets no reader view and no report buttons', async () => {
    const fixture = fixtureUrl(env(), 'alyaoum24/category');
    const page = await env().browser.context.newPage();
    await page.goto(fixture.url);
    // Give the content script the time it needs on an article page before judging absence.
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('reader-view').count(), 0);
    assert.equal(await page.getByTestId('report-image').count(), 0);
    assert.equal(await page.getByTestId('page-report-image').count(), 0);
    await closePage(page);
  });

  test('single-page navigation: a fresh <head> that declares an article opens it; a stale one does not open the next page', async () => {
    const article = fixtureUrl(env(), 'alyaoum24/article-unlisted-url');
    const category = fixtureUrl(env(), 'alyaoum24/category');
    const articlePath = new URL(article.url).pathname;
    // A section front that turns itself into the article, <head> included, as single-page sites do…
    env().server.setPage(
      'https://alyaoum24.com/spa-front',
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اليوم 24</title>
       <meta property="og:type" content="website"></head>
       <body><h1>اليوم 24</h1><button id="go">go</button><button id="away">away</button><script>
         document.getElementById('go').addEventListener('click', async () => {
           const html = await (await fetch(${JSON.stringify(article.url)})).text();
           const doc = new DOMParser().parseFromString(html, 'text/html');
           document.head.replaceChildren(...Array.from(doc.head.childNodes).map((n) => document.adoptNode(n)));
           const away = document.getElementById('away');
           document.body.replaceWith(document.adoptNode(doc.body));
           document.body.append(away);
           history.pushState({}, '', ${JSON.stringify(articlePath)});
         });
         // …and then on to a listing, leaving the article's <head> (og:type, JSON-LD, canonical) behind.
         document.getElementById('away').addEventListener('click', async () => {
           const html = await (await fetch(${JSON.stringify(category.url)})).text();
           document.body.replaceWith(document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body));
           history.pushState({}, '', '/economie');
         });
       </script></body></html>`,
    );
    const page = await env().browser.context.newPage();
    await page.goto('https://alyaoum24.com/spa-front');
    await page.waitForTimeout(800);
    assert.equal(await page.getByTestId('reader-view').count(), 0);
    await page.click('#go');
    const view = page.getByTestId('reader-view');
    await view.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(normalise(await page.getByTestId('reader-title').textContent()), article.expected.title);
    // The reader covers the page; leave it to reach the page's own button.
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await page.click('#away');
    await page.waitForFunction(() => location.pathname === '/economie');
    await page.waitForTimeout(1200);
    assert.equal(await page.getByTestId('reader-view').count(), 0);
    assert.equal(await page.getByTestId('page-report-image').count(), 0);
    await closePage(page);
  });
});
