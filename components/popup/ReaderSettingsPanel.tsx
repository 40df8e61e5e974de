import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import {
  FONT_SIZES,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  THEMES,
  autoOpens,
  loadReaderSettings,
  saveReaderSettings,
  watchReaderSettings,
  type LineWidth,
  type ReaderSettings,
  type Theme,
} from '../../utils/settings/reader-settings';
import { formatNumber } from '../../utils/ui/intl';
import { siteOptions } from '../../utils/ui/sites';

const THEME_KEYS: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
  sepia: 'themeSepia',
};
const WIDTH_KEYS: Record<LineWidth, MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };

const FONT_SIZE_CHOICES: number[] = [];
for (let s = FONT_SIZES.min; s <= FONT_SIZES.max; s += FONT_SIZES.step) FONT_SIZE_CHOICES.push(s);

/**
 * The reader view's settings (the same storage the reader's own toolbar writes): look, and
 * whether it opens by itself on each supported site.
 */
export function ReaderSettingsPanel() {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  const sites = useMemo(() => siteOptions(), []);

  useEffect(() => {
    void loadReaderSettings().then(setSettings);
    return watchReaderSettings(setSettings);
  }, []);

  if (!settings) return null;

  const update = (patch: Partial<ReaderSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void saveReaderSettings(next);
  };

  return (
    <section class="reader-settings" aria-labelledby="reader-settings-heading">
      <h3 id="reader-settings-heading" class="settings-heading">
        {t('readerToolbarLabel')}
      </h3>
      <div class="settings-grid">
        <label for="reader-theme">{t('readerTheme')}</label>
        <select id="reader-theme" value={settings.theme} onChange={(e) => update({ theme: e.currentTarget.value as Theme })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_KEYS[theme])}
            </option>
          ))}
        </select>
        <label for="reader-font-size">{t('readerFontSize')}</label>
        <select
          id="reader-font-size"
          value={String(settings.fontSize)}
          onChange={(e) => update({ fontSize: Number(e.currentTarget.value) })}
        >
          {FONT_SIZE_CHOICES.map((size) => (
            <option key={size} value={String(size)}>
              {formatNumber(size)}
            </option>
          ))}
        </select>
        <label for="reader-width">{t('readerLineWidth')}</label>
        <select id="reader-width" value={settings.lineWidth} onChange={(e) => update({ lineWidth: e.currentTarget.value as LineWidth })}>
          {LINE_WIDTHS.map((w) => (
            <option key={w} value={w}>
              {t(WIDTH_KEYS[w])}
            </option>
          ))}
        </select>
        <label for="reader-line-height">{t('readerLineHeight')}</label>
        <select
          id="reader-line-height"
          value={String(settings.lineHeight)}
          onChange={(e) => update({ lineHeight: Number(e.currentTarget.value) })}
        >
          {LINE_HEIGHTS.map((h) => (
            <option key={h} value={String(h)}>
              {formatNumber(h)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="auto-open">
        <legend>{t('popupAutoOpenLegend')}</legend>
        {sites.map((site) => (
          <div class="field field-check" key={site.id}>
            <input
              id={`auto-open-${site.id}`}
              type="checkbox"
              checked={autoOpens(settings, site.id)}
              onChange={(e) => update({ autoOpen: { ...settings.autoOpen, [site.id]: e.currentTarget.checked } })}
            />
            <label for={`auto-open-${site.id}`}>{site.label}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
