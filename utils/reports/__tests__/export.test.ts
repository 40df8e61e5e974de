import { describe, expect, it } from 'vitest';
import {
  buildHiddenList,
  csvCell,
  CSV_COLUMNS,
  exportFilename,
  exportMime,
  reportsCsv,
  reportsExportText,
} from '../export';
import { parseImportFile } from '../import';
import type { DecisionRecord, StoredReport } from '../../protocol';

const report = (over: Partial<StoredReport> = {}): StoredReport => ({
  id: '11111111-1111-4111-8111-111111111111',
  imageUrl: 'https://x.com/a.jpg',
  pageUrl: 'https://x.com/p',
  pageTitle: 'صورة "خطيرة", حقا',
  site: 'maghress',
  source: 'هسبريس',
  reason: 'other',
  note: 'line1\nline2',
  createdAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 2),
  reporterId: 'r1',
  status: 'pending',
  ...over,
});

/** Minimal RFC 4180 parser for round-tripping the CSV in tests. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, uses CRLF and has a header row', () => {
    const csv = reportsCsv([report()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and newlines (RFC 4180) and keeps Arabic intact', () => {
    const csv = reportsCsv([report()]);
    expect(csv).toContain('"صورة ""خطيرة"", حقا"');
    expect(csv).toContain('"line1\nline2"');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    const cells = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(cells.pageTitle).toBe('صورة "خطيرة", حقا');
    expect(cells.note).toBe('line1\nline2');
    expect(cells.source).toBe('هسبريس');
    expect(cells.createdAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('neutralises formula cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes null as an empty cell', () => {
    expect(csvCell(null)).toBe('');
    const rows = parseCsv(reportsCsv([report({ site: null, source: null })]).slice(1));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('site')]).toBe('');
  });
});

describe('JSON export', () => {
  const decisions: DecisionRecord[] = [{ imageUrl: 'https://x.com/a.jpg', decision: 'hide', note: 'n', decidedAt: Date.UTC(2025, 1, 1) }];

  it('has the documented envelope', () => {
    const data = JSON.parse(reportsExportText([report()], decisions, new Date(Date.UTC(2025, 2, 3))));
    expect(data).toMatchObject({ format: 'naqi-reports', version: 1, exportedAt: '2025-03-03T00:00:00.000Z' });
    expect(Object.keys(data.reports[0])).toEqual([
      'id', 'imageUrl', 'pageUrl', 'pageTitle', 'site', 'source', 'reason', 'note', 'createdAt', 'updatedAt', 'reporterId', 'status',
    ]);
    expect(data.decisions).toEqual(decisions);
  });

  it('round-trips through the import parser unchanged', () => {
    const reports = [report(), report({ id: '22222222-2222-4222-8222-222222222222', reporterId: 'r2', reason: 'hate', note: '' })];
    const parsed = parseImportFile(reportsExportText(reports, decisions, new Date()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.reports).toEqual(reports);
    expect(parsed.value.decisions).toEqual(decisions);
    expect(parsed.value.invalid).toBe(0);
  });

  it('hidden list holds hide decisions only, and round-trips', () => {
    const list = buildHiddenList(
      [...decisions, { imageUrl: 'https://x.com/b.jpg', decision: 'keep', note: '', decidedAt: 5 }],
      new Date(0),
    );
    expect(list).toEqual({
      format: 'naqi-hidden-images',
      version: 1,
      exportedAt: '1970-01-01T00:00:00.000Z',
      images: [{ imageUrl: 'https://x.com/a.jpg', note: 'n', decidedAt: Date.UTC(2025, 1, 1) }],
    });
    const parsed = parseImportFile(JSON.stringify(list));
    expect(parsed.ok && parsed.value.kind).toBe('hidden-list');
    expect(parsed.ok && parsed.value.decisions).toEqual(decisions);
  });

  it('names files and mime types', () => {
    const d = new Date(2025, 0, 9);
    expect(exportFilename('json', d)).toBe('naqi-reports-2025-01-09.json');
    expect(exportFilename('csv', d)).toBe('naqi-reports-2025-01-09.csv');
    expect(exportFilename('hidden-list', d)).toBe('naqi-hidden-images-2025-01-09.json');
    expect(exportMime('csv')).toBe('text/csv;charset=utf-8');
    expect(exportMime('json')).toBe('application/json');
  });
});
