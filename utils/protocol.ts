/**
 * Naqi's ONE message protocol between content scripts / extension pages and the background.
 *
 * - Every request is `{ type, ...fields }` (see `Request`).
 * - Every reply is `{ ok: true, ...data }` or `{ ok: false, error: { code, message } }`
 *   (see `ReplyFor<T>`); the background never throws at a caller.
 * - The background runs `validateRequest` on every incoming message: shape, types, lengths,
 *   http(s) URLs, known reasons. Nothing that fails it reaches the database.
 * - Background → content script messages are `TabMessage`; background → extension pages
 *   broadcasts are `PageBroadcast` (listen with `onImagesChanged`).
 *
 * Names here are stable: UI code is built against them.
 */
import { browser } from 'wxt/browser';
import {
  DECISIONS,
  LIMITS,
  REASONS,
  REPORT_STATUSES,
  type Decision,
  type ImageState,
  type Reason,
  type ReportStatus,
} from './reports/constants';
import {
  fieldError,
  isRecord,
  validateHttpUrl,
  validateId,
  validateReportInput,
  validateSiteId,
  validateStoredReport,
  validateText,
  type FieldResult,
} from './reports/validate';

export {
  DECISIONS,
  IMAGE_STATES,
  LIMITS,
  REASONS,
  REPORT_STATUSES,
  type Decision,
  type ImageState,
  type Reason,
  type ReportStatus,
} from './reports/constants';

// ---------------------------------------------------------------------------------------------
// Data types
// ---------------------------------------------------------------------------------------------

/** What a content script or page sends to report an image. */
export interface ReportInput {
  /** Absolute http(s) URL of the image; the background normalises it and strips the fragment. */
  imageUrl: string;
  /** Absolute http(s) URL of the page the image was seen on. */
  pageUrl: string;
  /** Title of that page (≤ 500 chars, may be empty). */
  pageTitle: string;
  /** Site adapter id (e.g. "maghress") or null on an unsupported site. */
  site: string | null;
  /** Source newspaper name, or null when unknown. */
  source: string | null;
  reason: Reason;
  /** ≤ 500 chars; required (non-blank) when reason is 'other'. */
  note: string;
}

export interface StoredReport extends ReportInput {
  /** UUID, stable across exports and imports (the merge key). */
  id: string;
  /** ms since epoch. */
  createdAt: number;
  /** ms since epoch; ≥ createdAt. */
  updatedAt: number;
  /** Random id of the install that made the report (one reporter, one vote per image). */
  reporterId: string;
  /** Mirrors the moderator decision on the image. */
  status: ReportStatus;
}

export interface DecisionRecord {
  imageUrl: string;
  decision: Decision;
  note: string;
  /** ms since epoch. */
  decidedAt: number;
}

/** Filters shared by lists and exports. All optional; they combine with AND. */
export interface ReportFilter {
  status?: ReportStatus;
  reason?: Reason;
  /** Site adapter id. */
  site?: string;
  /** Case-insensitive search in page title, page URL, image URL, note and source. */
  text?: string;
  /** Only reports made by this install's reporter. */
  mine?: boolean;
}

export interface ReportQuery extends ReportFilter {
  /** 1..500 */
  limit: number;
  /** ≥ 0, default 0 */
  offset?: number;
}

export type ReviewSort = 'reporters' | 'recent';
export const REVIEW_SORTS: readonly ReviewSort[] = ['reporters', 'recent'];

export interface ReviewQuery extends ReportFilter {
  sort: ReviewSort;
  /** 1..500 */
  limit: number;
  /** ≥ 0, default 0 */
  offset?: number;
}

export interface PageRef {
  url: string;
  title: string;
}

/** One row of the review page: one reported image. */
export interface ReviewRow {
  imageUrl: string;
  /** Distinct reporters. */
  reporters: number;
  reasons: Partial<Record<Reason, number>>;
  /** Pages where the image was reported (distinct URLs, at most 20). */
  pages: PageRef[];
  /** Sites and source papers seen for this image. */
  sites: string[];
  sources: string[];
  /** ms of the first report; 0 when the image has no report (only a decision, e.g. imported). */
  firstAt: number;
  /** ms of the latest report (its updatedAt); the decision time when there is no report. */
  lastAt: number;
  decision: Decision;
  decisionNote: string;
  decidedAt: number | null;
  state: ImageState;
  /** This install's reporter is among the reporters. */
  mine: boolean;
}

export interface Settings {
  /** Distinct reporters that hide an image for everyone: 1..20, default 3. */
  threshold: number;
}

export const DEFAULT_SETTINGS: Settings = { threshold: LIMITS.thresholdDefault };

export interface ImportPreview {
  /** Reports that would be added. */
  newReports: number;
  /** Distinct reporters among the new reports. */
  reporters: number;
  /** Reports already in the database (same id, or same reporter + image). */
  alreadyPresent: number;
  /** Entries (reports or decisions) refused by validation; they are skipped on apply. */
  invalid: number;
  /** Decisions that would be added or would replace an older one. */
  decisions: number;
  /** The file is a "hidden images" list rather than a full export. */
  hiddenList: boolean;
  /** Up to 10 human-readable (English) descriptions of invalid entries. */
  problems: string[];
}

export type ExportFormat = 'json' | 'csv' | 'hidden-list';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'hidden-list'];

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export interface PingRequest {
  type: 'ping';
}
export interface ReportSubmitRequest {
  type: 'report.submit';
  report: ReportInput;
}
export interface ReportUndoRequest {
  type: 'report.undo';
  id: string;
}
export interface ImagesStateRequest {
  type: 'images.state';
  /** ≤ 500 http(s) URLs; replies are keyed by the strings exactly as sent. */
  imageUrls: string[];
}
export interface ReportsListRequest {
  type: 'reports.list';
  query: ReportQuery;
}
export interface ReportsDeleteRequest {
  type: 'reports.delete';
  ids: string[];
}
export interface ReportsRestoreRequest {
  type: 'reports.restore';
  reports: StoredReport[];
}
export interface ReviewListRequest {
  type: 'review.list';
  query: ReviewQuery;
}
export interface DecisionSetRequest {
  type: 'decision.set';
  imageUrls: string[];
  decision: Decision;
  note: string;
}
export interface ExportRequest {
  type: 'export';
  format: ExportFormat;
  query?: ReportFilter;
}
export interface ImportPreviewRequest {
  type: 'import.preview';
  text: string;
}
export interface ImportApplyRequest {
  type: 'import.apply';
  text: string;
}
export interface SettingsGetRequest {
  type: 'settings.get';
}
export interface SettingsSetRequest {
  type: 'settings.set';
  settings: Settings;
}
export interface ReaderToggleActiveTabRequest {
  type: 'reader.toggleActiveTab';
}
/**
 * From a content script whose site rules found no article body: the background injects the
 * generic extractor (Mozilla Readability, /readability.js) into that frame, so the content
 * script itself stays small on the pages where site rules work.
 */
export interface ExtractorLoadRequest {
  type: 'extractor.load';
}

export type Request =
  | PingRequest
  | ReportSubmitRequest
  | ReportUndoRequest
  | ImagesStateRequest
  | ReportsListRequest
  | ReportsDeleteRequest
  | ReportsRestoreRequest
  | ReviewListRequest
  | DecisionSetRequest
  | ExportRequest
  | ImportPreviewRequest
  | ImportApplyRequest
  | SettingsGetRequest
  | SettingsSetRequest
  | ReaderToggleActiveTabRequest
  | ExtractorLoadRequest;

export type RequestType = Request['type'];

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

export type ErrorCode =
  /** The message is not an object, has no/unknown `type`. */
  | 'bad-message'
  /** A field is missing, of the wrong type, too long, not http(s)… (`error.field` names it). */
  | 'bad-field'
  /** The sender is not this extension, or a content script asked for a page-only request. */
  | 'forbidden-sender'
  /** Storage is full; nothing was written. */
  | 'quota-exceeded'
  /** The database upgrade is blocked by another open connection; nothing was written. */
  | 'db-blocked'
  /** Any other database failure; nothing was written (the transaction aborted). */
  | 'db-error'
  /** The report (or tab) does not exist. */
  | 'not-found'
  /** The import file was refused; `error.detail` is an `ImportProblem`. */
  | 'bad-import'
  /** No active tab, or the reader cannot run on it (e.g. a browser page). */
  | 'tab-unavailable'
  /** The background did not answer (extension reloaded, context invalidated…). Client-side only. */
  | 'unreachable'
  /** An unexpected bug. */
  | 'internal';

/** Sub-codes of 'bad-import', for localised messages. */
export type ImportProblem =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'truncated'
  | 'not-object'
  | 'wrong-format'
  | 'wrong-version'
  | 'bad-structure'
  | 'too-many-entries'
  | 'nothing-valid';

export interface ErrorInfo {
  code: ErrorCode;
  /** Human-readable English message naming the problem. */
  message: string;
  /** For 'bad-field': the path of the field, e.g. "report.imageUrl" or "imageUrls[3]". */
  field?: string;
  /** For 'bad-import': an ImportProblem sub-code. */
  detail?: string;
}

export interface ErrorReply {
  ok: false;
  error: ErrorInfo;
}

export type OkReply<D> = { ok: true } & D;

/** Data of the successful reply for each request type. */
export interface ReplyDataMap {
  ping: { version: string };
  'report.submit': { report: StoredReport; state: ImageState; updated: boolean };
  'report.undo': {};
  'images.state': { states: Record<string, ImageState> };
  'reports.list': { reports: StoredReport[]; total: number };
  'reports.delete': { deleted: StoredReport[] };
  'reports.restore': { restored: number };
  'review.list': { rows: ReviewRow[]; total: number };
  'decision.set': { updated: number };
  export: { filename: string; mime: string; text: string };
  'import.preview': { preview: ImportPreview };
  'import.apply': { added: number; decisions: number };
  'settings.get': { settings: Settings };
  'settings.set': { settings: Settings };
  'reader.toggleActiveTab': { injected: boolean };
  'extractor.load': Record<never, never>;
}

export type ReplyFor<T extends { type: RequestType }> = OkReply<ReplyDataMap[T['type']]> | ErrorReply;
export type AnyReply = ReplyFor<Request>;

// ---------------------------------------------------------------------------------------------
// Background → content script / page messages
// ---------------------------------------------------------------------------------------------

/** Messages the background sends to a tab's content script (browser.tabs.sendMessage). */
export type TabMessage =
  | { type: 'reader.toggle' }
  | { type: 'reader.open' }
  | { type: 'images.changed' }
  | { type: 'reader.reportImage'; srcUrl: string };

/** Broadcast to extension pages (browser.runtime.sendMessage) after any write. */
export type PageBroadcast = { type: 'images.changed' };

export function isTabMessage(raw: unknown): raw is TabMessage {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'reader.toggle':
    case 'reader.open':
    case 'images.changed':
      return true;
    case 'reader.reportImage':
      return typeof raw.srcUrl === 'string';
    default:
      return false;
  }
}

export function isImagesChanged(raw: unknown): raw is PageBroadcast {
  return isRecord(raw) && raw.type === 'images.changed';
}

/**
 * For extension pages (popup, review): call `cb` when reports or decisions changed.
 * The listener never returns a value, so it never answers someone else's request
 * (extension pages receive every runtime message other pages send to the background).
 * Returns an unsubscribe function.
 */
export function onImagesChanged(cb: () => void): () => void {
  const listener = (message: unknown): undefined => {
    if (isImagesChanged(message)) cb();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export function errorReply(code: ErrorCode, message: string, extra?: { field?: string; detail?: string }): ErrorReply {
  const error: ErrorInfo = { code, message };
  if (extra?.field !== undefined) error.field = extra.field;
  if (extra?.detail !== undefined) error.detail = extra.detail;
  return { ok: false, error };
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return isRecord(value) && value.ok === false && isRecord(value.error) && typeof value.error.code === 'string';
}

/** True when `url` can be reported / asked about: an absolute http(s) URL of ≤ 2048 chars. */
export function isReportableUrl(url: unknown): url is string {
  return validateHttpUrl(url, 'url').ok;
}

/**
 * Send a request to the background. Never throws: a thrown error (no background, extension
 * reloaded under an orphaned content script) or a missing/malformed reply becomes
 * `{ ok: false, error: { code: 'unreachable' } }`.
 */
export async function sendMessage<T extends Request>(msg: T): Promise<ReplyFor<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(msg);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return errorReply('unreachable', `The extension background did not answer: ${message}`);
  }
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') {
    return errorReply('unreachable', 'The extension background gave no answer.');
  }
  if (reply.ok === false && !isErrorReply(reply)) {
    return errorReply('internal', 'The extension background gave a malformed error.');
  }
  return reply as unknown as ReplyFor<T>;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** Request types that content scripts (sender.tab on a web page) may send. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'report.submit',
  'report.undo',
  'images.state',
  'settings.get',
  'extractor.load',
]);

export const REQUEST_TYPES: readonly RequestType[] = [
  'ping',
  'report.submit',
  'report.undo',
  'images.state',
  'reports.list',
  'reports.delete',
  'reports.restore',
  'review.list',
  'decision.set',
  'export',
  'import.preview',
  'import.apply',
  'settings.get',
  'settings.set',
  'reader.toggleActiveTab',
  'extractor.load',
];

const REQUEST_TYPE_SET: ReadonlySet<string> = new Set(REQUEST_TYPES);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): FieldResult<T> {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return fieldError(field, `${field} must be one of: ${allowed.join(', ')}`);
  }
  return { ok: true, value: value as T };
}

function intIn(value: unknown, min: number, max: number, field: string): FieldResult<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fieldError(field, `${field} must be an integer from ${min} to ${max}`);
  }
  return { ok: true, value };
}

function arrayOf(value: unknown, min: number, max: number, field: string): FieldResult<unknown[]> {
  if (!Array.isArray(value)) return fieldError(field, `${field} must be an array`);
  if (value.length < min) return fieldError(field, `${field} must hold at least ${min} item(s)`);
  if (value.length > max) return fieldError(field, `${field} must hold at most ${max} items`);
  // Firefox's structured clone keeps holes ([, 'a']); an element that is not there is no item.
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return fieldError(`${field}[${i}]`, `${field}[${i}] is missing`);
  }
  return { ok: true, value };
}

class FieldFailure extends Error {
  constructor(readonly reply: ErrorReply) {
    super(reply.error.message);
  }
}

/** Unwrap a field result or abort validation with its error. */
function take<T>(result: FieldResult<T>): T {
  if (!result.ok) throw new FieldFailure(errorReply('bad-field', result.message, { field: result.field }));
  return result.value;
}

function validateFilter(raw: Record<string, unknown>, prefix: string): ReportFilter {
  const filter: ReportFilter = {};
  if (raw.status !== undefined) filter.status = take(oneOf(raw.status, REPORT_STATUSES, `${prefix}.status`));
  if (raw.reason !== undefined) filter.reason = take(oneOf(raw.reason, REASONS, `${prefix}.reason`));
  if (raw.site !== undefined) filter.site = take(validateSiteId(raw.site, `${prefix}.site`));
  if (raw.text !== undefined) {
    const text = take(validateText(raw.text, `${prefix}.text`, LIMITS.text));
    if (text.trim() !== '') filter.text = text.trim();
  }
  if (raw.mine !== undefined) {
    if (typeof raw.mine !== 'boolean') take(fieldError(`${prefix}.mine`, `${prefix}.mine must be a boolean`));
    filter.mine = raw.mine as boolean;
  }
  return filter;
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (!isRecord(value)) take(fieldError(field, `${field} must be an object`));
  return value as Record<string, unknown>;
}

function validateKnownRequest(msg: Record<string, unknown>, type: RequestType): Request {
  switch (type) {
    case 'ping':
    case 'settings.get':
    case 'reader.toggleActiveTab':
    case 'extractor.load':
      return { type };
    case 'report.submit':
      return { type, report: take(validateReportInput(msg.report, 'report')) };
    case 'report.undo':
      return { type, id: take(validateId(msg.id, 'id')) };
    case 'images.state': {
      const urls = take(arrayOf(msg.imageUrls, 0, LIMITS.stateUrls, 'imageUrls'));
      // Keys of the reply are the strings as sent: validate, but keep them verbatim.
      const imageUrls = urls.map((u, i) => {
        take(validateHttpUrl(u, `imageUrls[${i}]`));
        return u as string;
      });
      return { type, imageUrls };
    }
    case 'reports.list': {
      const q = record(msg.query, 'query');
      const query: ReportQuery = { ...validateFilter(q, 'query'), limit: take(intIn(q.limit, 1, LIMITS.pageSize, 'query.limit')) };
      if (q.offset !== undefined) query.offset = take(intIn(q.offset, 0, LIMITS.offset, 'query.offset'));
      return { type, query };
    }
    case 'review.list': {
      const q = record(msg.query, 'query');
      const query: ReviewQuery = {
        ...validateFilter(q, 'query'),
        sort: take(oneOf(q.sort, REVIEW_SORTS, 'query.sort')),
        limit: take(intIn(q.limit, 1, LIMITS.pageSize, 'query.limit')),
      };
      if (q.offset !== undefined) query.offset = take(intIn(q.offset, 0, LIMITS.offset, 'query.offset'));
      return { type, query };
    }
    case 'reports.delete': {
      const ids = take(arrayOf(msg.ids, 1, LIMITS.batch, 'ids')).map((id, i) => take(validateId(id, `ids[${i}]`)));
      return { type, ids };
    }
    case 'reports.restore': {
      const reports = take(arrayOf(msg.reports, 1, LIMITS.batch, 'reports')).map((r, i) =>
        take(validateStoredReport(r, `reports[${i}]`)),
      );
      return { type, reports };
    }
    case 'decision.set': {
      const imageUrls = take(arrayOf(msg.imageUrls, 1, LIMITS.batch, 'imageUrls')).map((u, i) =>
        take(validateHttpUrl(u, `imageUrls[${i}]`)),
      );
      const decision = take(oneOf(msg.decision, DECISIONS, 'decision'));
      const note = msg.note === undefined ? '' : take(validateText(msg.note, 'note', LIMITS.note)).trim();
      return { type, imageUrls, decision, note };
    }
    case 'export': {
      const format = take(oneOf(msg.format, EXPORT_FORMATS, 'format'));
      if (msg.query === undefined) return { type, format };
      return { type, format, query: validateFilter(record(msg.query, 'query'), 'query') };
    }
    case 'import.preview':
    case 'import.apply':
      return { type, text: take(validateText(msg.text, 'text', LIMITS.importChars)) };
    case 'settings.set': {
      const s = record(msg.settings, 'settings');
      return {
        type,
        settings: { threshold: take(intIn(s.threshold, LIMITS.thresholdMin, LIMITS.thresholdMax, 'settings.threshold')) },
      };
    }
  }
}

/**
 * Check every field of an incoming message. Returns a fresh, normalised request object
 * (unknown fields dropped, URLs normalised except `images.state` keys) or an error reply.
 * Never throws, whatever `raw` is (proxies, getters that throw, cyclic objects…).
 */
export function validateRequest(raw: unknown): Request | ErrorReply {
  try {
    if (!isRecord(raw)) return errorReply('bad-message', 'The message must be an object with a "type".');
    const type = raw.type;
    if (typeof type !== 'string') return errorReply('bad-message', 'The message has no "type" string.');
    if (!REQUEST_TYPE_SET.has(type)) {
      return errorReply('bad-message', `Unknown message type "${type.slice(0, 60)}".`);
    }
    return validateKnownRequest(raw, type as RequestType);
  } catch (err) {
    if (err instanceof FieldFailure) return err.reply;
    return errorReply('bad-message', 'The message could not be read.');
  }
}
