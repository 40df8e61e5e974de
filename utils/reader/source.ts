import type { SiteRule } from '../sites/types';
import { sourceFromLink, sourceFromSlug, type SourcePaper } from '../sites/maghress-sources';
import { absoluteHttpUrl } from './lazy-images';
import { normaliseSpace } from './text';

const SOURCE_LINK_TEXT = /انقر هنا لقراءة الخبر من مصدره|لقراءة الخبر من مصدره|المصدر الأصلي|lire l['’]article (?:à|a|depuis) sa source|source originale|article original|read the original/i;
const ATTRIBUTION_HINT = /نشر في|publi[ée] dans/i;
const ATTRIBUTION = /نشر في\s+(.{1,60}?)\s+يوم|publi[ée] dans\s+(.{1,60}?)\s+le\s/i;

export interface Source {
  name: string;
  url?: string;
}

/** The attribution line "نشر في <paper> يوم <date>" names the paper and dates the article. */
export function findAttribution(root: ParentNode): { name: string; text: string } | undefined {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!ATTRIBUTION_HINT.test(node.nodeValue ?? '')) continue;
    // The line may be split over elements ("نشر في <a>الصباح</a> يوم …"): read up to a short block.
    for (let el = node.parentElement; el; el = el.parentElement) {
      const text = normaliseSpace(el.textContent ?? '');
      if (text.length > 200) break;
      const m = text.match(ATTRIBUTION);
      const name = m && normaliseSpace(m[1] ?? m[2] ?? '');
      if (name) return { name, text };
    }
  }
  return undefined;
}

/** The link to the original article: the site's own selectors, else the tell-tale link text. */
export function findSourceLink(root: ParentNode, selectors: string[], base: string): string | undefined {
  for (const selector of selectors) {
    for (const a of Array.from(root.querySelectorAll(selector))) {
      const link = a.tagName === 'A' ? a : a.querySelector('a[href]');
      const href = absoluteHttpUrl(link?.getAttribute('href'), base);
      if (href) return href;
    }
  }
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    if (SOURCE_LINK_TEXT.test(a.textContent ?? '')) {
      const href = absoluteHttpUrl(a.getAttribute('href'), base);
      if (href) return href;
    }
  }
  return undefined;
}

/** The slug of a Maghress article URL: /assabah/123 → "assabah", /fr/lematin/9 → "lematin". */
export function maghressSlug(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  const slug = parts[0] === 'fr' ? parts[1] : parts[0];
  return slug?.toLowerCase();
}

/**
 * Who wrote the article. On the aggregator it is what the page itself says: the attribution
 * line ("نشر في <paper> يوم …", "Publié dans <paper> le …"), else the paper whose site the
 * "read at source" link points to; the slug table only fills the gaps (no line, no usable
 * link), since a slug is Maghress's label, not the paper's name, and a wrong or missing
 * table entry must never rename a paper the page names. On a paper's own site it is that
 * paper; elsewhere the page's declared site name or its host.
 */
export function findSource(doc: Document, root: ParentNode, site: SiteRule | undefined, pageUrl: URL): Source {
  const base = pageUrl.href;
  if (site?.id === 'maghress') {
    const slug = maghressSlug(pageUrl);
    const known = slug ? sourceFromSlug(slug) : undefined;
    const isFrench = pageUrl.pathname.startsWith('/fr/');
    const nameOf = (paper: SourcePaper | undefined) => paper && (isFrench ? paper.latinName : paper.name);
    const link = findSourceLink(root, site.selectors.sourceLink ?? [], base);
    const linked = link ? sourceFromLink(link) : undefined;
    const name = findAttribution(root)?.name ?? nameOf(linked) ?? nameOf(known) ?? textOf(root, site.selectors.source ?? []) ?? slug ?? site.name;
    // The slug's home stands in for a missing link only when the page names that same paper.
    const home = [known, linked].find((paper) => paper && (name === paper.name || name === paper.latinName))?.home;
    const url = link ?? home;
    return url ? { name, url } : { name };
  }
  const canonical = absoluteHttpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), base);
  if (site) return { name: site.name, url: canonical ?? base };
  const siteName = normaliseSpace(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '');
  return { name: siteName || pageUrl.hostname.replace(/^www\./, ''), url: canonical ?? base };
}

function textOf(root: ParentNode, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const text = normaliseSpace(root.querySelector(selector)?.textContent ?? '');
    if (text && text.length < 80) return text;
  }
  return undefined;
}
