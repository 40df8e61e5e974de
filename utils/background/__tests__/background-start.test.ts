/**
 * The background as a browser starts it: entrypoints/background.ts's main(), with the fake
 * browser shaped like Firefox for Android (no contextMenus/menus, no commands). It must start
 * cleanly, and messages, the badge and reports must work as on desktop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../../entrypoints/background';
import { MENU_REPORT_IMAGE } from '../actions';
import { badgeApi, commandsApi, menusApi } from '../optional-apis';
import { input, resetIndexedDb } from '../../db/__tests__/helpers';
import type { AnyReply } from '../../protocol';

const EXT = fakeBrowser.runtime.id;
const BASE = `chrome-extension://${EXT}/`;
const popup = { id: EXT, url: `${BASE}popup.html` };
const content = { id: EXT, url: 'https://www.maghress.com/assabah/1', frameId: 0, tab: { id: 3, url: 'https://www.maghress.com/assabah/1' } };

type Fake = Record<string, unknown>;
const fake = fakeBrowser as unknown as Fake;
const OPTIONAL = ['contextMenus', 'menus', 'commands'] as const;
// Every namespace a test takes away, put back after it.
const saved = new Map<string, unknown>([...OPTIONAL, 'action', 'browserAction'].map((name) => [name, fake[name]]));

/** Take namespaces away as Firefox for Android does (deleted, not just empty). */
function remove(...names: string[]): void {
  for (const name of names) delete fake[name];
}

/** Send as the browser would: the first listener's returned promise is the reply. */
async function send(message: unknown, sender: unknown): Promise<AnyReply> {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(message, sender as never)) as unknown[];
  return reply as AnyReply;
}

async function badgeText(): Promise<string> {
  return fakeBrowser.action.getBadgeText({});
}

/** The badge is refreshed after the write without being awaited: wait for it. */
async function waitForBadge(expected: string): Promise<void> {
  await vi.waitFor(async () => expect(await badgeText()).toBe(expected), { timeout: 2000, interval: 10 });
}

beforeEach(() => {
  fakeBrowser.reset();
  resetIndexedDb();
});
afterEach(() => {
  for (const [name, value] of saved) fake[name] = value;
  vi.restoreAllMocks();
});

describe('optional API detection', () => {
  it('finds the namespaces the browser has and reports the missing ones as absent', () => {
    expect(menusApi()).toBeDefined();
    expect(commandsApi()).toBeDefined();
    expect(badgeApi()).toBeDefined();
    remove('contextMenus', 'menus', 'commands');
    expect(menusApi()).toBeUndefined();
    expect(commandsApi()).toBeUndefined();
  });

  it('falls back to `menus` when only that one exists (Firefox names)', () => {
    remove('contextMenus');
    expect(menusApi()).toBe(fake.menus);
  });
});

describe('background start without context menus and commands (Firefox for Android)', () => {
  it('starts cleanly, and messages, badge and reports work', async () => {
    remove(...OPTIONAL);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(() => background.main()).not.toThrow();
    // Both absent features were noticed and switched off, not crashed on.
    expect(info.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/context menus[\s\S]*keyboard commands/);

    // Install: no menu to create, the badge is refreshed (nothing pending: empty).
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(await badgeText()).toBe('');

    expect(await send({ type: 'ping' }, popup)).toMatchObject({ ok: true });

    // A report from the reader (content script) is stored and counted on the badge.
    const report = input();
    const submitted = await send({ type: 'report.submit', report }, content);
    expect(submitted).toMatchObject({ ok: true, state: 'blurred' });
    await waitForBadge('1');

    // The popup (also when it is a tab) lists it; the page learns the image's state.
    const listed = (await send({ type: 'reports.list', query: { limit: 10, offset: 0 } }, popup)) as AnyReply & {
      reports: { imageUrl: string; id: string }[];
      total: number;
    };
    expect(listed).toMatchObject({ ok: true, total: 1 });
    expect(listed.reports[0]!.imageUrl).toBe(report.imageUrl);
    expect(await send({ type: 'images.state', imageUrls: [report.imageUrl] }, content)).toMatchObject({
      ok: true,
      states: { [report.imageUrl]: 'blurred' },
    });

    // Undo from the thanks toast takes it back and the badge follows.
    expect(await send({ type: 'report.undo', id: listed.reports[0]!.id }, content)).toEqual({ ok: true });
    await waitForBadge('');

    // Messages are still refused from outside the extension.
    expect(await send({ type: 'ping' }, { id: 'someone-else' })).toMatchObject({ ok: false });
  });

  it('starts when the namespaces exist but refuse listeners, and without a badge at all', async () => {
    // The fake's contextMenus/commands throw "not implemented" on addListener: a browser that
    // declares an API it cannot serve must not stop the worker either.
    delete fake.action;
    delete fake.browserAction;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => background.main()).not.toThrow();
    expect(warn).toHaveBeenCalled();
    const submitted = await send({ type: 'report.submit', report: input({ imageUrl: 'https://www.maghress.com/img/2.jpg' }) }, content);
    expect(submitted).toMatchObject({ ok: true });
  });
});

describe('background start with context menus and commands (desktop)', () => {
  it('creates the menu on install and routes a menu click and the shortcut', async () => {
    type Listener = (...args: unknown[]) => void;
    const clicked: Listener[] = [];
    const commanded: Listener[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(MENU_REPORT_IMAGE);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Report this image');
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((l) => void clicked.push(l as Listener));
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => void commanded.push(l as Listener));

    background.main();
    expect(clicked).toHaveLength(1);
    expect(commanded).toHaveLength(1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: MENU_REPORT_IMAGE, contexts: ['image'] }));

    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    clicked[0]!({ menuItemId: MENU_REPORT_IMAGE, srcUrl: 'https://www.maghress.com/img/a.jpg', frameId: 0 }, { id: 3 });
    await vi.waitFor(() => expect(tabSend).toHaveBeenCalledWith(3, { type: 'reader.reportImage', srcUrl: 'https://www.maghress.com/img/a.jpg' }, { frameId: 0 }));
    commanded[0]!('toggle-reader', { id: 4 });
    await vi.waitFor(() => expect(tabSend).toHaveBeenCalledWith(4, { type: 'reader.toggle' }));
  });
});
