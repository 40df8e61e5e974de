/**
 * Browser APIs Naqi uses but cannot count on. Firefox for Android has no `contextMenus`/`menus`
 * and no `commands` (there is no right click and usually no keyboard), and other browsers may
 * leave out the badge. Each getter returns the namespace only when the parts we call exist, so
 * the background registers what the browser offers and starts cleanly without the rest.
 */
import { browser } from 'wxt/browser';

/** The smallest shape of an extension event this module relies on. */
interface EventLike<L> {
  addListener(listener: L): void;
}

export interface MenusLike {
  create(properties: Record<string, unknown>): unknown;
  removeAll(): Promise<void> | void;
  onClicked: EventLike<(info: { menuItemId: string | number; srcUrl?: string; frameId?: number }, tab?: { id?: number }) => void>;
}

export interface CommandsLike {
  onCommand: EventLike<(command: string, tab?: { id?: number }) => void>;
}

export interface BadgeLike {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
}

// Read through a loose view: the typed `browser` says these namespaces always exist.
function namespace(name: string): Record<string, unknown> | undefined {
  try {
    const value = (browser as unknown as Record<string, unknown>)[name];
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    // A polyfill proxy or a stubbed namespace may throw on access: treat it as absent.
    return undefined;
  }
}

function hasEvent(ns: Record<string, unknown>, event: string): boolean {
  const ev = ns[event] as { addListener?: unknown } | undefined;
  return !!ev && typeof ev.addListener === 'function';
}

/** `contextMenus` (Chrome, Firefox desktop) or `menus` (Firefox); undefined on Firefox for Android. */
export function menusApi(): MenusLike | undefined {
  for (const name of ['contextMenus', 'menus']) {
    const ns = namespace(name);
    if (ns && typeof ns.create === 'function' && typeof ns.removeAll === 'function' && hasEvent(ns, 'onClicked')) {
      return ns as unknown as MenusLike;
    }
  }
  return undefined;
}

/** Keyboard shortcuts; undefined on Firefox for Android. */
export function commandsApi(): CommandsLike | undefined {
  const ns = namespace('commands');
  return ns && hasEvent(ns, 'onCommand') ? (ns as unknown as CommandsLike) : undefined;
}

/** The toolbar button's badge: `action` (MV3), else `browserAction`; undefined when neither has one. */
export function badgeApi(): BadgeLike | undefined {
  for (const name of ['action', 'browserAction']) {
    const ns = namespace(name);
    if (ns && typeof ns.setBadgeText === 'function') return ns as unknown as BadgeLike;
  }
  return undefined;
}

/**
 * Add a listener to an optional event. Returns false (and logs once) when the browser refuses:
 * a missing namespace must cost that one feature, never the worker's start-up.
 */
export function listenIfAvailable<L>(label: string, event: EventLike<L> | undefined, listener: L): boolean {
  if (!event) {
    console.info(`[naqi] ${label} is not available in this browser; that feature is off`);
    return false;
  }
  try {
    event.addListener(listener);
    return true;
  } catch (err) {
    console.warn(`[naqi] could not listen to ${label}; that feature is off`, err);
    return false;
  }
}
