import { findSite, isArticleUrl } from '../sites';
import { needsGenericExtractor, type PageKind } from './extract-core';
import { readPageMetadata } from './page-metadata';

/** Home pages of a site or of one of its editions ("/", "/fr/"): never articles, whatever they declare. */
const SECTION_HOME = /^\/(?:[a-z]{2}\/?)?$/i;

/**
 * Whether Naqi opens by itself on this page: a supported site's article page, known by its URL
 * (the adapter's patterns), or else by what the page declares (og:type article, a JSON-LD
 * NewsArticle, article:published_time; og:type=article only with an article body the site's
 * selectors find: see page-metadata.ts), so an article at a URL shape the adapter does not know
 * still opens. Home pages and the adapter's known non-article paths (tags, search, pages of a
 * listing) never open; a category page declares itself a website or a collection and stays
 * closed. Never throws: on a page whose markup shadows document members the metadata is not
 * read and only the URL counts.
 */
export function detectArticlePage(doc: Document, pageUrl: string): PageKind {
  const site = findSite(pageUrl);
  if (!site) return { site, isArticle: false };
  const url = new URL(pageUrl);
  if (isArticleUrl(site, url)) return { site, isArticle: true };
  if (SECTION_HOME.test(url.pathname) || site.notArticlePaths?.some((re) => re.test(url.pathname))) return { site, isArticle: false };
  try {
    const meta = readPageMetadata(doc);
    // After a single-page navigation the <head> may still describe the previous page: metadata
    // counts only when the URL it declares (canonical, og:url) is this page, or it declares none.
    if (!meta.article || (meta.url && !samePath(meta.url, url))) return { site, isArticle: false };
    // og:type alone is a theme default as often as a statement: it counts when the site's own
    // rules also find an article body on the page.
    return { site, isArticle: meta.article === 'declared' || !needsGenericExtractor(doc, pageUrl) };
  } catch {
    return { site, isArticle: false };
  }
}

function samePath(declared: string, url: URL): boolean {
  const path = (u: URL) => {
    const p = u.pathname.replace(/\/+$/, '');
    try {
      return decodeURIComponent(p).toLowerCase();
    } catch {
      return p.toLowerCase();
    }
  };
  try {
    return path(new URL(declared, url)) === path(url);
  } catch {
    return false;
  }
}
