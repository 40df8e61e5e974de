// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { SITES, findSite, hostMatches, isArticleUrl } from '../index';
import { SUPPORTED_HOSTS } from '../host-patterns';
import type { SiteRule } from '../types';

function otherSitesClaiming(site: SiteRule, url: string): string[] {
  const { hostname } = new URL(url);
  return SITES.filter((s) => s !== site && s.hosts.some((h) => hostMatches(hostname, h))).map((s) => s.id);
}

describe('site registry', () => {
  it('has unique ids', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers exactly SUPPORTED_HOSTS, one adapter per host', () => {
    const hosts = SITES.flatMap((s) => s.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect([...hosts].sort()).toEqual([...SUPPORTED_HOSTS].sort());
  });

  it('has no overlapping hosts (no host is a subdomain of another)', () => {
    const hosts = SITES.flatMap((s) => s.hosts);
    for (const a of hosts) for (const b of hosts) if (a !== b) expect(hostMatches(a, b)).toBe(false);
  });
});

describe.each(SITES.map((s) => [s.id, s] as const))('%s adapter', (_id, site) => {
  it('is well-formed data', () => {
    expect(site.id).toMatch(/^[a-z0-9]+$/);
    expect(site.name.trim()).not.toBe('');
    expect(site.latinName.trim()).not.toBe('');
    expect(['ar', 'fr']).toContain(site.lang);
    expect(site.articlePaths.length).toBeGreaterThan(0);
    for (const host of site.hosts) expect(host).toMatch(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
    // A /g or /y regex keeps lastIndex between .test() calls and would match every other URL.
    for (const re of [...site.articlePaths, ...(site.notArticlePaths ?? [])]) {
      expect(re.global || re.sticky).toBe(false);
    }
  });

  it('has valid, non-empty selector lists', () => {
    const { selectors } = site;
    expect(selectors.title?.length).toBeGreaterThan(0);
    expect(selectors.body?.length).toBeGreaterThan(0);
    for (const list of Object.values(selectors)) {
      for (const selector of list ?? []) {
        expect(() => document.querySelectorAll(selector), selector).not.toThrow();
      }
    }
  });

  it('lists enough test URLs, home page among the non-articles', () => {
    expect(site.testUrls.article.length).toBeGreaterThanOrEqual(2);
    expect(site.testUrls.notArticle.length).toBeGreaterThanOrEqual(3);
    expect(site.testUrls.notArticle.some((u) => new URL(u).pathname === '/')).toBe(true);
  });

  it.each(site.testUrls.article)('claims article %s', (url) => {
    expect(findSite(url)?.id).toBe(site.id);
    expect(isArticleUrl(site, url)).toBe(true);
    expect(otherSitesClaiming(site, url)).toEqual([]);
  });

  it.each(site.testUrls.notArticle)('does not take %s for an article', (url) => {
    const found = findSite(url);
    if (found) expect(isArticleUrl(found, url)).toBe(false);
  });
});

describe('findSite', () => {
  it('ignores look-alike hosts and non-web schemes', () => {
    expect(findSite('https://maghress.com.evil.example/assabah/1')).toBeUndefined();
    expect(findSite('https://notmaghress.com/assabah/1')).toBeUndefined();
    expect(findSite('https://news.example.org/2024/05/some-article')).toBeUndefined();
    expect(findSite('ftp://www.maghress.com/assabah/1')).toBeUndefined();
    expect(findSite('not a url')).toBeUndefined();
  });

  it('matches subdomains and a trailing dot', () => {
    expect(findSite('https://fr.le360.ma/')?.id).toBe('le360');
    expect(findSite('https://ar.hibapress.com/details-1.html')?.id).toBe('hibapress');
    expect(findSite('https://WWW.MAGHRESS.COM./assabah/1')?.id).toBe('maghress');
  });
});
