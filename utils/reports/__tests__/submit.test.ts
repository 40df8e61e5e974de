import { describe, expect, it } from 'vitest';
import { validateSubmittedReport } from '../submit';

const good = {
  id: 'r-1',
  imageUrl: 'https://WWW.Example.com:443/a.jpg#frag',
  pageUrl: 'https://www.example.com/p',
  pageTitle: ' Title ',
  site: 'maghress',
  source: 'هسبريس',
  reason: 'violence',
  note: '',
  createdAt: Date.UTC(2025, 0, 1),
};

describe('validateSubmittedReport', () => {
  it('accepts a report and normalises it like the extension', () => {
    const r = validateSubmittedReport(good);
    expect(r).toEqual({
      ok: true,
      value: { ...good, imageUrl: 'https://www.example.com/a.jpg', pageTitle: 'Title' },
    });
  });

  it('allows optional fields to be left out', () => {
    const { pageTitle: _t, site: _s, source: _so, note: _n, ...rest } = good;
    const r = validateSubmittedReport(rest);
    expect(r.ok && r.value).toMatchObject({ pageTitle: '', site: null, source: null, note: '' });
  });

  it('refuses unknown keys, including the fields the server decides', () => {
    for (const key of ['reporterId', 'status', 'updatedAt', 'extra']) {
      const r = validateSubmittedReport({ ...good, [key]: 'x' });
      expect(r).toMatchObject({ ok: false, field: `report.${key}` });
    }
  });

  it('refuses bad fields with the shared rules', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'a b' }, 'report.id'],
      [{ imageUrl: 'javascript:alert(1)' }, 'report.imageUrl'],
      [{ pageUrl: '/relative' }, 'report.pageUrl'],
      [{ reason: 'ugly' }, 'report.reason'],
      [{ reason: 'other', note: '  ' }, 'report.note'],
      [{ createdAt: '1735689600000' }, 'report.createdAt'],
      [{ createdAt: 1 }, 'report.createdAt'],
      [{ pageTitle: 'x'.repeat(501) }, 'report.pageTitle'],
    ];
    for (const [patch, field] of cases) {
      expect(validateSubmittedReport({ ...good, ...patch })).toMatchObject({ ok: false, field });
    }
    expect(validateSubmittedReport([])).toMatchObject({ ok: false, field: 'report' });
    expect(validateSubmittedReport(null)).toMatchObject({ ok: false, field: 'report' });
  });
});
