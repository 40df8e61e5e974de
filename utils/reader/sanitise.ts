import createDOMPurify, { type Config } from 'dompurify';

/**
 * DOMPurify with an allow-list of what an article may hold. It parses in an inert document
 * (nothing loads or runs), drops every handler and non-http(s) URL, and hands back a
 * fragment that `buildBlocks` turns into plain data — the reader view never sees HTML.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: [
    'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'a',
    'strong', 'em', 'b', 'i', 'u', 'code', 'pre', 'sub', 'sup', 'mark', 'small', 'q', 'span', 'div', 'section',
    'article', 'main', 'header', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'center', 'font', 'cite',
    'dl', 'dt', 'dd', 'hr',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'class', 'width', 'height', 'data-naqi-video'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  // Without this DOMPurify tests width/height against the URI pattern and drops them.
  ADD_URI_SAFE_ATTR: ['width', 'height'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    purifiers.set(win, purifier);
  }
  return purifier;
}

/**
 * Fails closed: DOMPurify hands back its input unchanged when it cannot run on `win` (not a
 * real window), so anything but a fragment is an error, never markup passed through.
 */
export function sanitiseHtml(html: string, win: Window): DocumentFragment {
  const purifier = purifierFor(win);
  if (!purifier.isSupported || typeof purifier.sanitize !== 'function') {
    throw new Error('The sanitiser cannot run in this window.');
  }
  const fragment = purifier.sanitize(html, CONFIG) as unknown;
  if (typeof fragment !== 'object' || fragment === null || (fragment as Node).nodeType !== 11) {
    throw new Error('The sanitiser did not return a document fragment.');
  }
  return fragment as DocumentFragment;
}

/**
 * The same allow-list, applied to an element of an inert copy of the page, in place (the
 * element itself must be an allowed tag, e.g. a div). Fails closed like `sanitiseHtml`.
 */
export function sanitiseInPlace(root: Element, win: Window): Element {
  const purifier = purifierFor(win);
  if (!purifier.isSupported || typeof purifier.sanitize !== 'function') {
    throw new Error('The sanitiser cannot run in this window.');
  }
  purifier.sanitize(root, { ...CONFIG, RETURN_DOM_FRAGMENT: false, IN_PLACE: true });
  return root;
}
