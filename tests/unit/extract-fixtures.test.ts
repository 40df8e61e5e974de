// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detectArticlePage, extractArticle } from '../../utils/reader/extract';
import { blocksText, normaliseSpace } from '../../utils/reader/text';
import { tokenF1 } from './f1';
import { loadFixtures } from '../fixtures/index.mjs';

interface Expected {
  url: string;
  site: string | null;
  isArticle: boolean;
  title: string;
  source: { name: string; url?: string } | null;
  date: string | null;
  lang: string;
  dir: 'rtl' | 'ltr';
  bodyText: string;
  images: { src: string; caption: string }[];
  junk: string[];
}
interface Fixture {
  name: string;
  dir: string;
  url: string;
  expected: Expected;
}

const fixtures = loadFixtures() as Fixture[];

function load(fixture: Fixture) {
  const html = readFileSync(join(fixture.dir, 'page.html'), 'utf8');
  return new JSDOM(html, { url: fixture.url }).window.document;
}

describe('fixtures', () => {
  it('there are at least 14 pages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });
});

for (const fixture of fixtures) {
  const { expected } = fixture;
  describe(fixture.name, () => {
    it('is detected as the right site and page kind', () => {
      const kind = detectArticlePage(load(fixture), fixture.url);
      expect(kind.site?.id ?? null).toBe(expected.site);
      // Unknown sites open only on demand, so they are never "articles" by URL.
      expect(kind.isArticle).toBe(expected.site !== null && expected.isArticle);
    });

    if (!expected.isArticle) return;

    const doc = load(fixture);
    const article = extractArticle(doc, fixture.url);
    const text = article ? blocksText(article.blocks) : '';

    it('has the exact title', () => {
      expect(article?.title).toBe(expected.title);
    });

    it(`has body text F1 ≥ 0.95`, () => {
      const f1 = tokenF1(normaliseSpace(text), normaliseSpace(expected.bodyText));
      expect(f1, `F1 ${f1.toFixed(3)}\n--- got ---\n${text.slice(0, 3000)}`).toBeGreaterThanOrEqual(0.95);
    });

    it('has exactly the article images, in order, with captions', () => {
      expect(article?.images.map((i) => ({ src: i.src, caption: i.caption }))).toEqual(
        expected.images.map((i) => ({ src: i.src, caption: normaliseSpace(i.caption) })),
      );
    });

    it('keeps no junk', () => {
      for (const junk of expected.junk) expect(text, junk).not.toContain(normaliseSpace(junk));
    });

    it('has the source, date, language and direction', () => {
      expect(article?.source?.name).toBe(expected.source?.name);
      if (expected.source?.url) expect(article?.source?.url).toBe(expected.source.url);
      expect(article?.date ?? null).toBe(expected.date);
      expect(article?.lang).toBe(expected.lang);
      expect(article?.dir).toBe(expected.dir);
    });

    it('leaves the page untouched', () => {
      const before = doc.documentElement.outerHTML;
      extractArticle(doc, fixture.url);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });
}
