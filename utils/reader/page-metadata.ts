import { normaliseSpace } from './text';

/**
 * What a page declares about itself in its <head> (Open Graph, article:*) and its JSON-LD:
 * whether it is an article, its headline, images and language. Read defensively: JSON-LD is
 * page-controlled text, so a malformed, huge or hostile script is skipped, never thrown on,
 * and the parsed data is walked iteratively under a node budget.
 */
export interface PageMetadata {
  /**
   * How the page says it is an article: 'declared' by a JSON-LD article entity or an
   * article:published_time; 'og-type' by og:type=article alone, a weak sign (themes leave it
   * at their default: Maghress's own listings say "article"); null when it does not, or when
   * it declares itself a listing (og:type website, JSON-LD CollectionPage…).
   */
  article: 'declared' | 'og-type' | null;
  title?: string;
  /** og:image / twitter:image / the article's JSON-LD image, as written (resolve against the page URL). */
  images: string[];
  /** Primary language subtag: "fr" from og:locale "fr_FR" or inLanguage "fr-MA". */
  lang?: string;
  /** The URL the metadata describes (canonical link or og:url), if any. */
  url?: string;
}

/** schema.org's Article and the subtypes news sites use. */
const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|BlogPosting|Report)$/;
/** Pages that list articles: never opened, even when they carry a dated teaser's metadata. */
const LISTING_TYPE = /^(?:CollectionPage|SearchResultsPage|ProfilePage|ItemList)$/;

/** Longer JSON-LD is not an article's metadata (some sites inline whole feeds): skipped unread. */
const MAX_SCRIPT_CHARS = 200_000;
const MAX_SCRIPTS = 12;
/** Objects and arrays looked at per page: enough for a @graph, bounded for a hostile page. */
const MAX_NODES = 2000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const value = normaliseSpace(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(item: { [key: string]: Json }): string[] {
  const type = item['@type'];
  const list = Array.isArray(type) ? type : [type];
  // "https://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

/** A string, or the first string among an array / ImageObject's url (JSON-LD's shapes of a value). */
function strings(value: Json | undefined, out: string[], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value) && depth < 2) value.slice(0, 5).forEach((v) => strings(v, out, depth + 1));
  else if (isObject(value) && depth < 2) strings(value['url'] ?? value['contentUrl'] ?? value['@id'], out, depth + 1);
  return out;
}

/**
 * The page's top-level JSON-LD items: each script's object, the members of an array, and of
 * a `@graph`. Nested items (an ItemList's teasers, an article's publisher) are not the page.
 */
function jsonLdItems(doc: Document): { [key: string]: Json }[] {
  const items: { [key: string]: Json }[] = [];
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_SCRIPTS);
  let budget = MAX_NODES;
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      continue; // Malformed JSON-LD is common (trailing commas, raw newlines in strings).
    }
    const queue: Json[] = [parsed];
    while (queue.length && budget-- > 0) {
      const value = queue.shift()!;
      if (Array.isArray(value)) queue.push(...value.slice(0, MAX_NODES));
      else if (isObject(value)) {
        items.push(value);
        if (Array.isArray(value['@graph'])) queue.push(...value['@graph'].slice(0, MAX_NODES));
      }
    }
  }
  return items;
}

export function readPageMetadata(doc: Document): PageMetadata {
  const items = jsonLdItems(doc);
  const article = items.find((item) => typesOf(item).some((t) => ARTICLE_TYPE.test(t)));
  const ogType = (meta(doc, 'og:type') ?? '').toLowerCase();
  const declaresListing = items.some((item) => typesOf(item).some((t) => LISTING_TYPE.test(t)));
  // JSON-LD names the page's main entity; og:type is one word for the whole page and is often
  // left at a theme's default, so an article entity wins over it. A page with no og:type (or
  // og:type article) may still date itself as an article (article:published_time).
  const listing = declaresListing || (ogType !== '' && ogType !== 'article');
  const dated = !listing && Boolean(meta(doc, 'article:published_time'));
  const declared = article || dated ? 'declared' : !listing && ogType === 'article' ? 'og-type' : null;
  const images = [
    ...strings(article?.['image'], []),
    ...strings(article?.['thumbnailUrl'], []),
    ...['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'].map((k) => meta(doc, k) ?? ''),
  ].map((src) => src.trim()).filter((src, i, all) => src && all.indexOf(src) === i);
  const headline = strings(article?.['headline'], [])[0] ?? strings(article?.['name'], [])[0];
  const title = normaliseSpace(headline ?? meta(doc, 'og:title', 'twitter:title') ?? '');
  const lang = (strings(article?.['inLanguage'], [])[0] ?? meta(doc, 'og:locale') ?? '').toLowerCase().split(/[-_]/)[0];
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta(doc, 'og:url');
  return {
    article: declared,
    ...(title ? { title } : {}),
    images,
    ...(lang && /^[a-z]{2,3}$/.test(lang) ? { lang } : {}),
    ...(url ? { url } : {}),
  };
}
