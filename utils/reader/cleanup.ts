import { BOILERPLATE_PATTERNS, CERTAIN_JUNK, JUNK_PAIRS, JUNK_SELECTORS, JUNK_WORDS, LIKELY_JUNK, NEVER_CONTENT } from './cleanup-rules';
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

/** Every selector rule plus the site's own `remove` selectors. */
function junkSelector(extraSelectors: string[]): string {
  return [JUNK_SELECTORS, ...extraSelectors].join(',');
}

/** A site header holds nav and logo; an article's own <header> holds its title and stays. */
function isSiteHeader(el: Element): boolean {
  return el.localName === 'header' && !el.querySelector('h1') && !el.closest('article');
}

/**
 * Whether `el`, outside the article body `keep`, sits in something the clean-up would remove
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
 * A share of the text above which an element is taken for the article (or its wrapper), not
 * junk, whatever its name says: the bodies that class words used to take held 14–49% of a page.
 */
const CONTENT_SHARE = 0.35;
/** …and above this length: a footer line is not an article however empty the page. */
const CONTENT_MIN_CHARS = 200;
/** At most this share of the text goes to class-word guesses; past it they are wrong, not the text. */
const GUESS_BUDGET = 0.5;

function textLength(el: Element): number {
  return el.textContent?.length ?? 0;
}

/** Too much of the text, and too much prose, to be removed for its name or its kind. */
function isContent(el: Element, length: number, total: number): boolean {
  return length >= CONTENT_MIN_CHARS && length >= total * CONTENT_SHARE && isProse(el, length);
}

/** Prose rather than a list of links: a menu can hold a lot of text, all of it links. */
function isProse(el: Element, length: number): boolean {
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += textLength(a);
  return links < length * 0.5;
}

/** Removes `els` (in document order), skipping any that holds much of the text. */
function removeUnlessContent(els: Element[], root: Element, total: number, protect: (el: Element) => boolean): void {
  for (const el of els) {
    if (!root.contains(el) || protect(el)) continue;
    if (isContent(el, textLength(el), total)) continue;
    el.remove();
  }
}

function protector(keep: Element | null): (el: Element) => boolean {
  return (el) => keep !== null && (el === keep || el.contains(keep));
}

/**
 * What is certainly not content: code, landmarks, controls, dialogs, hidden elements, the
 * site's own `remove` selectors, and (on a page) the site header. `keep` (the body the site's
 * selectors found) and its ancestors always stay, and so does any of them holding much of
 * the text (an article in an <aside>, a page behind an aria-hidden cookie wall).
 */
function removeCertainJunk(root: Element, keep: Element | null, extraSelectors: string[] = [], where: 'page' | 'article' = 'page'): void {
  const protect = protector(keep);
  for (const el of Array.from(root.querySelectorAll(NEVER_CONTENT))) if (root.contains(el) && !protect(el)) el.remove();
  const total = textLength(keep ?? root);
  const certain = [CERTAIN_JUNK, ...extraSelectors].join(',');
  removeUnlessContent(Array.from(root.querySelectorAll(certain)), root, total, protect);
  // Inside what the generic extractor kept, a <header> is the article's own (an accordion's,
  // a section's), even where the extractor turned the <article> around it into a <div>.
  if (where === 'page') removeUnlessContent(Array.from(root.querySelectorAll('header')).filter(isSiteHeader), root, total, protect);
}

/**
 * Before the generic extractor, on a page whose body is unknown: only the certain junk (no
 * class-name guesses, which took whole bodies, and no site-header rule). Measured on
 * trafilatura's set, this changes Readability's choice on few pages, each for the better,
 * and leaves it less to walk.
 */
export function removeCertainJunkAround(root: Element, extraSelectors: string[] = []): void {
  removeCertainJunk(root, null, extraSelectors, 'article');
}

/**
 * The finer clean-up, inside the article found (the site's body, or what the generic
 * extractor kept): forms, class and id words (share bars, related lists, ads…) and
 * boilerplate lines, after the certain junk. A junk word never removes an element holding a
 * large share of the text, and the guesses together never take more than half of it.
 */
export function removeLikelyJunk(root: Element, keep: Element | null, extraSelectors: string[] = []): void {
  // With no body found, `root` is what the generic extractor kept: the article itself.
  removeCertainJunk(root, keep, extraSelectors, keep ? 'page' : 'article');
  const protect = protector(keep);
  const total = textLength(keep ?? root);
  removeUnlessContent(Array.from(root.querySelectorAll(LIKELY_JUNK)), root, total, protect);
  // Outside the body the site's selectors found nothing is the article: no budget there.
  const budgeted = (el: Element) => keep === null || keep.contains(el);
  const guesses: Element[] = [];
  let guessed = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    // An embedded post (blockquote.twitter-tweet) is a quote the article makes, not a share button.
    // In document order, a guess's descendants come right after it.
    if (el.localName === 'blockquote' || !root.contains(el) || protect(el) || !looksLikeJunk(el) || guesses[guesses.length - 1]?.contains(el)) continue;
    const length = textLength(el);
    if (isContent(el, length, total)) continue;
    if (!budgeted(el)) {
      el.remove();
      continue;
    }
    guesses.push(el);
    guessed += length;
  }
  // Over budget, the names are wrong about the text (a live blog's entries are its
  // "comments"): then the extractor's choice stands as it is.
  if (guessed <= total * GUESS_BUDGET) for (const el of guesses) el.remove();
  removeBoilerplate(root);
}

const BOILERPLATE_TAGS = new Set(['P', 'DIV', 'SPAN', 'A', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B', 'EM', 'SECTION', 'SMALL', 'BLOCKQUOTE', 'CENTER', 'FONT']);
/** Cheap first test on a text node before any pattern runs on an element's whole text. */
const BOILERPLATE_HINT = /©|copyright|الحقوق|droits|rights|شكرا|حجب|انقر|اقرأ|إقرأ|اقرا|المزيد|مواضيع|ذات صلة|نشر في|إشهار|اشهار|إعلان|اعلان|شارك|تابعونا|lire|voir|articles?|read|related|see also|merci|cliquez|publicit|annonce|advert|sponsor|partag|share/i;

/**
 * Removes elements whose whole text is a boilerplate line (the largest such element, up to
 * 600 characters), and a "read also" list after one. Walks text nodes rather than asking
 * every element for its text, which costs the depth of the page on every element.
 */
export function removeBoilerplate(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Element[] = [];
  // A line, not the article: a short article that opens with "نشر في …" or closes with "All
  // rights reserved" is not boilerplate as a whole.
  const most = Math.max(200, (root.textContent?.length ?? 0) / 2);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!BOILERPLATE_HINT.test(node.nodeValue ?? '')) continue;
    let found: Element | null = null;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > 600 || text.length > most) break;
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
