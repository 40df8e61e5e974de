/**
 * The background's message dispatch, kept out of entrypoints/ so tests can drive it:
 * `handleMessage(raw, sender)` → reply. Order of checks:
 *   1. sender.id must be this extension           → 'forbidden-sender'
 *   2. validateRequest: every field                → 'bad-message' / 'bad-field'
 *   3. page-only requests from content scripts     → 'forbidden-sender'
 *   4. the operation (one transaction)             → data, or a mapped error code
 * It never throws and never rejects.
 */
import { browser } from 'wxt/browser';
import {
  DbBlockedError,
  getDb,
  allDecisions,
  applyImport,
  countPending,
  deleteReports,
  exportData,
  getReporterId,
  getSummaries,
  listReports,
  listReview,
  previewImport,
  QueryCache,
  restoreReports,
  setDecisions,
  submitReport,
  undoOwnReport,
  type NaqiDb,
} from '../db';
import {
  CONTENT_SCRIPT_TYPES,
  errorReply,
  validateRequest,
  type AnyReply,
  type ErrorReply,
  type ImageState,
  type ImportProblem,
  type ReplyFor,
  type Request,
  type Settings,
} from '../protocol';
import { exportFilename, exportMime, hiddenListText, reportsCsv, reportsExportText } from '../reports/export';
import { parseImportFile } from '../reports/import';
import { stateOfSummary } from '../reports/state';
import { normalizeImageUrl, stripControls } from '../reports/validate';
import {
  BADGE_MAX,
  broadcastImagesChanged,
  getSettings,
  refreshBadge,
  saveSettings,
  TabUnavailableError,
  toggleReader,
  loadExtractor,
} from './actions';
import { isContentScriptOrPage, isExtensionPage, isFromThisExtension, type SenderLike } from './senders';

export interface HandlerContext {
  getDb(): Promise<NaqiDb>;
  now(): number;
  version(): string;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** Called (not awaited) after every successful write. */
  afterWrite(): void;
  /** List totals / keys reused until the next write (bumped before afterWrite). */
  queryCache: QueryCache;
  toggleReader(): Promise<{ injected: boolean }>;
  /** Injects the generic extractor into one frame of a tab. */
  loadExtractor(tabId: number, frameId: number): Promise<void>;
}

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0.0.0';
  }
}

export const defaultContext: HandlerContext = {
  getDb,
  now: () => Date.now(),
  version: manifestVersion,
  getSettings,
  saveSettings,
  afterWrite() {
    void broadcastImagesChanged();
    void refreshBadge(async () => countPending(await getDb(), BADGE_MAX + 1));
  },
  toggleReader: () => toggleReader(),
  loadExtractor: (tabId, frameId) => loadExtractor(tabId, frameId),
  queryCache: new QueryCache(),
};

/** After a successful write: drop cached list results, then broadcast and refresh the badge. */
function wrote(ctx: HandlerContext): void {
  ctx.queryCache.bump();
  ctx.afterWrite();
}

const reporterIds = new WeakMap<NaqiDb, Promise<string>>();

function reporterIdOf(db: NaqiDb): Promise<string> {
  let p = reporterIds.get(db);
  if (!p) {
    p = getReporterId(db);
    p.catch(() => reporterIds.delete(db));
    reporterIds.set(db, p);
  }
  return p;
}

/** Map any failure to a reply the caller can show. */
export function toErrorReply(err: unknown): ErrorReply {
  if (err instanceof DbBlockedError) return errorReply('db-blocked', err.message);
  if (err instanceof TabUnavailableError) return errorReply('tab-unavailable', err.message);
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  const message = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  if (name === 'QuotaExceededError') {
    return errorReply(
      'quota-exceeded',
      'Storage is full: nothing was saved. Free some disk space or delete old reports, then try again.',
    );
  }
  if (
    err instanceof DOMException ||
    ['AbortError', 'ConstraintError', 'DataError', 'InvalidStateError', 'TransactionInactiveError', 'UnknownError', 'VersionError', 'NotFoundError', 'ReadOnlyError', 'DataCloneError'].includes(name)
  ) {
    return errorReply('db-error', `The database could not complete the operation; nothing was saved (${name || 'error'}: ${message}).`);
  }
  console.error('[naqi] unexpected error in the background', err);
  return errorReply('internal', `Unexpected error: ${message}`);
}

type Dispatch = {
  [K in Request['type']]: (
    req: Extract<Request, { type: K }>,
    ctx: HandlerContext,
    sender: SenderLike,
  ) => Promise<ReplyFor<Extract<Request, { type: K }>>>;
};

const handlers: Dispatch = {
  async ping(_req, ctx) {
    return { ok: true, version: ctx.version() };
  },

  async 'report.submit'(req, ctx) {
    const settings = await ctx.getSettings();
    const db = await ctx.getDb();
    const reporterId = await reporterIdOf(db);
    const { report, updated, summary } = await submitReport(db, req.report, reporterId, ctx.now());
    wrote(ctx);
    return { ok: true, report, updated, state: stateOfSummary(summary, reporterId, settings.threshold) };
  },

  async 'report.undo'(req, ctx) {
    const db = await ctx.getDb();
    const removed = await undoOwnReport(db, req.id, await reporterIdOf(db));
    if (!removed) return errorReply('not-found', 'There is no report of yours with that id.');
    wrote(ctx);
    return { ok: true };
  },

  async 'images.state'(req, ctx) {
    const settings = await ctx.getSettings();
    const db = await ctx.getDb();
    const reporterId = await reporterIdOf(db);
    const normalized = req.imageUrls.map((u) => normalizeImageUrl(u));
    const summaries = await getSummaries(db, normalized.filter((u): u is string => u !== null));
    const states: Record<string, ImageState> = Object.create(null) as Record<string, ImageState>;
    req.imageUrls.forEach((raw, i) => {
      const url = normalized[i];
      states[raw] = url ? stateOfSummary(summaries.get(url), reporterId, settings.threshold) : 'visible';
    });
    return { ok: true, states: { ...states } };
  },

  async 'reports.list'(req, ctx) {
    const db = await ctx.getDb();
    const { reports, total } = await listReports(db, req.query, await reporterIdOf(db), ctx.queryCache);
    return { ok: true, reports, total };
  },

  async 'reports.delete'(req, ctx) {
    const db = await ctx.getDb();
    const deleted = await deleteReports(db, req.ids);
    if (deleted.length) wrote(ctx);
    return { ok: true, deleted };
  },

  async 'reports.restore'(req, ctx) {
    const db = await ctx.getDb();
    const restored = await restoreReports(db, req.reports);
    if (restored) wrote(ctx);
    return { ok: true, restored };
  },

  async 'review.list'(req, ctx) {
    const settings = await ctx.getSettings();
    const db = await ctx.getDb();
    const { rows, total } = await listReview(db, req.query, await reporterIdOf(db), settings.threshold, ctx.queryCache);
    return { ok: true, rows, total };
  },

  async 'decision.set'(req, ctx) {
    const db = await ctx.getDb();
    // The same clean-up as every other stored note (and as an imported decision gets).
    const note = stripControls(req.note).trim();
    const updated = await setDecisions(db, req.imageUrls, req.decision, note, ctx.now());
    wrote(ctx);
    return { ok: true, updated };
  },

  async export(req, ctx) {
    const db = await ctx.getDb();
    const now = new Date(ctx.now());
    let text: string;
    if (req.format === 'hidden-list') {
      text = hiddenListText(await allDecisions(db), now);
    } else {
      const { reports, decisions } = await exportData(db, req.query ?? {}, await reporterIdOf(db));
      text = req.format === 'csv' ? reportsCsv(reports) : reportsExportText(reports, decisions, now);
    }
    return { ok: true, filename: exportFilename(req.format, now), mime: exportMime(req.format), text };
  },

  async 'import.preview'(req, ctx) {
    const parsed = parseImportFile(req.text);
    if (!parsed.ok) return importError(parsed.problem, parsed.message);
    const preview = await previewImport(await ctx.getDb(), parsed.value);
    return { ok: true, preview };
  },

  async 'import.apply'(req, ctx) {
    const parsed = parseImportFile(req.text);
    if (!parsed.ok) return importError(parsed.problem, parsed.message);
    const { added, decisions } = await applyImport(await ctx.getDb(), parsed.value);
    if (added || decisions) wrote(ctx);
    return { ok: true, added, decisions };
  },

  async 'settings.get'(_req, ctx) {
    return { ok: true, settings: await ctx.getSettings() };
  },

  async 'settings.set'(req, ctx) {
    const settings = await ctx.saveSettings(req.settings);
    wrote(ctx);
    return { ok: true, settings };
  },

  async 'reader.toggleActiveTab'(_req, ctx) {
    const { injected } = await ctx.toggleReader();
    return { ok: true, injected };
  },

  async 'extractor.load'(_req, ctx, sender) {
    // Only into the tab and frame the asking content script runs in, as the browser reports them.
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return errorReply('forbidden-sender', 'Only a content script in a tab can ask for the extractor.');
    await ctx.loadExtractor(tabId, sender.frameId ?? 0);
    return { ok: true };
  },
};

function importError(problem: ImportProblem, message: string): ErrorReply {
  return errorReply('bad-import', message, { detail: problem });
}

/** Check the sender, validate, dispatch. Never throws. */
export async function handleMessage(raw: unknown, sender: SenderLike | undefined, ctx: HandlerContext = defaultContext): Promise<AnyReply> {
  try {
    if (!isFromThisExtension(sender)) {
      return errorReply('forbidden-sender', 'Messages are accepted only from Naqi itself.');
    }
    const req = validateRequest(raw);
    if ('ok' in req) return req;
    if (CONTENT_SCRIPT_TYPES.has(req.type)) {
      if (req.type !== 'ping' && !isContentScriptOrPage(sender)) {
        return errorReply('forbidden-sender', `"${req.type}" is accepted only from Naqi's content scripts and pages.`);
      }
    } else if (!isExtensionPage(sender)) {
      return errorReply('forbidden-sender', `"${req.type}" is accepted only from Naqi's own pages.`);
    }
    const handler = handlers[req.type] as (r: Request, c: HandlerContext, s: SenderLike) => Promise<AnyReply>;
    return await handler(req, ctx, sender as SenderLike);
  } catch (err) {
    return toErrorReply(err);
  }
}
