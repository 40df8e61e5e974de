import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, hasFilters, toReportFilter } from '../../../components/common/Filters';
import { siteLabel, siteOptions } from '../sites';

describe('toReportFilter', () => {
  it('leaves out empty choices and trims the search', () => {
    expect(toReportFilter(EMPTY_FILTERS)).toEqual({});
    expect(toReportFilter({ text: '  هسبريس ', status: 'hidden', reason: 'hate', site: 'maghress' })).toEqual({
      text: 'هسبريس',
      status: 'hidden',
      reason: 'hate',
      site: 'maghress',
    });
  });
  it('uses the debounced text when given, capped at the protocol limit', () => {
    expect(toReportFilter({ ...EMPTY_FILTERS, text: 'typing…' }, 'typed')).toEqual({ text: 'typed' });
    expect(toReportFilter(EMPTY_FILTERS, 'x'.repeat(500)).text).toHaveLength(200);
  });
  it('knows when a filter is on', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, text: '  ' })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, reason: 'other' })).toBe(true);
  });
});

describe('site labels', () => {
  it('names a site in the UI language and falls back to its id', () => {
    expect(siteLabel('hespress', 'ar')).toBe('هسبريس');
    expect(siteLabel('hespress', 'fr')).toBe('Hespress');
    expect(siteLabel('unknown-site', 'en')).toBe('unknown-site');
    expect(siteLabel(null, 'en')).toBe('');
  });
  it('lists every supported site once, sorted', () => {
    const options = siteOptions('en');
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
