import { browser } from 'wxt/browser';

/**
 * Is popup.html shown as the toolbar popup or as a page (a tab, or full screen as Firefox for
 * Android shows it)? The popup keeps its fixed desktop size; a page fills the screen instead,
 * so a 360 px phone never scrolls sideways. Sets `data-mode="popup"|"page"` on <html> for the CSS.
 *
 * `extension.getViews({ type: 'popup' })` answers synchronously (no layout jump) where it exists;
 * elsewhere `tabs.getCurrent()` (a tab → page) answers a moment later.
 */
export function applyPageMode(doc: Document = document): void {
  const html = doc.documentElement;
  html.dataset.mode = 'popup';
  try {
    const views = browser.extension?.getViews?.({ type: 'popup' });
    if (Array.isArray(views)) {
      html.dataset.mode = views.includes(window) ? 'popup' : 'page';
      return;
    }
  } catch {
    /* no extension.getViews here: ask the tabs API below */
  }
  void Promise.resolve()
    .then(() => browser.tabs.getCurrent())
    .then((tab) => {
      if (tab) html.dataset.mode = 'page';
    })
    .catch(() => {});
}
