// @vitest-environment node
/**
 * Extraction has two ways through a page: the cheap one, when the site's selectors find the
 * body (the page is read, only the body and lead images are copied), and the whole-page copy
 * (unknown sites, redesigns, and pages whose markup shadows document members). Where both can
 * run they must give the same article; an `<img name>` in the head forces the second.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractArticle, needsGenericExtractor } from '../../utils/reader/extract';
import { loadFixtures } from '../fixtures/index.mjs';

interface Fixture {
  name: string;
  dir: string;
  url: string;
  expected: { isArticle: boolean; site: string | null };
}

const load = (fixture: Fixture) => new JSDOM(readFileSync(join(fixture.dir, 'page.html'), 'utf8'), { url: fixture.url }).window.document;

const onSiteRules = (loadFixtures() as Fixture[]).filter((f) => f.expected.isArticle && f.expected.site && !needsGenericExtractor(load(f), f.url));

describe('site-rule pages: the cheap path and the whole-page copy agree', () => {
  it('covers most of the supported-site fixtures', () => {
    expect(onSiteRules.length).toBeGreaterThanOrEqual(12);
  });

  it.each(onSiteRules.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const cheap = extractArticle(load(fixture), fixture.url);
    const forced = load(fixture);
    const shadowing = forced.createElement('img');
    shadowing.setAttribute('name', 'naqi-test');
    forced.head.append(shadowing);
    const whole = extractArticle(forced, fixture.url);
    expect(cheap).not.toBeNull();
    expect(cheap!.blocks.length).toBeGreaterThan(0);
    expect(cheap).toEqual(whole);
  });
});

describe('the cheap path', () => {
  const seed = (loadFixtures() as Fixture[]).find((f) => f.name === 'maghress/seed-article')!;

  it('leaves out a lead image that sits in an ad slot between the headline and the body', () => {
    const doc = load(seed);
    const before = extractArticle(doc, seed.url)!;
    const h1 = doc.querySelector('h1')!;
    const slot = doc.createElement('div');
    slot.className = 'ad-slot';
    slot.innerHTML = '<img src="https://ads.example/banner-728x90.jpg" width="728" height="400" alt="">';
    h1.after(slot);
    const after = extractArticle(doc, seed.url)!;
    expect(after.images.map((i) => i.src)).toEqual(before.images.map((i) => i.src));
    expect(JSON.stringify(after.blocks)).not.toContain('ads.example');
  });

  it('loads nothing: the copies live in a document without a browsing context', () => {
    const dom = new JSDOM(readFileSync(join(seed.dir, 'page.html'), 'utf8'), { url: seed.url });
    const created: Document[] = [];
    const impl = dom.window.document.implementation;
    const original = impl.createHTMLDocument.bind(impl);
    impl.createHTMLDocument = (title?: string) => {
      const made = original(title);
      created.push(made);
      return made;
    };
    const article = extractArticle(dom.window.document, seed.url);
    expect(article?.images.length).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);
    for (const inert of created) expect(inert.defaultView).toBeNull();
  });
});
