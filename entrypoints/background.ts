/**
 * Naqi's background (service worker in Chrome, event page in Firefox). Thin wiring only: every
 * listener is registered synchronously when the script starts, so a stopped worker is woken by
 * the next event; the logic lives in utils/background/ (tested there). The database is opened
 * lazily by the first message that needs it. Context menus and keyboard commands are optional
 * (Firefox for Android has neither): they are feature-detected, so their absence costs only
 * those two features.
 */
import { browser } from 'wxt/browser';
import { countPending, getDb } from '@/utils/db';
import { BADGE_MAX, createMenus, onMenuClicked, refreshBadge, toggleReader } from '@/utils/background/actions';
import { handleMessage } from '@/utils/background/handlers';
import { commandsApi, listenIfAvailable, menusApi } from '@/utils/background/optional-apis';

export default defineBackground(() => {
  const updateBadge = () => refreshBadge(async () => countPending(await getDb(), BADGE_MAX + 1));

  // Returning the promise is the reply (webextension-polyfill). handleMessage never rejects.
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender));

  browser.runtime.onInstalled.addListener(() => {
    void createMenus();
    void updateBadge();
  });
  browser.runtime.onStartup.addListener(() => {
    void updateBadge();
  });

  listenIfAvailable('context menus', menusApi()?.onClicked, (info, tab) => {
    void onMenuClicked(info, tab);
  });

  listenIfAvailable('keyboard commands', commandsApi()?.onCommand, (command, tab) => {
    if (command !== 'toggle-reader') return;
    toggleReader(tab).catch((err: unknown) => console.warn('[naqi] reader toggle failed', err));
  });
});
