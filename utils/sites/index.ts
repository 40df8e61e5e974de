import type { SiteRule } from './types';
import { maghress } from './maghress';
import { hespress } from './hespress';
import { le360 } from './le360';
import { alyaoum24 } from './alyaoum24';
import { hibapress } from './hibapress';
import { barlamane } from './barlamane';
import { akhbarona } from './akhbarona';
import { al3omk } from './al3omk';
import { febrayer } from './febrayer';
import { goud } from './goud';
import { assabah } from './assabah';
import { alayam24 } from './alayam24';
import { medias24 } from './medias24';
import { lematin } from './lematin';

/** Every supported site, one adapter file each. Order does not matter: hosts never overlap. */
export const SITES: readonly SiteRule[] = [
  maghress,
  hespress,
  le360,
  alyaoum24,
  hibapress,
  barlamane,
  akhbarona,
  al3omk,
  febrayer,
  goud,
  assabah,
  alayam24,
  medias24,
  lematin,
];

export function hostMatches(hostname: string, host: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === host || h.endsWith(`.${host}`);
}

export function findSite(url: string | URL): SiteRule | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return SITES.find((site) => site.hosts.some((host) => hostMatches(parsed.hostname, host)));
}

export function isArticleUrl(site: SiteRule, url: string | URL): boolean {
  const { pathname } = typeof url === 'string' ? new URL(url) : url;
  if (site.notArticlePaths?.some((re) => re.test(pathname))) return false;
  return site.articlePaths.some((re) => re.test(pathname));
}

export type { SiteRule } from './types';
