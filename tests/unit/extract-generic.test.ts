// @vitest-environment node
/**
 * The generic path (no site rule finds the body) on pages shaped like the real ones where it
 * once failed: it must never throw, and never show less than Mozilla Readability alone finds.
 * Each page is minimal and written here; the failures they stand for were found on public
 * corpora of pages nobody tuned Naqi for.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { blocksText, extractArticle } from '../../utils/reader/extract';
import { normaliseSpace } from '../../utils/reader/text';

const URL_ = 'https://blog.example.org/2026/11/a-long-read';

/** Distinct sentences, so a test can tell which paragraphs came through. */
const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${i + 1} of the story: the council met on Tuesday to discuss the harbour, and residents ` +
    `spoke for hours about rents, the ferry timetable and the fishing quotas that shape the town's year number ${i + 1}.`,
);
const BODY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

const SIDEBAR = `<div class="sidebar-links"><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/other-${i}">Other story ${i}</a></li>`).join('')}</ul></div>`;
const MENU = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>`;

function page(body: string, htmlAttrs = 'lang="en"'): Document {
  const html = `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><title>A long read | Example Blog</title></head>
  <body>${MENU}${body}<footer><p>© Example Blog. All rights reserved.</p></footer></body></html>`;
  return new JSDOM(html, { url: URL_ }).window.document;
}

function naqiText(doc: Document): string {
  const article = extractArticle(doc, URL_);
  return article ? blocksText(article.blocks) : '';
}

function readabilityText(doc: Document): string {
  return normaliseSpace(new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '');
}

/** Every paragraph of the story is shown, and Readability alone found them too. */
function expectWholeStory(doc: Document) {
  const ours = naqiText(doc);
  const theirs = readabilityText(doc);
  for (const p of PARAGRAPHS) {
    expect(theirs, 'Readability alone').toContain(p);
    expect(ours).toContain(p);
  }
}

describe('the generic path never throws and never loses the article', () => {
  it('a <html> whose class Readability takes for a header (it detaches the copy’s root)', () => {
    const doc = page(`<main><h1>A long read</h1>${BODY}</main>`, 'lang="en" class="header-spacing"');
    expect(() => extractArticle(doc, URL_)).not.toThrow();
    expectWholeStory(doc);
    expect(extractArticle(doc, URL_)!.lang).toBe('en');
  });

  it.each([
    ['Elementor', 'elementor-widget-wrap elementor-element-populated'],
    ['Blogger', 'widget Blog'],
    ['a special report', 'SpecialReportArticle-ArticleBody'],
    ['a breaking-news template', 'article-breaking-news'],
    ['a layout wrapper', 'content-with-sidebar'],
    ['a print-friendly body', 'print-content'],
    ['a modal-ready body', 'modal-container post'],
  ])('an article body whose class holds a junk word (%s)', (_name, className) => {
    expectWholeStory(page(`<div class="${className}"><h1>A long read</h1>${BODY}</div>${SIDEBAR}`));
  });

  it('a body that holds a minority of the page’s text, inside a junk-named wrapper', () => {
    const comments = Array.from({ length: 12 }, (_, i) => `<li class="comment-item"><p>Reader ${i}: ${'I agree with this view entirely. '.repeat(6)}</p></li>`).join('');
    const doc = page(`<div id="main-widget-area"><article><h1>A long read</h1>${BODY}</article></div><section class="comments-area"><ol>${comments}</ol></section>`);
    expectWholeStory(doc);
    expect(naqiText(doc)).not.toContain('Reader 3');
  });

  it('an article whose WordPress taxonomy classes hold junk words', () => {
    const doc = page(`<article class="post type-post category-no-newsletter-rss tag-share-economy"><h1>A long read</h1><div class="entry-content">${BODY}</div></article>${SIDEBAR}`);
    expectWholeStory(doc);
  });

  it('a whole page inside a <form> (ASP.NET)', () => {
    expectWholeStory(page(`<form id="aspnetForm" method="post" action="/page.aspx"><div class="content"><h1>A long read</h1>${BODY}</div></form>`));
  });

  it('still drops a share bar and a related list inside the article', () => {
    const doc = page(
      `<article><h1>A long read</h1>${BODY}<div class="share-bar"><a href="https://facebook.com/x">Share on Facebook</a> <a href="https://x.com/x">Share on X</a></div>` +
        `<div class="related-posts"><h3>More stories</h3><ul><li><a href="/a">The ferry is late again this winter</a></li><li><a href="/b">Quotas for the next fishing season</a></li></ul></div></article>`,
    );
    expectWholeStory(doc);
    const text = naqiText(doc);
    expect(text).not.toContain('Share on Facebook');
    expect(text).not.toContain('The ferry is late again');
  });

  it('returns null, not an empty article, on a page of nothing but its menu and footer', () => {
    const doc = page('<div class="placeholder"></div>');
    expect(extractArticle(doc, URL_)).toBeNull();
  });
});

describe('boilerplate lines are lines, not articles', () => {
  it('a short article that ends with a rights line keeps its text', () => {
    const short = 'The harbour reopened on Monday after a week of storms, and the first boats went out at dawn. Fishermen said the catch was small but the prices were good, and the council promised repairs to the eastern pier before the summer.';
    const doc = page(`<div id="content"><h1>Harbour reopens</h1><p>${short}</p><p>Example Blog. All rights reserved.</p></div>`);
    const text = naqiText(doc);
    expect(readabilityText(doc)).toContain(short);
    expect(text).toContain(short);
    expect(text).not.toContain('All rights reserved');
  });
});
