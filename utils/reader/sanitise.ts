import createDOMPurify, { type Config } from 'dompurify';

/**
 * DOMPurify with an allow-list of what an article may hold. It works on an inert copy of
 * the page (nothing loads or runs), drops every handler and non-http(s) URL, and leaves a tree that
 * `buildBlocks` turns into plain data — the reader view never sees HTML.
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
  IN_PLACE: true,
  // The XML checks guard markup that is serialised again (an extra walk, and a leaf whose text
  // reads "a <b" removed whole). This tree never is: the block builder reads its text as text.
  SAFE_FOR_XML: false,
};

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

/** One purifier per window, its configuration parsed once (it costs a tenth of a small page). */
function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    if (purifier.isSupported && typeof purifier.setConfig === 'function') purifier.setConfig(CONFIG);
    purifiers.set(win, purifier);
  }
  return purifier;
}

/**
 * The allow-list, applied in place to an element of an inert copy of the page (the element
 * itself must be an allowed tag, e.g. a div). Nothing is serialised and parsed again, so
 * there is no second parse for mutation XSS to exploit: the blocks are built from this tree
 * and never turned back into HTML.
 *
 * Fails closed: DOMPurify hands back its input untouched when it cannot run on `win` (not a
 * real window), which would be page markup passing through, so that is an error.
 */
export function sanitiseInPlace(root: Element, win: Window): Element {
  const purifier = purifierFor(win);
  if (!purifier.isSupported || typeof purifier.sanitize !== 'function') {
    throw new Error('The sanitiser cannot run in this window.');
  }
  purifier.sanitize(root);
  return root;
}
