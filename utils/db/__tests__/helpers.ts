import { IDBFactory } from 'fake-indexeddb';
import { openNaqiDb, type NaqiDb } from '../index';
import type { ReportInput, StoredReport } from '../../protocol';
import { parseImportFile, type ParsedImport } from '../../reports/import';

/** A brand-new, empty IndexedDB for each test. */
export function resetIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export async function freshDb(): Promise<NaqiDb> {
  resetIndexedDb();
  return openNaqiDb();
}

export const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  imageUrl: 'https://www.maghress.com/img/1.jpg',
  pageUrl: 'https://www.maghress.com/hespress/1',
  pageTitle: 'مقال',
  site: 'maghress',
  source: 'هسبريس',
  reason: 'violence',
  note: '',
  ...over,
});

let seq = 0;
export const stored = (over: Partial<StoredReport> = {}): StoredReport => {
  seq++;
  return {
    id: `10000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    ...input(),
    createdAt: Date.UTC(2025, 0, 1) + seq,
    updatedAt: Date.UTC(2025, 0, 1) + seq,
    reporterId: `other-${seq}`,
    status: 'pending',
    ...over,
  };
};

/** Everything in the database, in a stable order, to compare before/after. */
export async function dump(db: NaqiDb) {
  const [reports, decisions, images, meta] = await Promise.all([
    db.getAll('reports'),
    db.getAll('decisions'),
    db.getAll('images'),
    db.getAll('meta'),
  ]);
  return { reports, decisions, images, meta };
}

/** An import file's text, parsed as the background does; a test's own file must parse. */
export function parsed(text: string): ParsedImport {
  const r = parseImportFile(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
