import type { Readability } from '@mozilla/readability';
import { findSite, isArticleUrl } from '../sites';
import type { SiteRule } from '../sites/types';
import { buildBlocks } from './blocks';
import { copyElements, copyForReading, hasNamedMembers } from './clone';
import { isBoilerplateText, isInsideJunk, removeCertainJunkAround, removeLikelyJunk } from './cleanup';
import { metadataDate, parseDate } from './date';
import { declaredLeadImage } from './lead-image';
import { resolveLazyImages } from './lazy-images';
import { readPageMetadata, type PageMetadata } from './page-metadata';
import { sanitiseInPlace } from './sanitise';
import { findAttribution, findSource, type Source } from './source';
import { blocksText, dirForLang, dominantScript, hasAtLeastChars, normaliseSpace } from './text';
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
 * they find no body, then Naqi's own clean-up, sanitising and rebuilding. Works on copies:
 * the page is untouched. Pure apart from the DOM it is given, so it runs in Node (jsdom).
 * Null when there is nothing to read.
 */
export function extractArticleWith(doc: Document, pageUrl: string, Generic: GenericExtractor | null): Article | null {
  const url = new URL(pageUrl);
  const site = findSite(url);
  const win = defaultViewOf(doc) ?? globalThis.window;
  const article = (site && fromSiteBody(doc, url, site, win)) || fromWholePage(doc, url, site, win, Generic);
  // Nothing to read is no article: the reader view never opens empty.
  return article && (article.blocks.length || article.images.length) ? article : null;
}

/** What is read around the body: the same whichever copy (or the page) it is read from. */
interface Heading {
  titleEl: Element | null;
  title: string;
  source: Source;
  date: string | undefined;
  /** The language the page declares (<html lang>, else og:locale / JSON-LD inLanguage), read before Readability can detach the copy's <html>. */
  declaredLang: string;
  /** What the page declares about itself (og:*, JSON-LD): read before any clean-up removes it. */
  meta: PageMetadata;
}

function readHeading(doc: Document, root: Element, site: SiteRule | undefined, url: URL): Heading {
  const siteNames = siteNamesFor(doc, site, url);
  const meta = readPageMetadata(doc);
  const titleEl = findTitleElement(doc, site, siteNames);
  const title = titleEl ? cleanTitle(titleEl.textContent ?? '', siteNames) : documentTitle(doc, siteNames, meta);
  return { titleEl, title, source: findSource(doc, root, site, url), date: findDate(doc, root, site), declaredLang: declaredLang(doc, meta.lang), meta };
}

/**
 * The common case, and the cheap one: the site's selectors find the body on the page. The
 * page is only read (headline, source, date); the body and the lead images are copied into
 * an inert document and cleaned there, instead of copying and cleaning the whole page.
 * Null when this cannot be done safely or well; the whole-page path then decides.
 */
function fromSiteBody(doc: Document, url: URL, site: SiteRule, win: Window): Article | null {
  // Page markup that shadows the document's own members: read nothing but a copy.
  if (hasNamedMembers(doc)) return null;
  const root = doc.body;
  const body = root && firstMatch(root, site.selectors.body ?? []);
  if (!root || !body) return null;
  const heading = readHeading(doc, root, site, url);
  const remove = site.selectors.remove ?? [];
  const lead = leadImages(root, heading, body, url.href, remove);
  const copied = copyElements(doc, [...lead, body]);
  if (!copied) return null;
  const { inert, copies } = copied;
  const bodyCopy = copies[copies.length - 1]!;
  const container = inert.createElement('div');
  // Left outside the inert document's tree: connecting nodes costs their insertion steps
  // (a page's <style>s would be parsed), for nothing.
  container.append(...copies);
  const base = url.href;
  resolveLazyImages(container, base);
  replaceVideoEmbeds(container, base);
  removeLikelyJunk(container, bodyCopy, remove);
  if (bodyCopy.parentNode !== container || !hasAtLeastChars(bodyCopy.textContent ?? '', MIN_BODY_TEXT)) return null;
  // Sanitised where it stands, in the inert copy: no serialising and parsing again. Safe
  // from mutation XSS, which needs a second parse: the blocks are built from this tree and
  // never turned back into HTML.
  bodyCopy.replaceWith(...Array.from(bodyCopy.childNodes));
  return buildArticle(heading, url, site, sanitiseInPlace(container, win));
}

/**
 * Every page the site rules cannot read: an unknown site, a redesign, a page whose markup
 * shadows document members. Works on a copy of the whole page.
 */
function fromWholePage(doc: Document, url: URL, site: SiteRule | undefined, win: Window, Generic: GenericExtractor | null): Article | null {
  const base = url.href;
  // Not doc.cloneNode(true): the parts worth reading, bounded depth, no clobbered members (see clone.ts).
  const clone = copyForReading(doc);
  const root = clone.body ?? clone.documentElement;
  if (!root) return null;

  resolveLazyImages(root, base);
  replaceVideoEmbeds(root, base);
  const heading = readHeading(clone, root, site, url);

  const remove = site?.selectors.remove ?? [];
  let body = firstMatch(root, site?.selectors.body ?? []);
  // With the body known, everything around it can be cleaned as finely as the body itself.
  // Without it, Readability gets the page less what is certainly not the article (landmarks,
  // dialogs, hidden elements), never a guess from a class name: a wrong guess there costs the
  // article, so Naqi's finer clean-up runs inside Readability's result instead.
  if (body) removeLikelyJunk(root, body, remove);
  if (body && (!body.isConnected || !hasAtLeastChars(body.textContent ?? '', MIN_BODY_TEXT))) body = null;

  const lead = leadImages(root, heading, body, base, remove);
  const container = clone.createElement('div');
  if (body) {
    container.append(...lead, ...Array.from(body.childNodes));
  } else {
    // Copied before Readability runs: it rewrites the clone (down to detaching its <html>).
    const leadCopies = lead.map((el) => el.cloneNode(true));
    removeCertainJunkAround(root, remove);
    container.append(...leadCopies, ...genericContent(clone, Generic));
    // The finer clean-up, inside what Readability kept: a wrong guess costs a line there.
    removeLikelyJunk(container, null, remove);
  }
  return buildArticle(heading, url, site, sanitiseInPlace(container, win));
}

/**
 * What the generic extractor keeps of the page, as its own element (no HTML string to parse
 * again); its metadata is not used, so its JSON-LD pass is skipped. Nothing when it finds no
 * article, or throws on a page it cannot handle: Readability alone shows nothing there either.
 */
function genericContent(clone: Document, Generic: GenericExtractor | null): Node[] {
  if (!Generic) return [];
  try {
    const parsed = new Generic(clone, { keepClasses: true, disableJSONLD: true, serializer: (el: Node) => el }).parse();
    return parsed?.content ? [parsed.content] : [];
  } catch {
    return [];
  }
}

function buildArticle(heading: Heading, url: URL, site: SiteRule | undefined, sanitised: ParentNode): Article {
  const { blocks, images } = buildBlocks(sanitised, url.href);
  const { kept: cleanBlocks, text } = dropJunkBlocks(blocks, heading.title);
  const lang = detectLang(`${heading.title} ${text}`, heading.declaredLang, site);
  return {
    url: url.href,
    siteId: site?.id ?? null,
    siteName: site?.name ?? heading.source.name,
    title: heading.title,
    source: heading.source,
    ...(heading.date ? { date: heading.date } : {}),
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
      if (hasAtLeastChars(el.textContent ?? '', MIN_BODY_TEXT)) return el;
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

/** No headline in the markup: the page's declared one (JSON-LD headline, og:title), else <title>. */
function documentTitle(doc: Document, siteNames: string[], meta: PageMetadata): string {
  return cleanTitle(meta.title || doc.title || '', siteNames);
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
 * paragraph); the block builder then drops avatars, icons and pixels among them. The image
 * the page declares (og:image, JSON-LD) comes first when it is shown in the article's region,
 * even above the headline (lead-image.ts).
 */
function leadImages(root: Element, heading: Heading, body: Element | null, base: string, remove: string[]): Element[] {
  const { titleEl } = heading;
  const end = body ?? Array.from(root.querySelectorAll('p')).find(
    (p) => (!titleEl?.isConnected || titleEl.compareDocumentPosition(p) & FOLLOWING) && normaliseSpace(p.textContent ?? '').length >= 80,
  );
  if (!end) return [];
  const declared = declaredLeadImage(root, titleEl, end, heading.meta.images, base);
  const parts: Element[] = declared ? [declared] : [];
  if (!titleEl?.isConnected) return parts;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (!(titleEl.compareDocumentPosition(img) & FOLLOWING)) continue;
    if (!(img.compareDocumentPosition(end) & FOLLOWING) || end.contains(img)) break;
    const part = img.closest('figure') ?? img;
    if (!parts.some((p) => p === part || p.contains(part) || part.contains(p))) parts.push(part);
    if (parts.length === 3) break;
  }
  // Taken from an uncleaned page or copy: none from an ad slot, a share bar, a site header.
  return parts.filter((part) => !isInsideJunk(part, end, remove));
}

/** The blocks worth reading, and their text (each block's normal form is made once). */
function dropJunkBlocks(blocks: Block[], title: string): { kept: Block[]; text: string } {
  const normalTitle = normaliseSpace(title);
  const texts: string[] = [];
  const kept = blocks.filter((block, index) => {
    if (block.type === 'figure' || block.type === 'video') return true;
    const text = blocksText([block]);
    if (!text || isBoilerplateText(text)) return false;
    // Bodies often repeat the headline as their first heading.
    if (index < 3 && block.type !== 'p' && text === normalTitle) return false;
    texts.push(text);
    return true;
  });
  // As blocksText(kept): figures and videos have no text.
  return { kept, text: texts.join('\n\n') };
}

const FRENCH_WORDS = /\b(?:le|la|les|des|du|une|est|et|dans|pour|sur|avec|qui|que|au|aux)\b/gi;
const ENGLISH_WORDS = /\b(?:the|and|of|to|is|in|for|on|with|that|was|are)\b/gi;

function declaredLang(doc: Document, metaLang: string | undefined): string {
  return (doc.documentElement?.getAttribute('lang') || metaLang || '').toLowerCase().split(/[-_]/)[0] ?? '';
}

function detectLang(text: string, declared: string, site: SiteRule | undefined): string {
  const script = dominantScript(text);
  if (script === 'arabic') return 'ar';
  if (script === 'latin') {
    if (declared && declared !== 'ar') return declared;
    const fr = text.match(FRENCH_WORDS)?.length ?? 0;
    const en = text.match(ENGLISH_WORDS)?.length ?? 0;
    return fr >= en ? 'fr' : 'en';
  }
  return declared || site?.lang || 'ar';
}
