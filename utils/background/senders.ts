/**
 * Who may send what. `sender.id` and `sender.tab` are set by the browser; `sender.url` of a
 * content script is the web page's URL (the page can change its path), so it is only trusted to
 * tell "an extension page" apart from "a web page", never to grant anything to a web origin.
 */
import { browser } from 'wxt/browser';

/** The fields of runtime.MessageSender this module reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The message comes from this extension (its content scripts, pages or worker). */
export function isFromThisExtension(sender: SenderLike | undefined): boolean {
  return !!sender && typeof sender.id === 'string' && sender.id !== '' && sender.id === browser.runtime.id;
}

/**
 * An extension page (popup, review page, options): no tab (popup) or a tab showing one of our
 * pages. A content script has `sender.tab` and a web-page `sender.url`, so it is refused.
 * Where the browser withholds `tab.url` (Firefox without the "tabs" permission) the sender's own
 * extension URL decides.
 */
export function isExtensionPage(sender: SenderLike | undefined): boolean {
  if (!isFromThisExtension(sender) || !sender) return false;
  const base = browser.runtime.getURL('/');
  const url = sender.url;
  if (!sender.tab) return url === undefined || url.startsWith(base);
  if (typeof url !== 'string' || !url.startsWith(base)) return false;
  const tabUrl = sender.tab.url;
  return tabUrl === undefined || tabUrl === '' || tabUrl.startsWith(base);
}

/** A content script of this extension running in a tab (or an extension page). */
export function isContentScriptOrPage(sender: SenderLike | undefined): boolean {
  if (!isFromThisExtension(sender) || !sender) return false;
  return sender.tab !== undefined || isExtensionPage(sender);
}
