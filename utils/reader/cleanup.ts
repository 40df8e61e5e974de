import { BOILERPLATE_PATTERNS, JUNK_PAIRS, JUNK_SELECTORS, JUNK_WORDS } from './cleanup-rules';
import { hasAtLeastChars, normaliseSpace } from './text';

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

/** A whole line of boilerplate (under 400 characters); a long text is ruled out before it is normalised. */
export function isBoilerplateText(text: string): boolean {
  if (hasAtLeastChars(text, 400)) return false;
  const clean = normaliseSpace(text);
  return clean.length > 0 && BOILERPLATE_PATTERNS.some((re) => re.test(clean));
}

/** What is never article content, whatever the site, plus the site's own `remove` selectors. */
function junkSelector(extraSelectors: string[]): string {
  return [JUNK_SELECTORS, ...extraSelectors].join(',');
}

/** A site header holds nav and logo; an article's own <header> holds its title and stays. */
function isSiteHeader(el: Element): boolean {
  return el.localName === 'header' && !el.querySelector('h1') && !el.closest('article');
}

/**
 * Whether `el`, outside the article body `keep`, sits in something `removeJunk` would remove
 * (an ad slot, a share bar, a site header): for what is taken from the page itself rather
 * than from a cleaned copy, such as the lead images.
 */
export function isInsideJunk(el: Element, keep: Element, extraSelectors: string[] = []): boolean {
  const selector = junkSelector(extraSelectors);
  for (let node: Element | null = el; node && !node.contains(keep); node = node.parentElement) {
    if (node.matches(selector) || looksLikeJunk(node) || isSiteHeader(node)) return true;
  }
  return false;
}

/**
 * Removes junk from a copy of the page: a whole document, or elements not in one (what went
 * with an ancestor is recognised by no longer being inside `root`). `keep` (the article body,
 * when the site's selectors found it) is never removed, nor any element around it, so a
 * junk-looking wrapper class ("content-with-sidebar") cannot take the article with it.
 */
export function removeJunk(root: Element, keep: Element | null, extraSelectors: string[] = []): void {
  const keeps = (el: Element) => keep !== null && (el === keep || el.contains(keep));
  for (const el of Array.from(root.querySelectorAll(junkSelector(extraSelectors)))) {
    if (root.contains(el) && !keeps(el)) el.remove();
  }
  for (const header of Array.from(root.querySelectorAll('header'))) {
    if (!keeps(header) && isSiteHeader(header)) header.remove();
  }
  const mainText = (keep ?? root).textContent?.length ?? 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!root.contains(el) || keeps(el) || !looksLikeJunk(el)) continue;
    // A wrapper holding most of the page's text is a layout container, not junk.
    if (!keep && (el.textContent?.length ?? 0) > mainText * 0.5 && el.querySelectorAll('p').length >= 3) continue;
    el.remove();
  }
  removeBoilerplate(root);
}

const BOILERPLATE_TAGS = new Set(['P', 'DIV', 'SPAN', 'A', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B', 'EM', 'SECTION', 'SMALL', 'BLOCKQUOTE', 'CENTER', 'FONT']);
/** Cheap first test on a text node before any pattern runs on an element's whole text. */
const BOILERPLATE_HINT = /شكرا|حجب|انقر|اقرأ|إقرأ|اقرا|المزيد|مواضيع|ذات صلة|نشر في|إشهار|اشهار|إعلان|اعلان|شارك|تابعونا|lire|voir|articles?|read|related|see also|merci|cliquez|publicit|annonce|advert|sponsor|partag|share/i;

/**
 * Removes elements whose whole text is a boilerplate line (the largest such element, up to
 * 600 characters), and a "read also" list after one. Walks text nodes rather than asking
 * every element for its text, which costs the depth of the page on every element.
 */
export function removeBoilerplate(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!BOILERPLATE_HINT.test(node.nodeValue ?? '')) continue;
    let found: Element | null = null;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > 600) break;
      if (BOILERPLATE_TAGS.has(el.tagName) && isBoilerplateText(text)) found = el;
    }
    if (found && !hits.includes(found)) hits.push(found);
  }
  for (const el of hits) {
    if (!root.contains(el)) continue;
    const next = el.nextElementSibling;
    if (next && (next.tagName === 'UL' || next.tagName === 'OL') && /أيضا|aussi|also|ذات صلة/i.test(el.textContent ?? '')) next.remove();
    el.remove();
  }
}
