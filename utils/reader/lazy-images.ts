/**
 * News sites load images late: the real URL sits in data-src, data-lazy-src, data-original,
 * srcset/data-srcset or a <picture>'s <source>, while `src` holds a placeholder. Readability
 * only recovers these when the URL ends in .jpg/.png/.webp, and Maghress serves
 * extension-less `images2.maghress.com/<slug>/<id>/thumb` URLs — so we resolve them first.
 */
const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-full-src', 'data-hi-res-src', 'data-echo'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];
const PLACEHOLDER = /^data:|^about:|(?:^|\/)(?:blank|spacer|placeholder|transparent|lazy|loading|grey|gray|1x1|pixel)[\w.-]*\.(?:gif|png|svg|jpg)(?:$|\?)/i;

export function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

export function isPlaceholderSrc(src: string | null | undefined): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src.trim());
}

/** The widest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" → b.jpg). */
export function largestFromSrcset(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  let best: { url: string; score: number } | null = null;
  // URLs may contain commas (CDN params); candidates are separated by ", " after a descriptor.
  for (const candidate of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const n = parseFloat(descriptor);
    const score = Number.isFinite(n) ? (descriptor.endsWith('w') ? n : n * 1000) : 0;
    if (!best || score > best.score) best = { url, score };
  }
  return best?.url ?? null;
}

/** The real URL of an image element, or null when it has none. */
export function realImageUrl(img: Element, base: string): string | null {
  for (const attr of LAZY_ATTRS) {
    const url = absoluteHttpUrl(img.getAttribute(attr), base);
    if (url && !isPlaceholderSrc(url)) return url;
  }
  const src = img.getAttribute('src');
  // "x", "#", "1": no path and no file name is never a real image (a classic onerror bait).
  if (!isPlaceholderSrc(src) && /[./]/.test(src ?? '')) {
    const url = absoluteHttpUrl(src, base);
    if (url) return url;
  }
  for (const attr of LAZY_SRCSET_ATTRS) {
    const url = absoluteHttpUrl(largestFromSrcset(img.getAttribute(attr)), base);
    if (url) return url;
  }
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (picture) {
    for (const source of Array.from(picture.querySelectorAll('source'))) {
      for (const attr of LAZY_SRCSET_ATTRS) {
        const url = absoluteHttpUrl(largestFromSrcset(source.getAttribute(attr)), base);
        if (url) return url;
      }
    }
  }
  return null;
}

/**
 * Rewrites every <img> in `root` to carry its real absolute URL in `src` (and drops the
 * lazy attributes), and removes <img> without one. <picture> wrappers are unwrapped so
 * later steps see one plain <img>. Works on a clone: the page itself is never touched.
 */
export function resolveLazyImages(root: ParentNode, base: string): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const url = realImageUrl(img, base);
    if (!url) {
      img.remove();
      continue;
    }
    img.setAttribute('src', url);
    for (const attr of [...LAZY_ATTRS, ...LAZY_SRCSET_ATTRS, 'sizes', 'loading']) img.removeAttribute(attr);
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    if (picture) picture.replaceWith(img);
  }
  // <noscript> often holds a duplicate, non-lazy copy of the same image: drop it.
  for (const noscript of Array.from(root.querySelectorAll('noscript'))) noscript.remove();
}
