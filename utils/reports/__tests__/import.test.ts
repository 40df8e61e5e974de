import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksTruncated, parseImportFile } from '../import';
import { reportsExportText } from '../export';
import type { StoredReport } from '../../protocol';

const report = (i: number, over: Partial<StoredReport> = {}): StoredReport => ({
  id: `id-${i}`,
  imageUrl: `https://x.com/${i % 3}.jpg`,
  pageUrl: 'https://x.com/p',
  pageTitle: 't',
  site: 'maghress',
  source: null,
  reason: 'hate',
  note: '',
  createdAt: Date.UTC(2025, 0, 1) + i,
  updatedAt: Date.UTC(2025, 0, 1) + i,
  reporterId: `r${i}`,
  status: 'pending',
  ...over,
});

const good = reportsExportText([report(1), report(2)], [], new Date());

function problem(text: string) {
  const r = parseImportFile(text);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.message.length).toBeGreaterThan(10);
  return r;
}

describe('parseImportFile refuses each bad file with its own problem', () => {
  it.each([
    ['empty', '', 'empty', /empty/],
    ['whitespace', ' \n\t', 'empty', /empty/],
    ['truncated export', good.slice(0, good.length / 2), 'truncated', /truncated|cut short/],
    ['truncated inside a string', '{"format":"naqi-reports","version":1,"reports":[{"id":"ab', 'truncated', /truncated/],
    ['corrupt bytes', '\u0000\u0001PK\u0003\u0004garbage', 'not-json', /not valid JSON/],
    ['HTML page', '<!doctype html><html></html>', 'not-json', /not valid JSON/],
    ['a JSON array', '[1,2,3]', 'not-object', /list/],
    ['a JSON string', '"naqi"', 'not-object', /not a Naqi export/],
    ['JSON null', 'null', 'not-object', /null/],
    ['no format', '{"version":1,"reports":[]}', 'wrong-format', /no "format"/],
    ['another format', '{"format":"something-else","version":1}', 'wrong-format', /something-else/],
    ['newer version', '{"format":"naqi-reports","version":2,"reports":[]}', 'wrong-version', /newer Naqi \(format version 2\)/],
    ['version 0', '{"format":"naqi-reports","version":0,"reports":[]}', 'wrong-version', /Unsupported format version/],
    ['version as a string', '{"format":"naqi-reports","version":"1","reports":[]}', 'wrong-version', /Unsupported/],
    ['no reports list', '{"format":"naqi-reports","version":1}', 'bad-structure', /"reports"/],
    ['reports is an object', '{"format":"naqi-reports","version":1,"reports":{}}', 'bad-structure', /"reports"/],
    ['decisions not a list', '{"format":"naqi-reports","version":1,"reports":[],"decisions":5}', 'bad-structure', /"decisions"/],
    ['hidden list without images', '{"format":"naqi-hidden-images","version":1}', 'bad-structure', /"images"/],
    ['only invalid entries', '{"format":"naqi-reports","version":1,"reports":[{"id":"x"},{"imageUrl":"javascript:alert(1)"}]}', 'nothing-valid', /None of the 2/],
    ['hostile hidden list', '{"format":"naqi-hidden-images","version":1,"images":[{"imageUrl":"javascript:alert(1)","decidedAt":1}]}', 'nothing-valid', /None of the 1/],
  ])('%s', (_label, text, code, message) => {
    const r = problem(text);
    expect(r.problem).toBe(code);
    expect(r.message).toMatch(message);
  });

  it('too many entries', () => {
    const text = `{"format":"naqi-reports","version":1,"reports":[${Array(500_001).fill('0').join(',')}]}`;
    expect(problem(text).problem).toBe('too-many-entries');
  });

  it('too large', () => {
    expect(problem(' '.repeat(60_000_001)).problem).toBe('too-large');
  });
});

describe('parseImportFile entries', () => {
  it('counts invalid, duplicate and hostile entries and keeps the rest', () => {
    const text = JSON.stringify({
      format: 'naqi-reports',
      version: 1,
      reports: [
        report(1),
        report(1), // same id again
        report(2, { id: 'other', reporterId: 'r1', imageUrl: 'https://x.com/1.jpg' }), // same vote as report(1)
        { ...report(3), imageUrl: 'javascript:alert(1)' },
        { ...report(4), reason: 'spam' },
        { ...report(5), note: 'x'.repeat(501) },
        { ...report(6), constructor: 'x', HOSTILE: 1 },
        'string',
        null,
      ],
      decisions: [
        { imageUrl: 'https://x.com/1.jpg', decision: 'hide', note: '', decidedAt: Date.UTC(2025, 0, 1) },
        { imageUrl: 'https://x.com/1.jpg', decision: 'keep', note: '', decidedAt: Date.UTC(2025, 0, 2) },
        { imageUrl: 'https://x.com/2.jpg', decision: 'destroy', note: '', decidedAt: Date.UTC(2025, 0, 2) },
      ],
    });
    // A "__proto__" key as JSON.parse sees it (an own property), plus extra keys.
    const r = parseImportFile(text.replace('"HOSTILE":1', '"__proto__":{"polluted":true},"isAdmin":true'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.reports.map((x) => x.id)).toEqual(['id-1', 'id-6']);
    expect(Object.getPrototypeOf(r.value.reports[1])).toBe(Object.prototype);
    expect(Object.keys(r.value.reports[1] ?? {})).not.toContain('isAdmin');
    expect(r.value.decisions).toEqual([{ imageUrl: 'https://x.com/1.jpg', decision: 'keep', note: '', decidedAt: Date.UTC(2025, 0, 2) }]);
    expect(r.value.invalid).toBe(8);
    expect(r.value.problems.join('\n')).toMatch(/reports\[1\]\.id repeats/);
    expect(r.value.problems.join('\n')).toMatch(/reports\[3\]\.imageUrl/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.value.reports[1] ?? {})).not.toContain('constructor');
  });

  it('accepts a BOM and an empty export', () => {
    const r = parseImportFile(`\uFEFF{"format":"naqi-reports","version":1,"reports":[]}`);
    expect(r.ok && r.value.reports).toEqual([]);
  });

  it('looksTruncated', () => {
    expect(looksTruncated('{"a":[1,2')).toBe(true);
    expect(looksTruncated('{"a":"x')).toBe(true);
    expect(looksTruncated('{"a":"}"}')).toBe(false);
    expect(looksTruncated('{"a":1}}')).toBe(false);
    expect(looksTruncated('nonsense')).toBe(false);
  });

  it('property: any mutation of an export is refused with a problem or parsed into valid entries, never throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.length }),
        fc.integer({ min: 0, max: 20 }),
        fc.string({ maxLength: 8 }),
        (at, del, insert) => {
          const mutated = good.slice(0, at) + insert + good.slice(at + del);
          const r = parseImportFile(mutated);
          if (!r.ok) {
            expect(r.message.length).toBeGreaterThan(10);
          } else {
            for (const rep of r.value.reports) expect(rep.imageUrl).toMatch(/^https?:\/\//);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
