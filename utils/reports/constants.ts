/**
 * Shared constants of the report model. Kept free of imports so every layer (protocol,
 * validation, database, UI) can use them without pulling anything else in.
 */

/** Reasons a reader can give, in the order the report dialog shows them. */
export const REASONS = ['sexual', 'violence', 'hate', 'misleading', 'privacy', 'copyright', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** Status of a stored report: mirrors the moderator decision on its image. */
export const REPORT_STATUSES = ['pending', 'hidden', 'kept'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A moderator decision on an image. 'pending' = back to review (no decision). */
export const DECISIONS = ['hide', 'keep', 'pending'] as const;
export type Decision = (typeof DECISIONS)[number];

/** How an image is shown to this reader. */
export const IMAGE_STATES = ['visible', 'blurred', 'hidden'] as const;
export type ImageState = (typeof IMAGE_STATES)[number];

export const LIMITS = {
  /** Max characters of a URL (image or page), before and after normalisation. */
  url: 2048,
  /** Max characters of a page title. */
  title: 500,
  /** Max characters of a reader's or moderator's note. */
  note: 500,
  /** Max characters of a source newspaper name. */
  source: 200,
  /** Max characters of a search text. */
  text: 200,
  /** Max characters of a report / reporter id. */
  id: 64,
  /** Max image URLs in one `images.state` request. */
  stateUrls: 500,
  /** Max rows in one list page (`reports.list`, `review.list`). */
  pageSize: 500,
  /** Max ids / URLs / reports in one batch write (delete, restore, decision). */
  batch: 1000,
  /** Max offset for paging. */
  offset: 10_000_000,
  /** Max characters of an import file (about 64 MB of UTF-16; Chrome's message limit is 64 MiB). */
  importChars: 60_000_000,
  /** Max entries (reports + decisions / images) in one import file. */
  importEntries: 500_000,
  /** Threshold of distinct reporters that hides an image for everyone. */
  thresholdMin: 1,
  thresholdMax: 20,
  thresholdDefault: 3,
} as const;

/** Map a decision to the status mirrored on its reports. */
export function statusForDecision(decision: Decision): ReportStatus {
  return decision === 'hide' ? 'hidden' : decision === 'keep' ? 'kept' : 'pending';
}
