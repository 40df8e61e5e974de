/**
 * Pure parsing and validation of import files (a `naqi-reports` export or a
 * `naqi-hidden-images` list). File-level problems refuse the whole file with a sub-code and a
 * message naming the problem; entry-level problems count the entry as invalid (skipped).
 * Nothing here touches the database: the merge itself is `previewImport` / `applyImport`.
 */
import type { DecisionRecord, ImportProblem, StoredReport } from '../protocol';
import { LIMITS } from './constants';
import { HIDDEN_FORMAT, FORMAT_VERSION, REPORTS_FORMAT } from './export';
import { isRecord, validateDecisionRecord, validateStoredReport } from './validate';

export interface ParsedImport {
  kind: 'reports' | 'hidden-list';
  /** Valid reports, each id and each (imageUrl, reporterId) at most once. */
  reports: StoredReport[];
  /** Valid decisions, at most one per image (the newest). */
  decisions: DecisionRecord[];
  /** Entries refused (skipped). */
  invalid: number;
  /** Up to 10 descriptions of refused entries. */
  problems: string[];
}

export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; problem: ImportProblem; message: string };

const MAX_PROBLEMS = 10;

function fail(problem: ImportProblem, message: string): ParseResult {
  return { ok: false, problem, message };
}

/**
 * True when JSON text ends inside a string or with brackets still open: the file was cut
 * short (a partial download or copy) rather than being some other kind of corrupt.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  return typeof value;
}

export function parseImportFile(input: string): ParseResult {
  if (typeof input !== 'string') return fail('not-json', 'The file is not text.');
  if (input.length > LIMITS.importChars) {
    return fail('too-large', `The file is too large (more than ${LIMITS.importChars} characters).`);
  }
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail('empty', 'The file is empty.');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    if (looksTruncated(text)) {
      return fail('truncated', 'The file is cut short (truncated): its JSON ends before it is complete.');
    }
    const detail = err instanceof Error ? err.message.slice(0, 120) : '';
    return fail('not-json', `The file is not valid JSON, so it is not a Naqi export (corrupt?). ${detail}`.trim());
  }

  if (!isRecord(data)) {
    return fail('not-object', `The file holds ${describe(data)}, not a Naqi export (a JSON object).`);
  }
  const format = Object.prototype.hasOwnProperty.call(data, 'format') ? data.format : undefined;
  if (format !== REPORTS_FORMAT && format !== HIDDEN_FORMAT) {
    return fail(
      'wrong-format',
      format === undefined
        ? `The file is not a Naqi export: it has no "format" (expected "${REPORTS_FORMAT}" or "${HIDDEN_FORMAT}").`
        : `The file is not a Naqi export: its format is ${describe(format)} (expected "${REPORTS_FORMAT}" or "${HIDDEN_FORMAT}").`,
    );
  }
  const version = data.version;
  if (version !== FORMAT_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
      return fail(
        'wrong-version',
        `The file was made by a newer Naqi (format version ${version}); this Naqi reads version ${FORMAT_VERSION}. Update Naqi and try again.`,
      );
    }
    return fail('wrong-version', `Unsupported format version ${describe(version)} (this Naqi reads version ${FORMAT_VERSION}).`);
  }

  const problems: string[] = [];
  let invalid = 0;
  const refuse = (message: string) => {
    invalid++;
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };

  const decisionsByImage = new Map<string, DecisionRecord>();
  const keepDecision = (d: DecisionRecord) => {
    const prev = decisionsByImage.get(d.imageUrl);
    if (!prev || d.decidedAt > prev.decidedAt) decisionsByImage.set(d.imageUrl, d);
  };

  if (format === HIDDEN_FORMAT) {
    const images = data.images;
    if (!Array.isArray(images)) return fail('bad-structure', 'The hidden-images list has no "images" list.');
    if (images.length > LIMITS.importEntries) {
      return fail('too-many-entries', `The file holds ${images.length} images; at most ${LIMITS.importEntries} can be imported at once.`);
    }
    images.forEach((entry: unknown, i) => {
      const candidate = isRecord(entry)
        ? { imageUrl: entry.imageUrl, note: entry.note, decidedAt: entry.decidedAt, decision: 'hide' }
        : entry;
      const r = validateDecisionRecord(candidate, `images[${i}]`);
      if (r.ok) keepDecision(r.value);
      else refuse(r.message);
    });
    if (images.length > 0 && decisionsByImage.size === 0) {
      return fail('nothing-valid', `None of the ${images.length} images in the file is valid: ${problems[0] ?? ''}`);
    }
    return { ok: true, value: { kind: 'hidden-list', reports: [], decisions: [...decisionsByImage.values()], invalid, problems } };
  }

  const reports = data.reports;
  if (!Array.isArray(reports)) return fail('bad-structure', 'The export has no "reports" list.');
  const decisions = data.decisions === undefined ? [] : data.decisions;
  if (!Array.isArray(decisions)) return fail('bad-structure', 'The export\'s "decisions" is not a list.');
  if (reports.length + decisions.length > LIMITS.importEntries) {
    return fail(
      'too-many-entries',
      `The file holds ${reports.length + decisions.length} entries; at most ${LIMITS.importEntries} can be imported at once.`,
    );
  }

  const valid: StoredReport[] = [];
  const ids = new Set<string>();
  const votes = new Set<string>();
  reports.forEach((entry: unknown, i) => {
    const r = validateStoredReport(entry, `reports[${i}]`);
    if (!r.ok) return refuse(r.message);
    const vote = `${r.value.reporterId}\n${r.value.imageUrl}`;
    if (ids.has(r.value.id)) return refuse(`reports[${i}].id repeats an earlier report's id`);
    if (votes.has(vote)) return refuse(`reports[${i}] is a second report of the same reporter for the same image`);
    ids.add(r.value.id);
    votes.add(vote);
    valid.push(r.value);
  });
  decisions.forEach((entry: unknown, i) => {
    const r = validateDecisionRecord(entry, `decisions[${i}]`);
    if (r.ok) keepDecision(r.value);
    else refuse(r.message);
  });
  const total = reports.length + decisions.length;
  if (total > 0 && valid.length === 0 && decisionsByImage.size === 0) {
    return fail('nothing-valid', `None of the ${total} entries in the file is valid: ${problems[0] ?? ''}`);
  }
  return { ok: true, value: { kind: 'reports', reports: valid, decisions: [...decisionsByImage.values()], invalid, problems } };
}
