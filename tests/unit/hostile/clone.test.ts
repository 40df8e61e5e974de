// @vitest-environment jsdom
/**
 * cloneForExtraction (utils/reader/clone.ts): the copy extraction works on. It must be the
 * page, node for node, on every real fixture; flatten (in order, keeping every word) what is
 * nested deeper than MAX_DEPTH; and hold none of the attributes that make document named
 * properties.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cloneForExtraction, copyForReading, MAX_DEPTH } from '../../../utils/reader/clone';
import { loadFixtures, readPage } from '../../fixtures/index.mjs';

function depthOf(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of Array.from(node.childNodes)) stack.push([c, d + 1]);
  }
  return max;
}

describe('cloneForExtraction', () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))('%s: the same document as cloneNode(true), minus named-property attributes and template contents', (_name, fixture) => {
    const doc = new JSDOM(readPage(fixture), { url: fixture.url }).window.document;
    const expected = doc.cloneNode(true) as Document;
    for (const el of Array.from(expected.querySelectorAll('img[name], form[name], embed[name], iframe[name], object[name]'))) el.removeAttribute('name');
    for (const el of Array.from(expected.querySelectorAll('object[id]'))) el.removeAttribute('id');
    // A <template>'s content is a separate, inert fragment, never article text: not copied.
    for (const el of Array.from(expected.querySelectorAll('template'))) (el as HTMLTemplateElement).content.replaceChildren();
    const copy = cloneForExtraction(doc);
    expect(copy).not.toBe(doc);
    expect(copy.URL).toBe(doc.URL);
    expect(copy.documentElement.outerHTML).toBe(expected.documentElement.outerHTML);
    expect(copy.childNodes.length).toBe(doc.childNodes.length);
  });

  it('flattens what is deeper than MAX_DEPTH into its ancestor, in order, keeping every word', () => {
    const depth = 5000;
    const html = `<!DOCTYPE html><html><body><p>قبل</p>${'<div><b>'.repeat(depth / 2)}<i>عميق</i> ثم ${'</b></div>'.repeat(depth / 2)}<p>بعد</p></body></html>`;
    const doc = new JSDOM(html).window.document;
    const copy = cloneForExtraction(doc);
    expect(depthOf(copy)).toBeLessThanOrEqual(MAX_DEPTH + 2);
    expect(copy.body.textContent).toBe(doc.body.textContent);
    expect(copy.body.textContent).toBe('قبلعميق ثم بعد');
    expect(copy.querySelectorAll('div').length + copy.querySelectorAll('b').length).toBe(depth);
    // jsdom parses and walks 5,000-deep markup slowly (seconds on a loaded machine).
  }, 60_000);

  it('drops the attributes that would make document named properties', () => {
    const doc = new JSDOM('<img name="body" id="x"><form name="querySelectorAll" id="f"></form><object id="cloneNode" name="y"></object><iframe name="defaultView"></iframe><embed name="title"><input name="keep">').window.document;
    const copy = cloneForExtraction(doc);
    expect(copy.querySelectorAll('[name]').length).toBe(1);
    expect(copy.querySelector('[name]')!.localName).toBe('input');
    expect(copy.querySelector('img')!.id).toBe('x');
    expect(copy.querySelector('form')!.id).toBe('f');
    expect(copy.querySelector('object')!.hasAttribute('id')).toBe(false);
    // The page itself is untouched.
    expect(doc.querySelectorAll('[name]').length).toBe(6);
  });
});

describe('copyForReading', () => {
  const page = `<!DOCTYPE html><html lang="fr" dir="ltr"><head><title>Le titre</title><base href="https://exemple.ma/news/">
    <meta property="og:type" content="article"><link rel="canonical" href="https://exemple.ma/a/1"><link rel="stylesheet" href="x.css">
    <style>p{color:red}</style><script>window.x=1</script><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
    <body class="b"><p>Un paragraphe <a href="suite.html">lien</a></p><script>evil()</script><style>a{}</style><svg><text>svg</text></svg>
    <noscript><img src="n.jpg"></noscript><meta itemprop="datePublished" content="2024-05-01"><script type="application/ld+json">{"@type":"Person"}</script>
    <img name="body" src="i.jpg"><template><p>gabarit</p></template></body></html>`;

  it('keeps what extraction reads: <html> attributes, the head metadata, the body text, microdata and JSON-LD', () => {
    const doc = new JSDOM(page, { url: 'https://exemple.ma/news/1.html' }).window.document;
    const copy = copyForReading(doc);
    expect(copy).not.toBe(doc);
    expect(copy.documentElement.getAttribute('lang')).toBe('fr');
    expect(copy.title).toBe('Le titre');
    expect(copy.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(copy.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://exemple.ma/a/1');
    expect(copy.querySelectorAll('script[type="application/ld+json"]').length).toBe(2);
    expect(copy.querySelector('meta[itemprop="datePublished"]')).not.toBeNull();
    expect(copy.body.className).toBe('b');
    expect(copy.body.querySelector('p')?.textContent).toBe('Un paragraphe lien');
  });

  it('resolves relative URLs against the page (an inert document is at about:blank otherwise)', () => {
    const doc = new JSDOM(page, { url: 'https://exemple.ma/news/1.html' }).window.document;
    const copy = copyForReading(doc);
    expect(copy.baseURI).toBe('https://exemple.ma/news/');
    expect((copy.querySelector('a') as HTMLAnchorElement).href).toBe('https://exemple.ma/news/suite.html');
  });

  it('drops code, styles, embeds, noscript and templates, and the attributes that make named properties', () => {
    const doc = new JSDOM(page, { url: 'https://exemple.ma/news/1.html' }).window.document;
    const copy = copyForReading(doc);
    expect(copy.querySelectorAll('style, link[rel="stylesheet"], svg, noscript, template').length).toBe(0);
    expect(Array.from(copy.querySelectorAll('script')).every((s) => s.getAttribute('type') === 'application/ld+json')).toBe(true);
    expect(copy.querySelector('img')?.hasAttribute('name')).toBe(false);
    // The page itself is untouched.
    expect(doc.querySelectorAll('script').length).toBe(4);
    expect(doc.querySelector('img[name="body"]')).not.toBeNull();
  });

  it('copies a page deeper than MAX_DEPTH by the flattening walk, still without code', () => {
    const html = `<!DOCTYPE html><html><body><script>x()</script>${'<div>'.repeat(400)}<p>عميق</p>${'</div>'.repeat(400)}</body></html>`;
    const doc = new JSDOM(html).window.document;
    const copy = copyForReading(doc);
    expect(depthOf(copy)).toBeLessThanOrEqual(MAX_DEPTH + 2);
    expect(copy.querySelector('script')).toBeNull();
    expect(copy.body.textContent).toBe('عميق');
  }, 60_000);
});
