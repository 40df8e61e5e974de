// @vitest-environment jsdom
/**
 * Hostile pages by size and shape: 1 MB attributes, 5,000-deep nesting, a 10 MB page. Each is
 * built in memory (too big to commit), extracted in jsdom, and must come out without throwing,
 * in bounded time, clean (./checks.ts) and with the real article text. The deep pages are also
 * rendered with the real ReaderView (recursion in the block builder and in Preact). Nesting is
 * counted in elements (jsdom's own parser overflows its stack near 20,000). jsdom parses deep
 * trees slowly (seconds), hence the long timeouts; the bounds are on extraction alone.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { h } from 'preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { ReaderView } from '../../../components/reader/ReaderView';
import { mountInShadow } from '../../../utils/content/mount';
import type { ReaderActions } from '../../../utils/content/reader-actions';
import { createReaderStore } from '../../../utils/content/reader-state';
import { extractArticle } from '../../../utils/reader/extract';
import { blocksText, normaliseSpace } from '../../../utils/reader/text';
import type { Article } from '../../../utils/reader/types';
import { PAGE_URL, PARAGRAPHS, REAL_IMAGE, attr, payload, realFigure } from './corpus';
import { expectCleanArticle, expectRealText } from './checks';

const MB = 1024 * 1024;
const en = JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

beforeAll(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => en[key]?.message ?? '') as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en');
});

function page(content: string, around = ''): string {
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مغرس : عنوان</title></head><body>
${around}
<div class="article"><h1>افتتاح المعرض الجهوي للكتاب بأكادير</h1>
<div class="source">نشر في هبة بريس يوم <time datetime="2024-03-08">08 - 03 - 2024</time></div>
<div class="content">
${content}
</div></div></body></html>`;
}

const plain = (p: string) => `<p>${p}</p>`;

function timed(html: string): { article: Article | null; parseMs: number; extractMs: number } {
  const t0 = performance.now();
  const doc = new JSDOM(html, { url: PAGE_URL }).window.document;
  const t1 = performance.now();
  const article = extractArticle(doc, PAGE_URL);
  const t2 = performance.now();
  return { article, parseMs: t1 - t0, extractMs: t2 - t1 };
}

const actions = new Proxy({}, { get: () => () => undefined }) as ReaderActions;

/** Render with the real ReaderView into a fresh jsdom document; return the body text shown. */
function renderText(article: Article): string {
  const doc = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: PAGE_URL }).window.document;
  const state = { ...createReaderStore().get(), open: true, article };
  const { host, unmount } = mountInShadow(doc, 'naqi-reader-root', '', h(ReaderView, { article, state, actions }));
  const shadow = host.shadowRoot!;
  expect(shadow.querySelectorAll('script, [onclick], [onmouseover], [style*="fixed"]').length).toBe(0);
  const text = normaliseSpace(shadow.querySelector('[data-testid="reader-body"]')?.textContent ?? '');
  unmount();
  return text;
}

describe('huge attributes (1 MB each)', () => {
  const big = (seed: string) => seed.repeat(Math.ceil(MB / seed.length)).slice(0, MB);
  const cases: [string, string][] = [
    ['a 1 MB onclick and title on a paragraph', `<p onclick="${attr(payload('huge') + ';'.repeat(MB))}" title="${big('ع ')}">${PARAGRAPHS[1]}</p>`],
    ['a 1 MB class of junk-looking words (the clean-up splits class names into words)', `<div class="${big('share-box relatedPosts ad_slot ')}"><span>x</span></div><p class="${big('wp-caption-text x')}">${PARAGRAPHS[1]}</p>`],
    ['a 1 MB id and a 1 MB style with position:fixed', `<div id="${big('commentsNewsTicker')}" style="${big('position:fixed;z-index:2147483647;')}"></div>${plain(PARAGRAPHS[1]!)}`],
    ['a 1 MB javascript: href around real words', `<p><a href="javascript:${attr(payload('huge-href'))}${'/'.repeat(MB)}">${PARAGRAPHS[1]}</a></p>`],
    ['a 1 MB http(s) href', `<p><a href="https://ar.hibapress.com/?q=${'a'.repeat(MB)}">${PARAGRAPHS[1]}</a></p>`],
    ['a 1 MB data: src, srcset of 20,000 candidates, lazy data-src', `<img src="data:image/png;base64,${'A'.repeat(MB)}" srcset="${Array.from({ length: 20000 }, (_, i) => `javascript:x${i} ${i + 1}w`).join(', ')}" data-srcset="${'javascript:void(0) 9w, '.repeat(MB / 22)}javascript:void(1) 10w" width="400" height="300">${plain(PARAGRAPHS[1]!)}`],
    ['1 MB of text in one unbroken word', `<p>${PARAGRAPHS[1]} ${'ب'.repeat(MB)}</p>`],
  ];
  it.each(cases)('%s', (_label, vector) => {
    const html = page([plain(PARAGRAPHS[0]!), realFigure(), vector, plain(PARAGRAPHS[2]!), plain(PARAGRAPHS[3]!)].join('\n'));
    expect(html.length).toBeGreaterThan(MB);
    let result!: ReturnType<typeof timed>;
    expect(() => (result = timed(html))).not.toThrow();
    expect(result.extractMs, `extraction took ${result.extractMs.toFixed(0)} ms`).toBeLessThan(10_000);
    const urls = expectCleanArticle(result.article, _label);
    expectRealText(result.article, _label);
    expect(result.article!.images.map((i) => i.src)).toEqual([REAL_IMAGE]);
    for (const u of urls) expect(u.length).toBeLessThanOrEqual(MB + 100);
  }, 60_000);
});

describe('5,000-deep nesting', () => {
  const DEPTH = 5000;
  /** `open` holds `per` elements; repeated to DEPTH elements in all. */
  const nest = (open: string, close: string, inner: string, per = 1) => open.repeat(DEPTH / per) + inner + close.repeat(DEPTH / per);
  const cases: [string, string][] = [
    ['<b> inside a paragraph (inline recursion)', `<p>${nest('<b>', '</b>', PARAGRAPHS[1]!)}</p>`],
    ['<blockquote>', nest('<blockquote>', '</blockquote>', PARAGRAPHS[1]!)],
    ['mixed <div><ul><li><em> (block, list and inline recursion)', nest('<div><ul><li><em>', '</em></li></ul></div>', PARAGRAPHS[1]!, 4)],
    ['<a href=javascript:> with handlers, each level', `<p>${nest(`<a href="javascript:${attr(payload('deep'))}" onclick="${attr(payload('deep'))}">`, '</a>', PARAGRAPHS[1]!)}</p>`],
    ['<svg> holding <g onload> (dropped with its content)', `<svg>${nest('<g onload="x">', '</g>', '<text>لا</text>')}</svg>${plain(PARAGRAPHS[1]!)}`],
  ];
  it.each(cases)('%s: extracted and rendered without overflowing the stack', (label, vector) => {
    const html = page([plain(PARAGRAPHS[0]!), realFigure(), vector, plain(PARAGRAPHS[2]!), plain(PARAGRAPHS[3]!)].join('\n'));
    let result!: ReturnType<typeof timed>;
    expect(() => (result = timed(html))).not.toThrow();
    expect(result.extractMs, `extraction took ${result.extractMs.toFixed(0)} ms`).toBeLessThan(10_000);
    expectCleanArticle(result.article, label);
    expectRealText(result.article, label);
    let shown = '';
    expect(() => (shown = renderText(result.article!))).not.toThrow();
    for (const p of PARAGRAPHS) expect(shown).toContain(normaliseSpace(p));
  }, 60_000);
});

describe('a 10 MB page', () => {
  it('10 MB (5 MB of inline script data, 3 MB of comments with handlers, a 2 MB article) is extracted in bounded time', () => {
    const scriptData = `<script>window.__DATA__=${JSON.stringify({ items: 'x'.repeat(5 * MB) })}</script>`;
    const comment = `<li class="comment"><p>تعليق طويل من زائر حول الموضوع <img src=x onerror="${attr(payload('comment'))}"></p></li>`;
    const comments = `<section class="comments"><ol>${comment.repeat(Math.ceil((3 * MB) / Buffer.byteLength(comment)))}</ol></section>`;
    const filler = 'وتتواصل فعاليات المعرض بتنظيم لقاءات مفتوحة مع الكتاب وورشات للأطفال في مختلف القاعات. ';
    const bodyParas: string[] = [];
    for (let size = 0, i = 0; size < 2 * MB; i++) {
      const p = `<p>${filler.repeat(4)}${i % 50 === 0 ? `<a href="javascript:${attr(payload('tenmb'))}" onclick="${attr(payload('tenmb'))}">رابط</a>` : ''}</p>`;
      bodyParas.push(p);
      size += Buffer.byteLength(p);
    }
    const html = page([plain(PARAGRAPHS[0]!), realFigure(), plain(PARAGRAPHS[1]!), ...bodyParas, plain(PARAGRAPHS[2]!), plain(PARAGRAPHS[3]!)].join('\n'), scriptData + comments);
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeGreaterThan(10 * MB);
    let result!: ReturnType<typeof timed>;
    expect(() => (result = timed(html))).not.toThrow();
    console.info(
      `10 MB page: ${(bytes / MB).toFixed(1)} MiB, jsdom parse ${result.parseMs.toFixed(0)} ms, extraction ${result.extractMs.toFixed(0)} ms, ${result.article?.blocks.length} blocks`,
    );
    // jsdom is one to two orders of magnitude slower than a browser's DOM; this bound only
    // catches a blow-up (quadratic work), not a browser-speed regression.
    expect(result.extractMs).toBeLessThan(60_000);
    expectCleanArticle(result.article, '10 MB');
    expectRealText(result.article, '10 MB');
    const text = blocksText(result.article!.blocks);
    expect(text).not.toContain('تعليق طويل من زائر');
    expect(result.article!.blocks.length).toBeGreaterThan(bodyParas.length);
    expect(result.article!.images.map((i) => i.src)).toEqual([REAL_IMAGE]);
  }, 180_000);
});
