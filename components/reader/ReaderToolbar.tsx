import { useState } from 'preact/hooks';
import { t, uiDir, uiLang } from '@/utils/i18n';
import type { ReaderActions } from '@/utils/content/reader-actions';
import {
  FONT_SIZES,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  THEMES,
  autoOpens,
  type LineWidth,
  type ReaderSettings,
  type Theme,
} from '@/utils/settings/reader-settings';
import type { MessageKey } from '@/utils/i18n';

const THEME_LABEL: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
  sepia: 'themeSepia',
};
const WIDTH_LABEL: Record<LineWidth, MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };

interface Props {
  settings: ReaderSettings;
  siteId: string | null;
  siteName: string;
  actions: ReaderActions;
}

/**
 * The reader's own controls, in the UI language (the article may be in another). On a narrow
 * screen the text size and display settings fold behind a "Display" button (CSS shows it only
 * there), so the sticky toolbar stays one short row instead of covering a third of a phone.
 */
export function ReaderToolbar({ settings, siteId, siteName, actions }: Props) {
  const [showDisplay, setShowDisplay] = useState(false);
  return (
    <header class="naqi-toolbar" dir={uiDir()} lang={uiLang()}>
      <div class="naqi-toolbar-inner" role="toolbar" aria-label={t('readerToolbarLabel')}>
        <button type="button" class="naqi-button naqi-close" onClick={() => actions.close()} data-naqi-autofocus>
          {t('readerClose')}
        </button>
        <span class="naqi-brand" aria-hidden="true">
          {t('extShortName')}
        </span>
        <button
          type="button"
          class="naqi-button naqi-display-toggle"
          aria-expanded={showDisplay ? 'true' : 'false'}
          aria-controls="naqi-display"
          onClick={() => setShowDisplay((v) => !v)}
        >
          {t('readerDisplaySettings')}
        </button>
        <div id="naqi-display" class={`naqi-display${showDisplay ? ' is-open' : ''}`}>
          <div class="naqi-group" role="group" aria-label={t('readerFontSize')}>
            <button
              type="button"
              class="naqi-button"
              disabled={settings.fontSize <= FONT_SIZES.min}
              onClick={() => actions.updateSettings({ fontSize: settings.fontSize - FONT_SIZES.step })}
            >
              <span aria-hidden="true">A−</span>
              <span class="naqi-sr-only">{t('readerFontSmaller')}</span>
            </button>
            <output class="naqi-size" aria-live="polite">
              {settings.fontSize}
            </output>
            <button
              type="button"
              class="naqi-button"
              disabled={settings.fontSize >= FONT_SIZES.max}
              onClick={() => actions.updateSettings({ fontSize: settings.fontSize + FONT_SIZES.step })}
            >
              <span aria-hidden="true">A+</span>
              <span class="naqi-sr-only">{t('readerFontLarger')}</span>
            </button>
          </div>
          <label class="naqi-field">
            <span>{t('readerLineWidth')}</span>
            <select
              value={settings.lineWidth}
              onChange={(e) => actions.updateSettings({ lineWidth: (e.currentTarget as HTMLSelectElement).value as LineWidth })}
            >
              {LINE_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {t(WIDTH_LABEL[w])}
                </option>
              ))}
            </select>
          </label>
          <label class="naqi-field">
            <span>{t('readerLineHeight')}</span>
            <select
              value={String(settings.lineHeight)}
              onChange={(e) => actions.updateSettings({ lineHeight: Number((e.currentTarget as HTMLSelectElement).value) })}
            >
              {LINE_HEIGHTS.map((h) => (
                <option key={h} value={String(h)}>
                  {h.toLocaleString(uiLang())}
                </option>
              ))}
            </select>
          </label>
          <label class="naqi-field">
            <span>{t('readerTheme')}</span>
            <select
              value={settings.theme}
              onChange={(e) => actions.updateSettings({ theme: (e.currentTarget as HTMLSelectElement).value as Theme })}
            >
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {t(THEME_LABEL[theme])}
                </option>
              ))}
            </select>
          </label>
          {siteId && (
            <label class="naqi-field naqi-check">
              <input
                type="checkbox"
                checked={autoOpens(settings, siteId)}
                onChange={(e) => actions.setAutoOpen((e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{t('readerAutoOpen', [siteName])}</span>
            </label>
          )}
        </div>
      </div>
    </header>
  );
}
