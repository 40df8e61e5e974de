/**
 * Merging an import file into the database: `previewImport` (read only) and `applyImport`
 * (ONE readwrite transaction: all of it or, on any error, none of it).
 *
 * Why it reads per image and not per report: an import of 10,000 reports (2,500 images) used
 * to ask IndexedDB two lookups per report (is the id stored? has this reporter voted on the
 * image?) and to read every image again after writing: ~40,000 requests. Reports are grouped
 * by image instead; one range read of the `[imageUrl, reporterId]` index gives each image's
 * stored reports (needed for its summary row anyway), and ids and votes are checked against
 * them in memory. The one case that read cannot see, an id stored on ANOTHER image, is left to
 * the store's own key check: a new report is written with `add`, whose ConstraintError marks
 * it "already present" and is kept from aborting the transaction. Per import: 2 reads per
 * image, 1 `add` per new report, 1 summary write per changed image (~17,600 requests).
 * Summaries are built in memory from the stored and added reports, not read back.
 */
import { unwrap, type IDBPTransaction } from 'idb';
import type { DecisionRecord, ImportPreview, StoredReport } from '../protocol';
import { statusForDecision } from '../reports/constants';
import type { ParsedImport } from '../reports/import';
import { finish, issueEach, mirrorDecision, WRITE_STORES, writeSummary } from './repo';
import { imageReportsRange, type NaqiDb, type NaqiSchema, type StoreName } from './schema';

type AnyTx = IDBPTransaction<NaqiSchema, StoreName[], 'readwrite' | 'readonly'>;

/** What is stored for one image the file touches. */
export interface StoredImage {
  reports: StoredReport[];
  decision: DecisionRecord | undefined;
}

export interface MergePlan {
  /** Reports whose id and vote are not stored on their image (their id may still be stored on another). */
  candidates: StoredReport[];
  /** Decisions that replace (or create) the local one. */
  decisions: DecisionRecord[];
}

/** Every image the file has a report or a decision for, each once. */
export function importedImages(parsed: ParsedImport): string[] {
  return [...new Set([...parsed.reports.map((r) => r.imageUrl), ...parsed.decisions.map((d) => d.imageUrl)])];
}

/** Read each image's stored reports and decision: two requests per image, all issued at once. */
async function readImages(tx: AnyTx, imageUrls: readonly string[]): Promise<Map<string, StoredImage>> {
  const pairs = tx.objectStore('reports').index('imageUrl_reporterId');
  const decisions = tx.objectStore('decisions');
  const [reports, decided] = await Promise.all([
    issueEach(imageUrls, (url) => pairs.getAll(imageReportsRange(url))),
    issueEach(imageUrls, (url) => decisions.get(url)),
  ]);
  return new Map(imageUrls.map((url, i) => [url, { reports: reports[i] ?? [], decision: decided[i] }]));
}

/**
 * Decide, in memory, what the import would write. A report is present when its image already
 * holds its id or a report by its reporter (one vote); a decision wins only when strictly newer
 * and different (so the same file twice changes nothing).
 */
export function planMerge(parsed: ParsedImport, stored: ReadonlyMap<string, StoredImage>): MergePlan {
  const seen = new Map<string, { ids: Set<string>; reporters: Set<string> }>();
  const storedOf = (url: string) => {
    let s = seen.get(url);
    if (!s) {
      const reports = stored.get(url)?.reports ?? [];
      s = { ids: new Set(reports.map((r) => r.id)), reporters: new Set(reports.map((r) => r.reporterId)) };
      seen.set(url, s);
    }
    return s;
  };
  const candidates = parsed.reports.filter((r) => {
    const s = storedOf(r.imageUrl);
    return !s.ids.has(r.id) && !s.reporters.has(r.reporterId);
  });
  const decisions = parsed.decisions.filter((d) => {
    const local = stored.get(d.imageUrl)?.decision;
    if (!local) return d.decision !== 'pending';
    return d.decidedAt > local.decidedAt && (d.decision !== local.decision || d.note !== local.note);
  });
  return { candidates, decisions };
}

export async function previewImport(db: NaqiDb, parsed: ParsedImport): Promise<ImportPreview> {
  const tx = db.transaction(['reports', 'decisions']);
  const { reports, decisions } = await finish(
    tx,
    (async () => {
      const plan = planMerge(parsed, await readImages(tx as unknown as AnyTx, importedImages(parsed)));
      // Reading only, `add` cannot tell: ask for the ids stored on other images.
      const store = tx.objectStore('reports');
      const keys = await issueEach(plan.candidates, (r) => store.getKey(r.id));
      return { reports: plan.candidates.filter((_, i) => keys[i] === undefined), decisions: plan.decisions };
    })(),
  );
  return {
    newReports: reports.length,
    reporters: new Set(reports.map((r) => r.reporterId)).size,
    alreadyPresent: parsed.reports.length - reports.length,
    invalid: parsed.invalid,
    decisions: decisions.length,
    hiddenList: parsed.kind === 'hidden-list',
    problems: [...parsed.problems],
  };
}

/**
 * `add` one report; resolve false, without aborting the transaction, when the store refuses
 * it as a duplicate key (ConstraintError: its id is stored, on another image). Any other
 * failure rejects (and the caller aborts). A synchronous throw propagates, as idb's would.
 */
function addUnlessStored(store: IDBObjectStore, report: StoredReport): Promise<boolean> {
  const request = store.add(report);
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(true);
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') {
        reject(request.error ?? new DOMException('add failed', 'UnknownError'));
        return;
      }
      // A handled error: not the transaction's (which would abort it, and reject idb's `done`).
      event.preventDefault();
      event.stopPropagation();
      resolve(false);
    };
  });
}

/**
 * Merge an import. Idempotent: reports are keyed by their exported id (and one vote per
 * reporter and image), decisions replace a local one only when strictly newer. Every new
 * report mirrors its image's decision after the merge; each changed image's summary row is
 * rebuilt from its stored and added reports in the same transaction.
 */
export async function applyImport(db: NaqiDb, parsed: ParsedImport): Promise<{ added: number; decisions: number }> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return finish(
    tx,
    (async () => {
      const stored = await readImages(tx as unknown as AnyTx, importedImages(parsed));
      const plan = planMerge(parsed, stored);
      const decisionOf = new Map([...stored].map(([url, s]) => [url, s.decision]));
      for (const d of plan.decisions) decisionOf.set(d.imageUrl, d);

      const decisionsStore = tx.objectStore('decisions');
      const reportsStore = unwrap(tx.objectStore('reports'));
      const toAdd = plan.candidates.map((r) => ({ ...r, status: statusForDecision(decisionOf.get(r.imageUrl)?.decision ?? 'pending') }));
      const [, addedFlags] = await Promise.all([
        issueEach(plan.decisions, (d) => decisionsStore.put({ ...d })),
        issueEach(toAdd, (r) => addUnlessStored(reportsStore, r)),
      ]);

      const addedByImage = new Map<string, StoredReport[]>();
      toAdd.forEach((r, i) => {
        if (!addedFlags[i]) return;
        const list = addedByImage.get(r.imageUrl);
        if (list) list.push(r);
        else addedByImage.set(r.imageUrl, [r]);
      });
      const statusFixes: StoredReport[] = [];
      const summaries: Array<{ url: string; reports: StoredReport[]; decision: DecisionRecord | undefined }> = [];
      for (const url of new Set([...addedByImage.keys(), ...plan.decisions.map((d) => d.imageUrl)])) {
        const decision = decisionOf.get(url);
        const before = stored.get(url)?.reports ?? [];
        const current = mirrorDecision(before, decision);
        current.forEach((r, i) => {
          if (r !== before[i]) statusFixes.push(r);
        });
        summaries.push({ url, reports: [...current, ...(addedByImage.get(url) ?? [])], decision });
      }
      const idbReports = tx.objectStore('reports');
      await Promise.all([
        issueEach(statusFixes, (r) => idbReports.put(r)),
        issueEach(summaries, (s) => writeSummary(tx, s.url, s.reports, s.decision)),
      ]);
      let added = 0;
      for (const list of addedByImage.values()) added += list.length;
      return { added, decisions: plan.decisions.length };
    })(),
  );
}
