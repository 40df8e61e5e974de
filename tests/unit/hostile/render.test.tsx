// @vitest-environment jsdom
/**
 * Hostile corpus → extractArticle → the real ReaderView, mounted the way the content script
 * mounts it (`mountInShadow`: an open shadow root on the page's own <html>) into the hostile
 * page itself, loaded in jsdom with scripts ON — so inline handlers and javascript: URLs would
 * run there if they got into the reader.
 *
 * Controls first: interacting with the page makes its payloads fire, and a payload element put
 * in a shadow root reports "reader", so the harness can see a run. Then the reader: no
 * <script>, no on* attribute, no non-http(s) URL, only the elements the components render, and
 * after every event we can throw at every element of the article (and a click on every link),
 * the page's `window.__pwned` has gained nothing.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { ReaderView } from '../../../components/reader/ReaderView';
import { READER_CSS } from '../../../components/reader/styles';
import { mountInShadow } from '../../../utils/content/mount';
import type { ReaderActions } from '../../../utils/content/reader-actions';
import { createReaderStore } from '../../../utils/content/reader-state';
import { extractArticle } from '../../../utils/reader/extract';
import { normaliseSpace } from '../../../utils/reader/text';
import { BLOCK_VECTORS, INLINE_VECTORS, PAGE_URL, PARAGRAPHS, corpusPage, payload, vectorPage } from './corpus';

type PageWindow = Window & typeof globalThis & { __pwned?: string[] };

const en = JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

const MOUSE_EVENTS = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseenter', 'mouseout', 'mouseleave', 'mousemove'];
const OTHER_EVENTS = [
  'pointerdown', 'pointerup', 'pointerover', 'pointerenter', 'focus', 'focusin', 'blur', 'keydown', 'keyup', 'keypress', 'input', 'change',
  'load', 'error', 'toggle', 'begin', 'start', 'scroll', 'wheel', 'copy', 'cut', 'paste', 'animationstart', 'animationend', 'transitionend',
  'touchstart', 'submit', 'invalid', 'select', 'drag', 'drop', 'play', 'pageshow',
];

/** Throw every event at every element under `root`, focus each, click every non-http link, let timers run. */
async function interact(root: ParentNode, win: PageWindow): Promise<number> {
  const elements = Array.from(root.querySelectorAll('*'));
  let dispatched = 0;
  for (const el of elements) {
    for (const type of MOUSE_EVENTS) {
      // A click on an http(s) link would navigate the test page; javascript: links are clicked below.
      if (type === 'click' && el.localName === 'a') continue;
      el.dispatchEvent(new win.MouseEvent(type, { bubbles: true, cancelable: true }));
      dispatched++;
    }
    for (const type of OTHER_EVENTS) {
      el.dispatchEvent(new win.Event(type, { bubbles: true, cancelable: true }));
      dispatched++;
    }
    (el as HTMLElement).focus?.();
  }
  for (const a of Array.from(root.querySelectorAll('a'))) {
    // Activation behaviour follows a javascript: href (an SVG <a> has no .click()).
    if (!/^https?:/i.test(a.getAttribute('href') ?? '')) a.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  return dispatched;
}

const noop = () => undefined;
const actions: ReaderActions = {
  open: noop,
  close: noop,
  updateSettings: noop,
  setAutoOpen: noop,
  openReport: noop,
  cancelReport: noop,
  submitReport: async () => null,
  undoReport: async () => undefined,
  dismissThanks: noop,
  reveal: noop,
};

/** Elements the reader's own components render. Anything else would have come from the page. */
const READER_TAGS = new Set([
  'div', 'header', 'main', 'article', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'a', 'time', 'figure', 'img', 'figcaption', 'button',
  'label', 'select', 'option', 'input', 'output', 'strong', 'em', 'u', 'code', 'sub', 'sup', 'mark', 'small', 'q', 'br', 'ul', 'ol',
  'li', 'blockquote', 'pre',
]);
/** Inside the article itself: only text markup, figures and the report buttons. */
const ARTICLE_TAGS = new Set([
  'article', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'a', 'time', 'div', 'figure', 'img', 'figcaption', 'button', 'strong', 'em', 'u',
  'code', 'sub', 'sup', 'mark', 'small', 'q', 'br', 'ul', 'ol', 'li', 'blockquote', 'pre',
]);
const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite', 'ping'];

/** The hostile page in jsdom with its scripts running, the reader opened on it as the content script does. */
async function openReader(html: string, readerActions: ReaderActions = actions) {
  const dom = new JSDOM(html, {
    url: PAGE_URL,
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    // The page's own broken scripts (split tags, cut payloads) throw: keep that quiet.
    virtualConsole: new VirtualConsole(),
  });
  const win = dom.window as unknown as PageWindow;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(Array.isArray(win.__pwned), 'the page defined window.__pwned').toBe(true);
  const before = [...win.__pwned!];
  const article = extractArticle(win.document, PAGE_URL)!;
  expect(article).not.toBeNull();
  const state = { ...createReaderStore().get(), open: true, article };
  const { host, unmount } = mountInShadow(win.document, 'naqi-reader-root', READER_CSS, <ReaderView article={article} state={state} actions={readerActions} />);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    win,
    host,
    shadow: host.shadowRoot!,
    /** What the page's payloads recorded since the reader opened. */
    since: () => win.__pwned!.slice(before.length),
    close() {
      unmount();
      dom.window.close();
    },
  };
}

function expectInertReader(shadow: ShadowRoot, label: string): void {
  const view = shadow.querySelector('[data-testid="reader-view"]');
  expect(view, label).not.toBeNull();
  // One <style>: Naqi's own, outside the view. Nothing document-level from the page.
  expect(shadow.querySelectorAll('style').length, label).toBe(1);
  expect(shadow.querySelector('style')!.textContent).toBe(READER_CSS);
  for (const sel of ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'meta', 'link', 'base', 'template', 'svg', 'math', 'style', 'noscript', 'textarea', 'video', 'audio', 'source', 'details', 'marquee']) {
    expect(view!.querySelectorAll(sel).length, `${label}: <${sel}> in the reader`).toBe(0);
  }
  for (const el of view!.querySelectorAll('*')) expect(READER_TAGS.has(el.localName), `${label}: <${el.localName}> in the reader`).toBe(true);
  const articleEl = view!.querySelector('article')!;
  for (const el of [articleEl, ...articleEl.querySelectorAll('*')]) {
    expect(ARTICLE_TAGS.has(el.localName), `${label}: <${el.localName}> in the article`).toBe(true);
    expect(el.hasAttribute('style'), `${label}: style attribute on <${el.localName}> in the article`).toBe(false);
  }
  for (const el of shadow.querySelectorAll('*')) {
    for (const a of Array.from(el.attributes)) {
      expect(a.name, `${label}: ${a.name} on <${el.localName}>`).not.toMatch(/^on/i);
      expect(a.value, `${label}: ${a.name} on <${el.localName}>`).not.toMatch(/javascript:|vbscript:|data:|__pwned|evil\.example/i);
      if (URL_ATTRS.includes(a.name)) expect(a.value, `${label}: ${a.name} on <${el.localName}>`).toMatch(/^https?:\/\//);
    }
    expect(el.getAttribute('style') ?? '', `${label}: inline style`).not.toMatch(/position\s*:\s*fixed|url\(|expression|binding/i);
  }
  for (const a of articleEl.querySelectorAll('a')) {
    expect(a.getAttribute('target'), label).toBe('_blank');
    expect(a.getAttribute('rel'), label).toBe('noopener noreferrer');
  }
  for (const img of articleEl.querySelectorAll('img')) expect(img.getAttribute('referrerpolicy'), label).toBe('no-referrer');
}

beforeAll(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => en[key]?.message ?? '') as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en');
});

describe('controls: the harness sees a payload run', () => {
  it('in the page itself, the same interactions make the payloads fire (as "page")', async () => {
    const reader = await openReader(corpusPage());
    expect(reader.win.__pwned).toContain('script:script-inline');
    await interact(reader.win.document.querySelector('.content')!, reader.win);
    const hits = new Set(reader.since());
    for (const id of ['b-handlers', 'span-every-handler', 'em-mixed-case-handler', 'i-slash-separated-handler', 'div-every-handler', 'a-https-with-handlers', 'real-image-onload']) {
      expect(hits, id).toContain(`page:${id}`);
    }
    // javascript: links run when clicked, with no element as `this`.
    expect(hits).toContain('unknown:a-javascript');
    expect(hits.size).toBeGreaterThan(10);
    reader.close();
  });

  it('a payload element inside a shadow root of the page reports "reader"', async () => {
    const reader = await openReader(corpusPage());
    const probe = reader.win.document.createElement('b');
    probe.setAttribute('onclick', payload('probe'));
    reader.shadow.append(probe);
    probe.dispatchEvent(new reader.win.MouseEvent('click', { bubbles: true }));
    expect(reader.since()).toEqual(['reader:probe']);
    reader.close();
  });

  it('a reader that rendered the page\'s HTML would be caught by these checks', async () => {
    const reader = await openReader(corpusPage());
    const pageHtml = reader.win.document.querySelector('.content')!.innerHTML;
    const Leaky = () => (
      <div data-testid="reader-view">
        <article dangerouslySetInnerHTML={{ __html: pageHtml }} />
      </div>
    );
    const leaky = mountInShadow(reader.win.document, 'naqi-leaky-root', READER_CSS, <Leaky />);
    expect(() => expectInertReader(leaky.host.shadowRoot!, 'leaky')).toThrow();
    await interact(leaky.host.shadowRoot!.querySelector('article')!, reader.win);
    expect(reader.since().filter((hit) => hit.startsWith('reader:')).length).toBeGreaterThan(10);
    leaky.unmount();
    reader.close();
  });
});

describe('the reader view of the whole corpus', () => {
  it('is inert: nothing from the page is rendered as markup, and nothing runs however it is used', async () => {
    const reader = await openReader(corpusPage());
    expectInertReader(reader.shadow, 'corpus');
    const dispatched = await interact(reader.shadow.querySelector('article')!, reader.win);
    expect(dispatched).toBeGreaterThan(1000);
    expect(reader.since()).toEqual([]);
    // What ran before, ran in the page itself (its own scripts and load handlers), never in the reader.
    for (const hit of reader.win.__pwned!) expect(hit).toMatch(/^(page|script):/);
    // Still inert after use (no handler added anything).
    expectInertReader(reader.shadow, 'corpus after use');
    const body = normaliseSpace(reader.shadow.querySelector('[data-testid="reader-body"]')!.textContent ?? '');
    for (const p of PARAGRAPHS) expect(body).toContain(normaliseSpace(p));
    reader.close();
  });
});

describe.each([...INLINE_VECTORS, ...BLOCK_VECTORS].map((v) => [v.id, v] as const))('reader view, vector %s', (id, vector) => {
  it('renders inert, shows the text, runs nothing', async () => {
    const reader = await openReader(vectorPage(vector));
    expectInertReader(reader.shadow, id);
    await interact(reader.shadow.querySelector('article')!, reader.win);
    expect(reader.since(), id).toEqual([]);
    const body = normaliseSpace(reader.shadow.querySelector('[data-testid="reader-body"]')!.textContent ?? '');
    for (const p of PARAGRAPHS) expect(body, id).toContain(normaliseSpace(p));
    reader.close();
  });
});

describe('the page next to the reader (open shadow root)', () => {
  // The reader lives in an OPEN shadow root in the page's own DOM (for assistive tech and the
  // e2e tests). Its report and submit buttons ignore untrusted (script) clicks, so a page
  // cannot report as the reader; it can still read the view (see SECURITY.md).
  it('a page script cannot open the report dialog by clicking the reader\'s button', async () => {
    const openReport = vi.fn();
    const reader = await openReader(corpusPage(), { ...actions, openReport });
    reader.win.eval(`document.querySelector('naqi-reader-root').shadowRoot.querySelector('[data-testid="report-image"]').click()`);
    expect(openReport).not.toHaveBeenCalled();
    reader.close();
  });

  it('(the page can read the reader, too)', async () => {
    const reader = await openReader(corpusPage());
    const seen = reader.win.eval(`document.querySelector('naqi-reader-root').shadowRoot.querySelector('[data-testid="reader-body"]').textContent.length`) as number;
    expect(seen).toBeGreaterThan(200);
    reader.close();
  });
});
