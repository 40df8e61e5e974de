import type { Readability } from '@mozilla/readability';
import { findSite, isArticleUrl } from '../sites';
import type { SiteRule } from '../sites/types';
import { buildBlocks } from './blocks';
import { cloneForExtraction } from './clone';
import { isBoilerplateText, removeJunk } from './cleanup';
import { metadataDate, parseDate } from './date';
import { resolveLazyImages } from './lazy-images';
import { sanitiseHtml, sanitiseInPlace } from './sanitise';
import { findAttribution, findSource } from './source';
import { blocksText, dirForLang, dominantScript, normaliseSpace } from './text';
import { cleanTitle } from './title';
import type { Article, Block } from './types';
import { replaceVideoEmbeds } from './video';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node

/** Below this much text a site selector has matched the wrong element (a teaser, an empty shell). */
const MIN_BODY_TEXT = 140;

export interface PageKind {
  site: SiteRule | undefined;
  isArticle: boolean;
}

/** Whether Naqi opens by itself on this URL: a supported site's article page. */
export function detectPage(pageUrl: string): PageKind {
  const site = findSite(pageUrl);
  return { site, isArticle: site ? isArticleUrl(site, pageUrl) : false };
}

/** Mozilla Readability's class, handed in so the content script can load it only when needed. */
export type GenericExtractor = typeof Readability;

/**
 * Whether the site's own rules find no article body here, so the generic extractor is
 * needed. Cheap: selectors on the live page, no clone.
 */
export function needsGenericExtractor(doc: Document, pageUrl: string): boolean {
  const site = findSite(pageUrl);
  return !(doc.body && firstMatch(doc.body, site?.selectors.body ?? []));
}

/**
 * Page → Article. Site rules first, then the generic extractor (Mozilla Readability) when
 * they find no body, then Naqi's own clean-up, sanitising and rebuilding. Works on a clone:
 * the page is untouched. Pure apart from the DOM it is given, so it runs in Node (jsdom).
 */
export function extractArticleWith(doc: Document, pageUrl: string, Generic: GenericExtractor | null): Article | null {
  const url = new URL(pageUrl);
  const base = url.href;
  const site = findSite(url);
  const win = defaultViewOf(doc) ?? globalThis.window;
  // Not doc.cloneNode(true): bounded depth, no recursion, no clobbered members (see clone.ts).
  const clone = cloneForExtraction(doc);
  const root = clone.body ?? clone.documentElement;
  if (!root) return null;

  resolveLazyImages(root, base);
  replaceVideoEmbeds(root, base);

  const siteNames = siteNamesFor(clone, site, url);
  const titleEl = findTitleElement(clone, site, siteNames);
  const title = titleEl ? cleanTitle(titleEl.textContent ?? '', siteNames) : documentTitle(clone, siteNames);
  const source = findSource(clone, root, site, url);
  const date = findDate(clone, root, site);

  let body = firstMatch(root, site?.selectors.body ?? []);
  removeJunk(root, body, site?.selectors.remove ?? []);
  if (body && (!body.isConnected || normaliseSpace(body.textContent ?? '').length < MIN_BODY_TEXT)) body = null;

  // Taken before Readability runs: it rewrites the clone.
  const lead = leadImages(root, titleEl, body);
  let sanitised: ParentNode;
  if (body) {
    // Sanitised where it stands, in the inert copy: no serialising and parsing again. Safe
    // from mutation XSS, which needs a second parse: the blocks are built from this tree and
    // never turned back into HTML.
    const container = clone.createElement('div');
    container.append(...lead, ...Array.from(body.childNodes));
    sanitised = sanitiseInPlace(container, win);
  } else {
    const leadHtml = lead.map((el) => el.outerHTML).join('');
    const parsed = Generic ? new Generic(clone, { keepClasses: true, charThreshold: 250 }).parse() : null;
    sanitised = sanitiseHtml(leadHtml + (parsed?.content ?? ''), win);
  }
  const { blocks, images } = buildBlocks(sanitised, base);
  const cleanBlocks = dropJunkBlocks(blocks, title);
  const text = blocksText(cleanBlocks);
  const lang = detectLang(`${title} ${text}`, clone, site);

  return {
    url: base,
    siteId: site?.id ?? null,
    siteName: site?.name ?? source.name,
    title,
    source,
    ...(date ? { date } : {}),
    lang,
    dir: dirForLang(lang),
    blocks: cleanBlocks,
    images,
  };
}

/**
 * The document's window, read through the real `Document.prototype` getter: page markup such as
 * `<img name="defaultView">` shadows `document.defaultView` (Document's named properties), which
 * would hand the sanitiser an element instead of a window and stop the reader from opening.
 */
function defaultViewOf(doc: Document): Window | null {
  for (let proto: object | null = Object.getPrototypeOf(doc); proto; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, 'defaultView')?.get;
    if (getter) return (getter.call(doc) as Window | null) ?? null;
  }
  return null;
}

function siteNamesFor(doc: Document, site: SiteRule | undefined, url: URL): string[] {
  const ogSiteName = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
  const host = url.hostname.replace(/^www\./, '');
  return [site?.name ?? '', site?.latinName ?? '', ogSiteName, host, host.split('.')[0] ?? ''].filter((n) => n.length > 1);
}

function firstMatch(root: ParentNode, selectors: string[]): Element | null {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (normaliseSpace(el.textContent ?? '').length >= MIN_BODY_TEXT) return el;
    }
  }
  return null;
}

/** The headline element: the site's selectors, else the <h1> that is not the site's logo. */
function findTitleElement(doc: Document, site: SiteRule | undefined, siteNames: string[]): Element | null {
  const isHeadline = (el: Element) => {
    const text = normaliseSpace(el.textContent ?? '');
    return text.length >= 6 && text.length <= 400 && cleanTitle(text, siteNames) !== '' && !siteNames.some((n) => n === text);
  };
  for (const selector of [...(site?.selectors.title ?? []), 'article h1', 'main h1', 'h1', '[itemprop="headline"]']) {
    const found = Array.from(doc.querySelectorAll(selector)).find(isHeadline);
    if (found) return found;
  }
  return null;
}

function documentTitle(doc: Document, siteNames: string[]): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return cleanTitle(og || doc.title || '', siteNames);
}

function findDate(doc: Document, root: ParentNode, site: SiteRule | undefined): string | undefined {
  for (const selector of site?.selectors.date ?? []) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const date = parseDate(el.getAttribute('datetime')) ?? parseDate(el.getAttribute('content')) ?? parseDate(el.textContent);
      if (date) return date;
    }
  }
  return metadataDate(doc) ?? parseDate(findAttribution(root)?.text) ?? parseDate(root.querySelector('time')?.getAttribute('datetime'));
}

/**
 * The lead image often sits between the headline and the body (a hero figure), outside
 * the body element a site selector finds and outside what Readability keeps. We take the
 * images after the headline and before the body (or, without one, before the first real
 * paragraph); the block builder then drops avatars, icons and pixels among them.
 */
function leadImages(root: Element, titleEl: Element | null, body: Element | null): Element[] {
  if (!titleEl?.isConnected) return [];
  const end = body ?? Array.from(root.querySelectorAll('p')).find(
    (p) => titleEl.compareDocumentPosition(p) & FOLLOWING && normaliseSpace(p.textContent ?? '').length >= 80,
  );
  if (!end) return [];
  const parts: Element[] = [];
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (!(titleEl.compareDocumentPosition(img) & FOLLOWING)) continue;
    if (!(img.compareDocumentPosition(end) & FOLLOWING) || end.contains(img)) break;
    const part = img.closest('figure') ?? img;
    if (!parts.includes(part)) parts.push(part);
    if (parts.length === 3) break;
  }
  return parts;
}

function dropJunkBlocks(blocks: Block[], title: string): Block[] {
  const normalTitle = normaliseSpace(title);
  return blocks.filter((block, index) => {
    if (block.type === 'figure' || block.type === 'video') return true;
    const text = blocksText([block]);
    if (!text || isBoilerplateText(text)) return false;
    // Bodies often repeat the headline as their first heading.
    if (index < 3 && block.type !== 'p' && text === normalTitle) return false;
    return true;
  });
}

const FRENCH_WORDS = /\b(?:le|la|les|des|du|une|est|et|dans|pour|sur|avec|qui|que|au|aux)\b/gi;
const ENGLISH_WORDS = /\b(?:the|and|of|to|is|in|for|on|with|that|was|are)\b/gi;

function detectLang(text: string, doc: Document, site: SiteRule | undefined): string {
  const script = dominantScript(text);
  if (script === 'arabic') return 'ar';
  const declared = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (script === 'latin') {
    if (declared && declared !== 'ar') return declared;
    const fr = text.match(FRENCH_WORDS)?.length ?? 0;
    const en = text.match(ENGLISH_WORDS)?.length ?? 0;
    return fr >= en ? 'fr' : 'en';
  }
  return declared || site?.lang || 'ar';
}
