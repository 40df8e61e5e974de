/**
 * What the page must give up while the reader view covers it, and gets back on close.
 *
 * - The page does not scroll under the view (overflow hidden on <html>).
 * - On a phone the page's own wide content (a 728 px ad banner, a fixed-width layout) must not
 *   widen the layout viewport: mobile browsers grow it to the content's width, and the reader
 *   (position: fixed, inset 0) would grow with it, wider than the screen and scrolling sideways.
 *   `overflow-x: clip` on <body> keeps the page's content to the screen's width.
 * - A page without a viewport <meta> is laid out 980 px wide and zoomed out on a phone; the
 *   reader would be too. Such a page gets one for as long as the view is open.
 */
export function lockPage(doc: Document): () => void {
  const html = doc.documentElement;
  const body = doc.body;
  const htmlOverflow = html.style.overflow;
  const bodyOverflowX = body ? [body.style.getPropertyValue('overflow-x'), body.style.getPropertyPriority('overflow-x')] : null;
  html.style.overflow = 'hidden';
  body?.style.setProperty('overflow-x', 'clip', 'important');

  let addedMeta: HTMLMetaElement | null = null;
  if (!doc.querySelector('meta[name="viewport" i]')) {
    addedMeta = doc.createElement('meta');
    addedMeta.name = 'viewport';
    addedMeta.content = 'width=device-width, initial-scale=1';
    (doc.head ?? html).append(addedMeta);
  }

  return () => {
    html.style.overflow = htmlOverflow;
    if (body && bodyOverflowX) {
      if (bodyOverflowX[0]) body.style.setProperty('overflow-x', bodyOverflowX[0], bodyOverflowX[1]);
      else body.style.removeProperty('overflow-x');
    }
    addedMeta?.remove();
  };
}
