/**
 * A report as a client submits it to a community server (docs/community-api.md): the report
 * fields of the export format minus what the server decides itself (`reporterId` comes from the
 * reporter's secret, `updatedAt` and `status` from the server). Pure; reuses the export-format
 * rules of `validate.ts` rather than restating them.
 */
import type { ReportInput } from '../protocol';
import { fieldError, isRecord, validateStoredReport, type FieldResult } from './validate';

/** The keys a client may send, in the documented order. */
export const SUBMITTED_REPORT_KEYS = [
  'id',
  'imageUrl',
  'pageUrl',
  'pageTitle',
  'site',
  'source',
  'reason',
  'note',
  'createdAt',
] as const;

export interface SubmittedReport extends ReportInput {
  id: string;
  createdAt: number;
}

/** Any syntactically valid id: validateStoredReport needs a reporter, the caller supplies the real one. */
const PLACEHOLDER_REPORTER = 'submitted';

/**
 * Validate a submitted report with the export format's rules (id, URLs normalised, lengths,
 * reason, note required for "other", createdAt between 2000 and 2100). Unknown keys are refused
 * by name (a server must not silently drop what a client meant to send).
 */
export function validateSubmittedReport(value: unknown, prefix = 'report'): FieldResult<SubmittedReport> {
  if (!isRecord(value)) return fieldError(prefix, `${prefix} must be an object`);
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!(SUBMITTED_REPORT_KEYS as readonly string[]).includes(key)) {
      return fieldError(`${prefix}.${key}`, `${prefix}.${key} is not a report field`);
    }
    picked[key] = value[key];
  }
  const r = validateStoredReport({ ...picked, reporterId: PLACEHOLDER_REPORTER }, prefix);
  if (!r.ok) return r;
  const v = r.value;
  return {
    ok: true,
    value: {
      id: v.id,
      imageUrl: v.imageUrl,
      pageUrl: v.pageUrl,
      pageTitle: v.pageTitle,
      site: v.site,
      source: v.source,
      reason: v.reason,
      note: v.note,
      createdAt: v.createdAt,
    },
  };
}
