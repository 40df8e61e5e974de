/**
 * Pure validation of report data. Every function takes `unknown` and returns either the
 * cleaned value or a field error naming the field and the problem — never throws on bad input.
 * Cleaned values are fresh objects holding only known fields, so nothing unexpected
 * (extra keys, prototypes, getters) ever reaches the database.
 */
import type { DecisionRecord, ReportInput, StoredReport } from '../protocol';
import { DECISIONS, LIMITS, REASONS, REPORT_STATUSES, type Decision, type Reason, type ReportStatus } from './constants';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export function fieldError(field: string, message: string): { ok: false; field: string; message: string } {
  return { ok: false, field, message };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own data property only: never walks the prototype chain (`__proto__`, `constructor`…). */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Remove the fragment and let the URL parser normalise (lower-case host, default port, %-encoding). */
export function normalizeUrl(url: URL): string {
  url.hash = '';
  return url.href;
}

/**
 * An absolute http(s) URL of at most 2048 characters (before and after normalisation),
 * returned normalised with its fragment stripped.
 */
export function validateHttpUrl(value: unknown, field: string): FieldResult<string> {
  if (typeof value !== 'string') return fieldError(field, `${field} must be a string`);
  if (value.length === 0) return fieldError(field, `${field} must not be empty`);
  if (value.length > LIMITS.url) return fieldError(field, `${field} is longer than ${LIMITS.url} characters`);
  const trimmed = value.trim();
  // Absolute only: no base URL, so "/a.jpg" or "//host/a.jpg" are refused.
  if (!/^https?:\/\//i.test(trimmed)) return fieldError(field, `${field} must be an absolute http(s) URL`);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return fieldError(field, `${field} is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return fieldError(field, `${field} must be an absolute http(s) URL`);
  }
  if (!parsed.hostname) return fieldError(field, `${field} has no host`);
  const normalized = normalizeUrl(parsed);
  if (normalized.length > LIMITS.url) {
    return fieldError(field, `${field} is longer than ${LIMITS.url} characters once normalised`);
  }
  return { ok: true, value: normalized };
}

/** Normalise an image URL (fragment stripped), or null when it is not a reportable URL. */
export function normalizeImageUrl(value: unknown): string | null {
  const r = validateHttpUrl(value, 'imageUrl');
  return r.ok ? r.value : null;
}

/** A string of at most `max` characters (may be empty). Not trimmed. */
export function validateText(value: unknown, field: string, max: number): FieldResult<string> {
  if (typeof value !== 'string') return fieldError(field, `${field} must be a string`);
  if (value.length > max) return fieldError(field, `${field} is longer than ${max} characters`);
  return { ok: true, value };
}

const ID_RE = /^[A-Za-z0-9_-]+$/;

/** A report or reporter id: 1..64 chars of letters, digits, '-' and '_' (UUIDs fit). */
export function validateId(value: unknown, field: string): FieldResult<string> {
  if (typeof value !== 'string') return fieldError(field, `${field} must be a string`);
  if (value.length === 0) return fieldError(field, `${field} must not be empty`);
  if (value.length > LIMITS.id) return fieldError(field, `${field} is longer than ${LIMITS.id} characters`);
  if (!ID_RE.test(value)) return fieldError(field, `${field} may hold only letters, digits, "-" and "_"`);
  return { ok: true, value };
}

const SITE_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A site adapter id, e.g. "maghress": lower-case letters, digits, '-' and '_', ≤ 64 chars. */
export function validateSiteId(value: unknown, field: string): FieldResult<string> {
  if (typeof value !== 'string') return fieldError(field, `${field} must be a string`);
  if (!SITE_RE.test(value)) return fieldError(field, `${field} must be a site id (a-z, 0-9, "-", "_"; up to 64)`);
  return { ok: true, value };
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value);
}
export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}
export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** Drop C0/C1 control characters except tab/newline (they break CSV viewers and UIs). */
export function stripControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/**
 * Validate what a reader sends when reporting an image. `prefix` names the object in errors
 * ("report" → "report.imageUrl").
 */
export function validateReportInput(value: unknown, prefix = 'report'): FieldResult<ReportInput> {
  if (!isRecord(value)) return fieldError(prefix, `${prefix} must be an object`);
  const f = (k: string) => `${prefix}.${k}`;

  const imageUrl = validateHttpUrl(own(value, 'imageUrl'), f('imageUrl'));
  if (!imageUrl.ok) return imageUrl;
  const pageUrl = validateHttpUrl(own(value, 'pageUrl'), f('pageUrl'));
  if (!pageUrl.ok) return pageUrl;

  const rawTitle = own(value, 'pageTitle');
  const title = validateText(rawTitle === undefined ? '' : rawTitle, f('pageTitle'), LIMITS.title);
  if (!title.ok) return title;

  const rawSite = own(value, 'site');
  let site: string | null = null;
  if (rawSite !== null && rawSite !== undefined) {
    const s = validateSiteId(rawSite, f('site'));
    if (!s.ok) return s;
    site = s.value;
  }

  const rawSource = own(value, 'source');
  let source: string | null = null;
  if (rawSource !== null && rawSource !== undefined) {
    const s = validateText(rawSource, f('source'), LIMITS.source);
    if (!s.ok) return fieldError(f('source'), `${f('source')} must be a string of at most ${LIMITS.source} characters or null`);
    source = stripControls(s.value).trim() || null;
  }

  const reason = own(value, 'reason');
  if (!isReason(reason)) return fieldError(f('reason'), `${f('reason')} must be one of: ${REASONS.join(', ')}`);

  const rawNote = own(value, 'note');
  const noteR = validateText(rawNote === undefined ? '' : rawNote, f('note'), LIMITS.note);
  if (!noteR.ok) return noteR;
  const note = stripControls(noteR.value).trim();
  if (reason === 'other' && note === '') {
    return fieldError(f('note'), `${f('note')} is required when the reason is "other"`);
  }

  return {
    ok: true,
    value: {
      imageUrl: imageUrl.value,
      pageUrl: pageUrl.value,
      pageTitle: stripControls(title.value).trim(),
      site,
      source,
      reason,
      note,
    },
  };
}

/** Latest accepted timestamp: 2100-01-01. Earliest: 2000-01-01. */
const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

function validateTime(value: unknown, field: string): FieldResult<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_TIME || value > MAX_TIME) {
    return fieldError(field, `${field} must be a time in milliseconds between 2000 and 2100`);
  }
  return { ok: true, value };
}

/**
 * Validate a full stored report (from an import file or an Undo restore). The status is
 * checked but callers recompute it from the local decision.
 */
export function validateStoredReport(value: unknown, prefix = 'report'): FieldResult<StoredReport> {
  if (!isRecord(value)) return fieldError(prefix, `${prefix} must be an object`);
  const f = (k: string) => `${prefix}.${k}`;
  const id = validateId(own(value, 'id'), f('id'));
  if (!id.ok) return id;
  const input = validateReportInput(value, prefix);
  if (!input.ok) return input;
  const createdAt = validateTime(own(value, 'createdAt'), f('createdAt'));
  if (!createdAt.ok) return createdAt;
  const rawUpdated = own(value, 'updatedAt');
  const updatedAt = validateTime(rawUpdated === undefined ? createdAt.value : rawUpdated, f('updatedAt'));
  if (!updatedAt.ok) return updatedAt;
  if (updatedAt.value < createdAt.value) return fieldError(f('updatedAt'), `${f('updatedAt')} is before createdAt`);
  const reporterId = validateId(own(value, 'reporterId'), f('reporterId'));
  if (!reporterId.ok) return reporterId;
  const rawStatus = own(value, 'status');
  const status = rawStatus === undefined ? 'pending' : rawStatus;
  if (!isReportStatus(status)) {
    return fieldError(f('status'), `${f('status')} must be one of: ${REPORT_STATUSES.join(', ')}`);
  }
  return {
    ok: true,
    value: {
      id: id.value,
      ...input.value,
      createdAt: createdAt.value,
      updatedAt: updatedAt.value,
      reporterId: reporterId.value,
      status,
    },
  };
}

/** Validate a decision entry of an export file or a hidden-images list. */
export function validateDecisionRecord(value: unknown, prefix = 'decision'): FieldResult<DecisionRecord> {
  if (!isRecord(value)) return fieldError(prefix, `${prefix} must be an object`);
  const f = (k: string) => `${prefix}.${k}`;
  const imageUrl = validateHttpUrl(own(value, 'imageUrl'), f('imageUrl'));
  if (!imageUrl.ok) return imageUrl;
  const decision = own(value, 'decision');
  if (!isDecision(decision)) return fieldError(f('decision'), `${f('decision')} must be one of: ${DECISIONS.join(', ')}`);
  const rawNote = own(value, 'note');
  const note = validateText(rawNote === undefined ? '' : rawNote, f('note'), LIMITS.note);
  if (!note.ok) return note;
  const decidedAt = validateTime(own(value, 'decidedAt'), f('decidedAt'));
  if (!decidedAt.ok) return decidedAt;
  return {
    ok: true,
    value: { imageUrl: imageUrl.value, decision, note: stripControls(note.value).trim(), decidedAt: decidedAt.value },
  };
}
