import { browser } from 'wxt/browser';

/**
 * Close the popup after it opened a tab or toggled the reader view. When popup.html is open
 * in a tab (tests, or a user who bookmarked it), it stays: closing a tab is not ours to do.
 */
export async function closePopup(): Promise<void> {
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab) return;
  } catch {
    // No tabs API answer: behave like a popup.
  }
  window.close();
}
