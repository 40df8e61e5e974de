import { BOILERPLATE_PATTERNS, JUNK_PAIRS, JUNK_SELECTORS, JUNK_WORDS } from './cleanup-rules';
import { normaliseSpace } from './text';

/** Words of a class or id: "newsTicker rel-posts" → ["news", "ticker", "rel", "posts"]. */
function attributeWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function looksLikeJunk(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!names.trim()) return false;
  const words = attributeWords(names);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (JUNK_WORDS.has(word)) return true;
    const next = words[i + 1];
    if (next && JUNK_PAIRS.has(`${word} ${next}`)) return true;
  }
  return false;
}

export function isBoilerplateText(text: string): boolean {
  const clean = normaliseSpace(text);
  return clean.length > 0 && clean.length < 400 && BOILERPLATE_PATTERNS.some((re) => re.test(clean));
}

/**
 * Removes junk from a cloned document. `keep` (the article body, when the site's selectors
 * found it) is never removed, nor any element around it, so a junk-looking wrapper class
 * ("content-with-sidebar") cannot take the article with it.
 */
export function removeJunk(root: Element, keep: Element | null, extraSelectors: string[] = []): void {
  const keeps = (el: Element) => keep !== null && (el === keep || el.contains(keep));
  const selectors = [JUNK_SELECTORS, ...extraSelectors].join(',');
  for (const el of Array.from(root.querySelectorAll(selectors))) {
    if (el.isConnected && !keeps(el)) el.remove();
  }
  // A site header holds nav and logo; an article's own <header> holds its title: keep that one.
  for (const header of Array.from(root.querySelectorAll('header'))) {
    if (!keeps(header) && !header.querySelector('h1') && !header.closest('article')) header.remove();
  }
  const mainText = (keep ?? root).textContent?.length ?? 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected || keeps(el) || !looksLikeJunk(el)) continue;
    // A wrapper holding most of the page's text is a layout container, not junk.
    if (!keep && (el.textContent?.length ?? 0) > mainText * 0.5 && el.querySelectorAll('p').length >= 3) continue;
    el.remove();
  }
  removeBoilerplate(root);
}

/** Removes the smallest elements whose whole text is a boilerplate line, and "read also" lists after them. */
export function removeBoilerplate(root: Element): void {
  const candidates = root.querySelectorAll('p, div, span, a, li, h2, h3, h4, h5, h6, strong, b, em, section, small, blockquote, center, font');
  for (const el of Array.from(candidates)) {
    if (!el.isConnected) continue;
    const text = el.textContent ?? '';
    if (text.length > 600 || !isBoilerplateText(text)) continue;
    const next = el.nextElementSibling;
    if (next && (next.tagName === 'UL' || next.tagName === 'OL') && /أيضا|aussi|also|ذات صلة/i.test(text)) next.remove();
    el.remove();
  }
}
