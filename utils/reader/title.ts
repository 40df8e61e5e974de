import { normaliseSpace } from './text';

// Separators sites put between the headline and their own name. Readability splits on
// ASCII \W only, so Arabic headlines kept the site name; we split on these instead.
const SEPARATORS = /\s+[|\-–—:»«•·/\\]+\s+|\s*[|»«•]\s*/;

/** "العنوان - مغرس" → "العنوان"; keeps the longest part that is not a site name. */
export function cleanTitle(raw: string, siteNames: string[]): string {
  const title = normaliseSpace(raw);
  const parts = title.split(SEPARATORS).map(normaliseSpace).filter(Boolean);
  if (parts.length < 2) return title;
  const names = siteNames.map((n) => normaliseSpace(n).toLowerCase()).filter(Boolean);
  const isSiteName = (part: string) => {
    const p = part.toLowerCase();
    return names.some((name) => p === name || p.includes(name) || name.includes(p));
  };
  const kept = parts.filter((part) => !isSiteName(part));
  if (!kept.length) return title;
  // Only strip a site name at either end; a separator inside the headline is the headline.
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (isSiteName(last)) return normaliseSpace(title.slice(0, title.lastIndexOf(last)).replace(/[\s|\-–—:»«•·/\\]+$/, ''));
  if (isSiteName(first)) return normaliseSpace(title.slice(first.length).replace(/^[\s|\-–—:»«•·/\\]+/, ''));
  return title;
}
