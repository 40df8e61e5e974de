/**
 * Invariants of the Naqi database, shared by the protocol and import fuzz tests
 * (utils/background/__tests__/protocol-fuzz.test.ts, utils/reports/__tests__/import-fuzz.test.ts):
 * every stored record passes the validator it would be refused by on the way in, and the derived
 * `images` rows are exactly what the reports and decisions say.
 */
import { expect } from 'vitest';
import type { NaqiDb } from '../../../utils/db';
import { dump as dumpAll } from '../../../utils/db/__tests__/helpers';
import { REPORTER_ID_KEY } from '../../../utils/db/schema';
import type { DecisionRecord, StoredReport } from '../../../utils/protocol';
import { statusForDecision } from '../../../utils/reports/constants';
import { summarizeImage } from '../../../utils/reports/state';
import { validateDecisionRecord, validateId, validateStoredReport } from '../../../utils/reports/validate';

/** Everything in every store, in key order: compare two dumps with toEqual for "unchanged". */
export { dumpAll };

/** A byte-for-byte comparable form of a dump (key order of each record included). */
export async function dumpText(db: NaqiDb): Promise<string> {
  return JSON.stringify(await dumpAll(db));
}

export async function expectConsistentDb(db: NaqiDb, label = 'db'): Promise<void> {
  const { reports, decisions, images, meta } = await dumpAll(db);

  const decisionOf = new Map<string, DecisionRecord>();
  for (const d of decisions) {
    const check = validateDecisionRecord(d);
    expect(check.ok, `${label}: stored decision refused by its validator: ${JSON.stringify(d).slice(0, 300)} ${check.ok ? '' : check.message}`).toBe(true);
    if (check.ok) expect(d, `${label}: stored decision differs from its validated form: ${JSON.stringify(d)} vs ${JSON.stringify(check.value)}`).toEqual(check.value);
    decisionOf.set(d.imageUrl, d);
  }

  const byImage = new Map<string, StoredReport[]>();
  const votes = new Set<string>();
  for (const r of reports) {
    const check = validateStoredReport(r);
    expect(check.ok, `${label}: stored report refused by its validator: ${JSON.stringify(r).slice(0, 300)} ${check.ok ? '' : check.message}`).toBe(true);
    if (check.ok) expect(r, `${label}: stored report differs from its validated form: ${JSON.stringify(r)} vs ${JSON.stringify(check.value)}`).toEqual(check.value);
    expect(r.status, `${label}: report ${r.id} status vs its image's decision`).toBe(statusForDecision(decisionOf.get(r.imageUrl)?.decision ?? 'pending'));
    const vote = `${r.reporterId}\n${r.imageUrl}`;
    expect(votes.has(vote), `${label}: two reports of one reporter for one image`).toBe(false);
    votes.add(vote);
    byImage.set(r.imageUrl, [...(byImage.get(r.imageUrl) ?? []), r]);
  }

  const expectedImages = new Set([...byImage.keys(), ...decisions.filter((d) => d.decision !== 'pending').map((d) => d.imageUrl)]);
  expect(new Set(images.map((i) => i.imageUrl)), `${label}: images rows vs reported/decided images`).toEqual(expectedImages);
  for (const row of images) {
    expect(row, `${label}: images row of ${row.imageUrl} is stale`).toEqual(summarizeImage(row.imageUrl, byImage.get(row.imageUrl) ?? [], decisionOf.get(row.imageUrl)));
  }

  const reporter = meta.find((m) => m.key === REPORTER_ID_KEY);
  expect(reporter && validateId(reporter.value, 'reporterId').ok, `${label}: reporter id`).toBe(true);
}

/** Nothing was added to Object.prototype (or Array.prototype) by anything the test ran. */
export function expectNoPrototypePollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'ok', 'error', 'type', 'status', 'threshold', 'reporterId', 'then']) {
    expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_KEYS);
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();
