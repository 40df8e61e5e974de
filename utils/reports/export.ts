/**
 * Export formats (documented in docs/export-format.md):
 * - JSON `naqi-reports` v1: every report and decision, the file other readers' Naqi imports.
 * - CSV: the reports for spreadsheets (UTF-8 BOM, RFC 4180, formula cells neutralised).
 * - JSON `naqi-hidden-images` v1: images a moderator decided to hide, for readers to import.
 */
import type { DecisionRecord, StoredReport } from '../protocol';

export const REPORTS_FORMAT = 'naqi-reports';
export const HIDDEN_FORMAT = 'naqi-hidden-images';
export const FORMAT_VERSION = 1;

export interface ReportsExportV1 {
  format: typeof REPORTS_FORMAT;
  version: 1;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  reports: StoredReport[];
  decisions: DecisionRecord[];
}

export interface HiddenImage {
  imageUrl: string;
  note: string;
  decidedAt: number;
}

export interface HiddenListV1 {
  format: typeof HIDDEN_FORMAT;
  version: 1;
  exportedAt: string;
  images: HiddenImage[];
}

/** A report with its keys in the documented order (stable, diff-friendly files). */
export function canonicalReport(r: StoredReport): StoredReport {
  return {
    id: r.id,
    imageUrl: r.imageUrl,
    pageUrl: r.pageUrl,
    pageTitle: r.pageTitle,
    site: r.site,
    source: r.source,
    reason: r.reason,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    reporterId: r.reporterId,
    status: r.status,
  };
}

export function canonicalDecision(d: DecisionRecord): DecisionRecord {
  return { imageUrl: d.imageUrl, decision: d.decision, note: d.note, decidedAt: d.decidedAt };
}

function byCreated(a: StoredReport, b: StoredReport): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function byImage(a: { imageUrl: string }, b: { imageUrl: string }): number {
  return a.imageUrl < b.imageUrl ? -1 : a.imageUrl > b.imageUrl ? 1 : 0;
}

export function buildReportsExport(
  reports: readonly StoredReport[],
  decisions: readonly DecisionRecord[],
  now: Date,
): ReportsExportV1 {
  return {
    format: REPORTS_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    reports: [...reports].sort(byCreated).map(canonicalReport),
    decisions: [...decisions].sort(byImage).map(canonicalDecision),
  };
}

export function reportsExportText(reports: readonly StoredReport[], decisions: readonly DecisionRecord[], now: Date): string {
  return `${JSON.stringify(buildReportsExport(reports, decisions, now), null, 2)}\n`;
}

export function buildHiddenList(decisions: readonly DecisionRecord[], now: Date): HiddenListV1 {
  return {
    format: HIDDEN_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    images: decisions
      .filter((d) => d.decision === 'hide')
      .sort(byImage)
      .map((d) => ({ imageUrl: d.imageUrl, note: d.note, decidedAt: d.decidedAt })),
  };
}

export function hiddenListText(decisions: readonly DecisionRecord[], now: Date): string {
  return `${JSON.stringify(buildHiddenList(decisions, now), null, 2)}\n`;
}

// --- CSV -----------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'imageUrl',
  'pageUrl',
  'pageTitle',
  'site',
  'source',
  'reason',
  'note',
  'reporterId',
  'status',
] as const;

/**
 * One CSV cell: cells a spreadsheet would run as a formula (starting with = + - @, or a tab /
 * carriage return that some programs skip before one) get a leading apostrophe; then RFC 4180
 * quoting when the cell holds a quote, comma, CR or LF (quotes doubled).
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The whole CSV file: BOM, header row, one row per report (oldest first), CRLF line ends. */
export function reportsCsv(reports: readonly StoredReport[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of [...reports].sort(byCreated)) {
    lines.push(
      [
        r.id,
        isoTime(r.createdAt),
        isoTime(r.updatedAt),
        r.imageUrl,
        r.pageUrl,
        r.pageTitle,
        r.site,
        r.source,
        r.reason,
        r.note,
        r.reporterId,
        r.status,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "naqi-reports-2025-01-31.json" — the date is local to the exporting machine. */
export function exportFilename(kind: 'json' | 'csv' | 'hidden-list', now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (kind === 'csv') return `naqi-reports-${day}.csv`;
  if (kind === 'hidden-list') return `naqi-hidden-images-${day}.json`;
  return `naqi-reports-${day}.json`;
}

export function exportMime(kind: 'json' | 'csv' | 'hidden-list'): string {
  return kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
}
