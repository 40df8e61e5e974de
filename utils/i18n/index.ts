import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** Keys are checked at compile time against the English catalogue; a test keeps ar/fr in step. */
export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage returns '' for an unknown key; showing the key beats showing nothing.
  // WXT types getMessage from the catalogue it last saw; MessageKey is our own check.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

/** Base language of the UI (ar, fr or en), as the locale files know it. */
export function uiLang(): 'ar' | 'fr' | 'en' {
  const base = uiLanguage().toLowerCase().split(/[-_]/)[0];
  return base === 'ar' || base === 'fr' ? base : 'en';
}

export function uiDir(): 'rtl' | 'ltr' {
  return uiLang() === 'ar' ? 'rtl' : 'ltr';
}
