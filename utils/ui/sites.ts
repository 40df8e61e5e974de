import { SITES } from '../sites';
import { pageLang } from './lang';

export interface SiteOption {
  id: string;
  label: string;
}

/** Display name of a site id in the UI language (Arabic name in Arabic, Latin otherwise). */
export function siteLabel(id: string | null | undefined, lang: string = pageLang()): string {
  if (!id) return '';
  const site = SITES.find((s) => s.id === id);
  if (!site) return id;
  return lang === 'ar' ? site.name : site.latinName;
}

/** Every supported site, sorted by its label in the UI language, for the site filter. */
export function siteOptions(lang: string = pageLang()): SiteOption[] {
  return SITES.map((s) => ({ id: s.id, label: siteLabel(s.id, lang) })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
}
