import { pageLang } from './lang';

/**
 * Locale tag for Intl formatters. Moroccan readers write Western digits (as ar-MA does), and a
 * count must read the same in every language, so the numbering system is pinned to `latn`.
 */
export function intlLocale(lang: string = pageLang()): string {
  return `${lang}-u-nu-latn`;
}

export function formatNumber(value: number, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}
