import { t, uiLang } from '../i18n';

export type PageLang = 'ar' | 'fr' | 'en';

/**
 * The language of the messages actually shown. Chromium started with a regional locale
 * (`--lang=fr-FR`, `ar-MA`) reports that locale from `i18n.getUILanguage()` but serves the
 * default (English) catalogue, so `uiLang()` alone can label English text as French. Each
 * catalogue names its own language in `commonLocale`; that is what `<html lang dir>` and the
 * Intl formatters must follow.
 */
export function pageLang(): PageLang {
  const code = t('commonLocale');
  return code === 'ar' || code === 'fr' || code === 'en' ? code : uiLang();
}

export function pageDir(lang: PageLang = pageLang()): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Set `<html lang dir>` and the title before the first render. */
export function applyPageLanguage(title: string, doc: Document = document): void {
  const lang = pageLang();
  doc.documentElement.lang = lang;
  doc.documentElement.dir = pageDir(lang);
  doc.title = title;
}
