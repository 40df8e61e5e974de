import { NON_ARTICLE_IMAGE } from './cleanup-rules';
import { absoluteHttpUrl } from './lazy-images';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node

/**
 * Wrappers themes put the featured image in, outside the body and sometimes above the headline
 * (WordPress core and common themes, tagDiv, Jannah).
 */
const FEATURED = '.post-thumbnail, .wp-block-post-featured-image, .featured-image, .single-featured-image, .entry-thumbnail, .td-post-featured-image, .post-featured-image';
/** The article's region around its body: an image there, before the body, belongs to the article. */
const REGION = 'article, main, [role="main"]';
/** Images looked at on a page: a lead image is near the top. */
const MAX_IMAGES = 200;

/**
 * Comparable form of an image URL: host-less path, without the query (CDN resizing) and the
 * WordPress size suffix ("photo-1024x576.jpg" and "photo.jpg" are one image). Next.js's
 * `/_next/image?url=…` is read as the URL it serves.
 */
function imageKey(raw: string, base: string): string | null {
  const href = absoluteHttpUrl(raw, base);
  if (!href) return null;
  let url = new URL(href);
  const inner = url.pathname.endsWith('/_next/image') ? absoluteHttpUrl(url.searchParams.get('url'), href) : null;
  if (inner) url = new URL(inner);
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: compared as written.
  }
  return path
    .replace(/-(?:\d{2,5}x\d{2,5}|scaled)(?=\.\w+$)/i, '')
    .toLowerCase();
}

/** Every URL an <img> (or its <picture>) names, lazy attributes and srcset candidates included. */
function namedUrls(img: Element): string[] {
  const els = img.parentElement?.localName === 'picture' ? Array.from(img.parentElement.children) : [img];
  const urls: string[] = [];
  for (const el of els) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'src' || attr.name.startsWith('data-')) urls.push(attr.value);
      if (/srcset$/.test(attr.name)) urls.push(...attr.value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0] ?? ''));
    }
  }
  return urls.filter((u) => u && !u.startsWith('data:'));
}

/**
 * The image the page declares as its own (og:image, JSON-LD image: `declared`), when it is shown
 * in the article's region before `end` (the body, or the first real paragraph): in a
 * featured-image wrapper, after the headline, or inside the <article>/<main> holding the body.
 * Never a logo or an ad: a declared URL that looks like one is ignored (a page without a
 * picture often declares the site's logo), and so is an <img> that does, or one in a site
 * header. Returns the element to copy (its <figure> when it has one), or null.
 */
export function declaredLeadImage(root: Element, titleEl: Element | null, end: Element, declared: string[], base: string): Element | null {
  const keys = new Set<string>();
  for (const src of declared) {
    const key = !NON_ARTICLE_IMAGE.test(src) && imageKey(src, base);
    if (key) keys.add(key);
  }
  if (!keys.size) return null;
  const region = end.parentElement?.closest(REGION) ?? null;
  const imgs = Array.from(root.querySelectorAll('img')).slice(0, MAX_IMAGES);
  for (const img of imgs) {
    // Document order: once past the body's start, nothing is a lead image any more.
    if (end.contains(img) || !(img.compareDocumentPosition(end) & FOLLOWING)) break;
    const inRegion = (titleEl?.isConnected && titleEl.compareDocumentPosition(img) & FOLLOWING) || region?.contains(img) || img.closest(FEATURED);
    const header = img.closest('header');
    if (!inRegion || img.closest('nav, aside, footer') || (header && !header.querySelector('h1') && !header.closest('article'))) continue;
    const names = `${img.getAttribute('class') ?? ''} ${img.getAttribute('alt') ?? ''} ${img.getAttribute('src') ?? ''}`;
    if (NON_ARTICLE_IMAGE.test(names)) continue;
    if (!namedUrls(img).some((src) => keys.has(imageKey(src, base) ?? ''))) continue;
    const figure = img.closest('figure');
    return figure && !figure.contains(end) ? figure : img;
  }
  return null;
}
