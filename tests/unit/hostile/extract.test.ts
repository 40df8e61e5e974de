// @vitest-environment jsdom
/**
 * Hostile corpus → extractArticle, in jsdom. For every vector alone, and for all of them in one
 * page: extraction never throws and is quick; the Article is plain data whose every URL is
 * http(s) and that holds no payload, not even as text; the real article (text, image, source,
 * date) is still there. The vectors and their payloads: ./corpus.ts.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../utils/reader/extract';
import { blocksText, normaliseSpace } from '../../../utils/reader/text';
import type { Article, Inline } from '../../../utils/reader/types';
import {
  BLOCK_VECTORS,
  INLINE_VECTORS,
  LEGIT_LINK,
  PAGE_URL,
  PARAGRAPHS,
  REAL_CAPTION,
  REAL_IMAGE,
  TITLE,
  VECTOR_COUNT,
  corpusPage,
  vectorPage,
  type BlockVector,
  type InlineVector,
} from './corpus';
import { expectCleanArticle, expectRealText } from './checks';

/** Generous: extraction of these ~10 KB pages takes a few ms; a regression to seconds is a bug. */
const MAX_MS = 1500;

function extract(html: string, url = PAGE_URL): { article: Article | null; ms: number; doc: Document } {
  const doc = new JSDOM(html, { url }).window.document;
  const started = performance.now();
  const article = extractArticle(doc, url);
  return { article, ms: performance.now() - started, doc };
}

function links(article: Article): string[] {
  const out: string[] = [];
  const walk = (n: Inline) => {
    if (typeof n === 'string') return;
    if (n.tag === 'a' && n.href) out.push(n.href);
    n.children.forEach(walk);
  };
  for (const b of article.blocks) {
    if ('content' in b) b.content.forEach(walk);
    if ('items' in b) b.items.forEach((i) => i.forEach(walk));
  }
  return out;
}

describe('the corpus', () => {
  it(`has at least 30 vectors (it has ${VECTOR_COUNT}), each with a unique id`, () => {
    expect(VECTOR_COUNT).toBeGreaterThanOrEqual(30);
    const ids = [...INLINE_VECTORS, ...BLOCK_VECTORS].map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each<[string, InlineVector | BlockVector]>([...INLINE_VECTORS, ...BLOCK_VECTORS].map((v) => [v.id, v]))(
  'vector %s',
  (id, vector) => {
    it(`${vector.what}: extracted without throwing, quickly, clean, with the real article intact`, () => {
      let result!: ReturnType<typeof extract>;
      expect(() => (result = extract(vectorPage(vector)))).not.toThrow();
      const { article, ms } = result;
      expect(ms, `${id} took ${ms.toFixed(0)} ms`).toBeLessThan(MAX_MS);
      expectCleanArticle(article, id);
      expectRealText(article, id);
      expect(article!.title).toBe(TITLE);
      expect(article!.images.map((i) => i.src)).toEqual([REAL_IMAGE]);
      expect(article!.images[0]!.caption).toBe(REAL_CAPTION);
      expect(article!.source).toEqual({ name: 'هبة بريس', url: 'https://ar.hibapress.com/' });
    });
  },
);

describe('all vectors in one page (the hostile-corpus fixture)', () => {
  const { article, ms, doc } = extract(corpusPage());

  it('is extracted quickly', () => {
    expect(ms).toBeLessThan(MAX_MS);
  });

  it('gives plain, clean data: no markup, handler, style, or non-http(s) URL, and no payload text', () => {
    expectCleanArticle(article, 'corpus');
  });

  it('keeps every real paragraph, in order, with little else', () => {
    expectRealText(article, 'corpus');
    const body = normaliseSpace(blocksText(article!.blocks));
    const real = normaliseSpace(PARAGRAPHS.join(' '));
    // What the vectors leave as text is the page's own stray text (e.g. `">` after a broken tag).
    expect(body.length - real.length).toBeLessThan(60);
  });

  it('keeps the real image (without its onload), the title, the date and the source', () => {
    expect(article!.images).toEqual([{ src: REAL_IMAGE, caption: REAL_CAPTION, alt: '' }]);
    expect(article!.title).toBe(TITLE);
    expect(article!.date).toBe('2024-03-08');
    // The source link is `java\nscript:`: the paper's home stands in for it.
    expect(article!.source).toEqual({ name: 'هبة بريس', url: 'https://ar.hibapress.com/' });
  });

  it('keeps the one real https link and resolves relative links against the page, not a <base> it planted', () => {
    const hrefs = links(article!);
    expect(hrefs).toContain(LEGIT_LINK);
    for (const href of hrefs) expect(new URL(href).hostname).not.toBe('evil.example');
    expect(new Set(hrefs.map((h) => new URL(h).hostname))).toEqual(
      new Set(hrefs.map((h) => new URL(h).hostname).filter((h) => ['ar.hibapress.com', 'www.maghress.com'].includes(h))),
    );
  });

  it('leaves the page itself untouched', () => {
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, PAGE_URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('DOM clobbering of the page document', () => {
  // jsdom does not implement Document's named properties, so the clobbering a page gets from
  // <img name="defaultView"> (Chromium and Firefox do implement them) is simulated here.
  it('a clobbered document.defaultView cannot turn the sanitiser off', () => {
    const dom = new JSDOM(corpusPage(), { url: PAGE_URL });
    const doc = dom.window.document;
    const img = doc.createElement('img');
    img.setAttribute('name', 'defaultView');
    doc.body.append(img);
    Object.defineProperty(doc, 'defaultView', { value: img, configurable: true });
    let article: Article | null = null;
    expect(() => (article = extractArticle(doc, PAGE_URL))).not.toThrow();
    expectCleanArticle(article, 'clobbered defaultView');
    expectRealText(article, 'clobbered defaultView');
  });

  it.each(['cloneNode', 'firstChild', 'importNode', 'appendChild', 'body', 'documentElement', 'querySelector'])(
    'a clobbered document.%s neither stops extraction nor lets anything through',
    (name) => {
      const dom = new JSDOM(corpusPage(), { url: PAGE_URL });
      const doc = dom.window.document;
      const form = doc.createElement('form');
      form.setAttribute('name', name);
      doc.body.append(form);
      Object.defineProperty(doc, name, { value: form, configurable: true });
      let article: Article | null = null;
      expect(() => (article = extractArticle(doc, PAGE_URL))).not.toThrow();
      expectCleanArticle(article, `clobbered ${name}`);
      expectRealText(article, `clobbered ${name}`);
    },
  );

  it('clobbered firstChild/nextSibling/parentNode on elements (a form\'s named inputs) cannot hide content from the clone', () => {
    const dom = new JSDOM(corpusPage(), { url: PAGE_URL });
    const doc = dom.window.document;
    const content = doc.querySelector('.content')!;
    const input = doc.createElement('input');
    for (const el of [doc.body, content, content.firstElementChild!]) {
      for (const name of ['firstChild', 'nextSibling', 'parentNode', 'childNodes']) {
        Object.defineProperty(el, name, { value: name === 'childNodes' ? [] : input, configurable: true });
      }
    }
    let article: Article | null = null;
    expect(() => (article = extractArticle(doc, PAGE_URL))).not.toThrow();
    expectCleanArticle(article, 'element clobbering');
    expectRealText(article, 'element clobbering');
  });
});
