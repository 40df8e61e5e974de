/**
 * URLs in reports come from web pages: hostile input. These helpers decide what may become a
 * link or an image source in an extension page.
 */

/** The URL, normalised, when it is http(s); undefined otherwise (javascript:, data:, junk…). */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Host name without "www.", for compact display; the raw text when it is not a URL. */
export function displayHost(value: string): string {
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return value;
  }
}

/** Fragment the content script reads to scroll to and highlight a reported image. */
export const IMAGE_FRAGMENT = 'naqi-image';

/**
 * The article URL that brings `imageUrl` into view: the page URL with its fragment replaced by
 * `#naqi-image=<encoded image url>`. Undefined when the page URL is not http(s).
 */
export function articleUrlWithImage(pageUrl: string, imageUrl: string): string | undefined {
  const page = httpUrl(pageUrl);
  if (!page) return undefined;
  const url = new URL(page);
  url.hash = `${IMAGE_FRAGMENT}=${encodeURIComponent(imageUrl)}`;
  return url.href;
}

/** Shorten a long URL for display, keeping its start and end. */
export function shortenMiddle(text: string, max = 80): string {
  if (text.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
