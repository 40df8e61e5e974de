/**
 * A site adapter is pure data: which hosts it owns, which URLs are articles, and ordered
 * selectors for each field. Extraction tries each selector in order and falls back to the
 * generic extractor when none matches, so a template change degrades quality, never breaks.
 */
export interface SiteRule {
  /** Stable id, used in stored reports and settings (e.g. "maghress"). */
  id: string;
  /** Display name of the site / newspaper, as its readers know it. */
  name: string;
  /** Name in Latin script, for French/English UI. */
  latinName: string;
  /** Registrable hostnames; subdomains (www., fr., …) match too. */
  hosts: string[];
  /** Main language of the site; the article's own markup and text can override it. */
  lang: 'ar' | 'fr';
  /** Path patterns (tested against `pathname`) of article pages. */
  articlePaths: RegExp[];
  /** Path patterns that are never articles even when `articlePaths` match (tags, search…). */
  notArticlePaths?: RegExp[];
  selectors: SiteSelectors;
  /** URLs that must (article) and must not (notArticle) be detected as this site's articles. */
  testUrls: { article: string[]; notArticle: string[] };
}

export interface SiteSelectors {
  title?: string[];
  body?: string[];
  date?: string[];
  /** Elements whose text names the original newspaper (aggregators). */
  source?: string[];
  /** Links to the original article (aggregators). */
  sourceLink?: string[];
  /** Removed from the body before anything else: ads, share bars, related lists… */
  remove?: string[];
}
