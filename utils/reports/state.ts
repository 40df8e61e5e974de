/**
 * Pure logic: how an image is shown, and the per-image summary the review page lists.
 */
import type { DecisionRecord, PageRef, StoredReport } from '../protocol';
import type { ImageSummary } from '../db/schema';
import { LIMITS, statusForDecision, type Decision, type ImageState, type Reason } from './constants';

export interface StateInput {
  /** Distinct reporters of the image (this reader included). */
  reporters: number;
  /** This reader reported the image. */
  mine: boolean;
  /** Moderator decision ('pending' = none). */
  decision: Decision;
}

/** Clamp a stored/received threshold into 1..20, falling back to the default. */
export function clampThreshold(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return LIMITS.thresholdDefault;
  return Math.min(LIMITS.thresholdMax, Math.max(LIMITS.thresholdMin, value));
}

/**
 * - 'hide' decision → hidden for everyone.
 * - 'keep' decision → visible, except blurred for a reader who reported it (their own choice).
 * - no decision → hidden once distinct reporters reach the threshold; else blurred for a
 *   reader who reported it; else visible.
 */
export function computeImageState(input: StateInput, threshold: number): ImageState {
  const t = clampThreshold(threshold);
  if (input.decision === 'hide') return 'hidden';
  if (input.decision === 'keep') return input.mine ? 'blurred' : 'visible';
  if (input.reporters >= t) return 'hidden';
  return input.mine ? 'blurred' : 'visible';
}

export function stateOfSummary(summary: ImageSummary | undefined, reporterId: string, threshold: number): ImageState {
  if (!summary) return 'visible';
  return computeImageState(
    { reporters: summary.reporters, mine: summary.reporterIds.includes(reporterId), decision: summary.decision },
    threshold,
  );
}

const MAX_PAGES = 20;
const MAX_SEARCH = 8000;

/** Build the summary row of one image from all its reports and its decision. */
export function summarizeImage(
  imageUrl: string,
  reports: readonly StoredReport[],
  decision: DecisionRecord | undefined,
): ImageSummary {
  const reporterIds = new Set<string>();
  const reasons: Partial<Record<Reason, number>> = {};
  const sites = new Set<string>();
  const sources = new Set<string>();
  let firstAt = Infinity;
  let lastAt = 0;
  const sorted = [...reports].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  const pages: PageRef[] = [];
  const seenPages = new Set<string>();
  const search: string[] = [imageUrl];
  for (const r of sorted) {
    reporterIds.add(r.reporterId);
    reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    if (r.site) sites.add(r.site);
    if (r.source) sources.add(r.source);
    firstAt = Math.min(firstAt, r.createdAt);
    lastAt = Math.max(lastAt, r.updatedAt);
    if (!seenPages.has(r.pageUrl)) {
      seenPages.add(r.pageUrl);
      if (pages.length < MAX_PAGES) pages.push({ url: r.pageUrl, title: r.pageTitle });
      search.push(r.pageUrl, r.pageTitle);
    }
    if (r.note) search.push(r.note);
    if (r.source) search.push(r.source);
  }
  const d: Decision = decision?.decision ?? 'pending';
  return {
    imageUrl,
    reporterIds: [...reporterIds].sort(),
    reporters: reporterIds.size,
    reasons,
    pages,
    sites: [...sites].sort(),
    sources: [...sources].sort(),
    firstAt: reports.length ? firstAt : 0,
    lastAt: reports.length ? lastAt : (decision?.decidedAt ?? 0),
    decision: d,
    decisionNote: decision?.note ?? '',
    decidedAt: decision ? decision.decidedAt : null,
    status: statusForDecision(d),
    search: search.join('\n').toLowerCase().slice(0, MAX_SEARCH),
  };
}
