/**
 * Background side effects outside the database: settings, badge, broadcasts, reader toggling,
 * context menu. Each swallows browser errors that must not reach a caller (a closed tab, a tab
 * without our content script) and reports the ones that must.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, isReportableUrl, type Settings, type TabMessage } from '../protocol';
import { clampThreshold } from '../reports/state';
import { SUPPORTED_HOST_PATTERNS } from '../sites/host-patterns';
import { badgeApi, menusApi } from './optional-apis';

// --- Settings ----------------------------------------------------------------------------------

export const SETTINGS_KEY = 'naqiSettings';

export async function getSettings(): Promise<Settings> {
  try {
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<Settings> | undefined;
    return { threshold: clampThreshold(stored?.threshold ?? DEFAULT_SETTINGS.threshold) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean: Settings = { threshold: clampThreshold(settings.threshold) };
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}

// --- Broadcast ---------------------------------------------------------------------------------

/** Tell every tab's content script and every extension page that images changed. Never rejects. */
export async function broadcastImagesChanged(): Promise<void> {
  const message: TabMessage = { type: 'images.changed' };
  const sends: Promise<unknown>[] = [];
  try {
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined || tab.id < 0) continue;
      sends.push(Promise.resolve().then(() => browser.tabs.sendMessage(tab.id as number, message)));
    }
  } catch {
    /* no tabs API here */
  }
  sends.push(Promise.resolve().then(() => browser.runtime.sendMessage(message)));
  await Promise.allSettled(sends);
}

// --- Badge -------------------------------------------------------------------------------------

let badgeRunning: Promise<void> | null = null;
let badgeAgain = false;

/** Show the number of pending reports on the toolbar button. Coalesces bursts; never rejects. */
/** The badge shows up to this many pending reports, then "999+": counting stops just past it. */
export const BADGE_MAX = 999;

export function refreshBadge(count: () => Promise<number>): Promise<void> {
  if (badgeRunning) {
    badgeAgain = true;
    return badgeRunning;
  }
  const run = async (): Promise<void> => {
    do {
      badgeAgain = false;
      try {
        // No badge in this browser: nothing to count for.
        const badge = badgeApi();
        if (!badge) continue;
        const n = await count();
        await badge.setBadgeText({ text: n <= 0 ? '' : n > BADGE_MAX ? `${BADGE_MAX}+` : String(n) });
        await badge.setBadgeBackgroundColor?.({ color: '#B3261E' });
      } catch {
        /* badge is best effort */
      }
    } while (badgeAgain);
  };
  badgeRunning = run().finally(() => {
    badgeRunning = null;
  });
  return badgeRunning;
}

// --- Reader toggle -----------------------------------------------------------------------------

/** The reader cannot run in that tab (no active tab, a browser page, a store page…). */
export class TabUnavailableError extends Error {
  override readonly name = 'TabUnavailableError';
}

export const ARTICLE_SCRIPT = '/content-scripts/article.js';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Toggle the reader view in `tab` (default: the active tab of the last focused window). When no
 * content script answers there (an unsupported site), inject the article script — allowed by
 * activeTab after the popup click or the keyboard command — and ask it to open.
 */
export async function toggleReader(tab?: { id?: number }): Promise<{ injected: boolean }> {
  let tabId = tab?.id;
  if (tabId === undefined || tabId < 0) {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId === undefined || tabId < 0) throw new TabUnavailableError('There is no active tab to open the reader in.');

  try {
    const toggle: TabMessage = { type: 'reader.toggle' };
    await browser.tabs.sendMessage(tabId, toggle);
    return { injected: false };
  } catch {
    /* no content script in that tab: inject it below */
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [ARTICLE_SCRIPT] });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TabUnavailableError(`Naqi cannot open the reader on this page (${why}).`);
  }
  const open: TabMessage = { type: 'reader.open' };
  let lastError: unknown;
  // The injected script registers its listener as it starts; give it a few tries.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await browser.tabs.sendMessage(tabId, open);
      return { injected: true };
    } catch (err) {
      lastError = err;
      await sleep(100);
    }
  }
  const why = lastError instanceof Error ? lastError.message : String(lastError);
  throw new TabUnavailableError(`The reader did not start on this page (${why}).`);
}

// --- Context menu ------------------------------------------------------------------------------

export const MENU_REPORT_IMAGE = 'naqi-report-image';

/**
 * (Re)create the context menu; called from runtime.onInstalled (menus persist across restarts).
 * Where there are no context menus (Firefox for Android) it does nothing: images are reported
 * with the button under each of them.
 */
export async function createMenus(): Promise<void> {
  const menus = menusApi();
  if (!menus) return;
  try {
    await menus.removeAll();
    const title = browser.i18n.getMessage('menuReportImage') || 'Report this image';
    menus.create({
      id: MENU_REPORT_IMAGE,
      title,
      contexts: ['image'],
      documentUrlPatterns: SUPPORTED_HOST_PATTERNS,
    });
  } catch (err) {
    console.error('[naqi] could not create the context menu', err);
  }
}

export interface MenuClickInfo {
  menuItemId: string | number;
  srcUrl?: string;
  frameId?: number;
}

/** Ask the page's content script to open the report dialog for the clicked image. Never rejects. */
export async function onMenuClicked(info: MenuClickInfo, tab: { id?: number } | undefined): Promise<void> {
  if (info.menuItemId !== MENU_REPORT_IMAGE || tab?.id === undefined || tab.id < 0) return;
  if (!isReportableUrl(info.srcUrl)) return;
  const message: TabMessage = { type: 'reader.reportImage', srcUrl: info.srcUrl };
  try {
    if (typeof info.frameId === 'number') await browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId });
    else await browser.tabs.sendMessage(tab.id, message);
  } catch {
    /* no content script in that frame */
  }
}

/** The generic extractor, built from entrypoints/readability.ts, runs in the content script's world. */
export async function loadExtractor(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/readability.js'] });
}
