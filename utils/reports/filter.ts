/** Pure filtering and ordering shared by lists and exports. */
import type { ReportFilter, ReviewSort, StoredReport } from '../protocol';
import type { ImageSummary } from '../db/schema';

export function isEmptyFilter(f: ReportFilter): boolean {
  return f.status === undefined && f.reason === undefined && f.site === undefined && !f.text && !f.mine;
}

/** Only `status` (or nothing) is set: an index answers the query without a scan. */
export function isStatusOnlyFilter(f: ReportFilter): boolean {
  return f.reason === undefined && f.site === undefined && !f.text && !f.mine;
}

export function matchesReport(r: StoredReport, f: ReportFilter, reporterId: string): boolean {
  if (f.status !== undefined && r.status !== f.status) return false;
  if (f.reason !== undefined && r.reason !== f.reason) return false;
  if (f.site !== undefined && r.site !== f.site) return false;
  if (f.mine && r.reporterId !== reporterId) return false;
  if (f.text) {
    const needle = f.text.toLowerCase();
    const hay = [r.pageTitle, r.pageUrl, r.imageUrl, r.note, r.source ?? ''];
    if (!hay.some((h) => h.toLowerCase().includes(needle))) return false;
  }
  return true;
}

export function matchesSummary(s: ImageSummary, f: ReportFilter, reporterId: string): boolean {
  if (f.status !== undefined && s.status !== f.status) return false;
  if (f.reason !== undefined && !(s.reasons[f.reason] ?? 0)) return false;
  if (f.site !== undefined && !s.sites.includes(f.site)) return false;
  if (f.mine && !s.reporterIds.includes(reporterId)) return false;
  if (f.text && !s.search.includes(f.text.toLowerCase())) return false;
  return true;
}

/** Newest first; ties by id descending (the order of the createdAt index walked backwards). */
export function compareReportsNewestFirst(a: Pick<StoredReport, 'createdAt' | 'id'>, b: Pick<StoredReport, 'createdAt' | 'id'>): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function desc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Review order, matching the images indexes walked backwards. */
type SortKeys = Pick<ImageSummary, 'imageUrl' | 'reporters' | 'lastAt'>;

export function compareSummaries(sort: ReviewSort): (a: SortKeys, b: SortKeys) => number {
  if (sort === 'reporters') {
    return (a, b) => b.reporters - a.reporters || b.lastAt - a.lastAt || desc(a.imageUrl, b.imageUrl);
  }
  return (a, b) => b.lastAt - a.lastAt || desc(a.imageUrl, b.imageUrl);
}
