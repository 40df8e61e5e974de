import { browser } from 'wxt/browser';

export type Theme = 'system' | 'light' | 'dark' | 'sepia';
export type LineWidth = 'narrow' | 'medium' | 'wide';

export interface ReaderSettings {
  /** px */
  fontSize: number;
  lineWidth: LineWidth;
  lineHeight: number;
  theme: Theme;
  /** Per site id: false turns off opening the reader view by itself. Absent = on. */
  autoOpen: Record<string, boolean>;
}

export const FONT_SIZES = { min: 14, max: 30, step: 2 } as const;
export const LINE_HEIGHTS = [1.5, 1.75, 2, 2.25] as const;
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'sepia'];
export const LINE_WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide'];

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  fontSize: 20,
  lineWidth: 'medium',
  lineHeight: 1.75,
  theme: 'system',
  autoOpen: {},
};

const KEY = 'readerSettings';

/** Whatever storage holds (an older version, a hand edit), the reader gets valid settings. */
export function normaliseSettings(raw: unknown): ReaderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const d = DEFAULT_READER_SETTINGS;
  const fontSize =
    typeof value.fontSize === 'number' && Number.isFinite(value.fontSize)
      ? Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, Math.round(value.fontSize)))
      : d.fontSize;
  const lineHeight = LINE_HEIGHTS.find((h) => h === value.lineHeight) ?? d.lineHeight;
  const theme = THEMES.find((t) => t === value.theme) ?? d.theme;
  const lineWidth = LINE_WIDTHS.find((w) => w === value.lineWidth) ?? d.lineWidth;
  const autoOpen: Record<string, boolean> = {};
  if (value.autoOpen && typeof value.autoOpen === 'object') {
    for (const [site, on] of Object.entries(value.autoOpen as Record<string, unknown>)) {
      if (typeof on === 'boolean' && /^[a-z0-9-]{1,40}$/.test(site)) autoOpen[site] = on;
    }
  }
  return { fontSize, lineHeight, theme, lineWidth, autoOpen };
}

export async function loadReaderSettings(): Promise<ReaderSettings> {
  try {
    const stored = await browser.storage.local.get(KEY);
    return normaliseSettings(stored[KEY]);
  } catch {
    return { ...DEFAULT_READER_SETTINGS };
  }
}

export async function saveReaderSettings(settings: ReaderSettings): Promise<void> {
  await browser.storage.local.set({ [KEY]: normaliseSettings(settings) });
}

export function autoOpens(settings: ReaderSettings, siteId: string): boolean {
  return settings.autoOpen[siteId] !== false;
}

/** Calls back whenever another tab or page changes the settings. */
export function watchReaderSettings(cb: (settings: ReaderSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) cb(normaliseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
