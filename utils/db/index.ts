/**
 * Opening the database. Only the background calls this (a content script's indexedDB is the
 * web page's). The connection is opened lazily on the first message and the promise kept, so a
 * restarted service worker / event page reopens it on demand.
 */
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, runMigrations, type NaqiDb } from './schema';

export * from './schema';
export * from './repo';
export * from './merge';

/** The upgrade could not run: another connection (an old tab/worker) keeps the old version open. */
export class DbBlockedError extends Error {
  override readonly name = 'DbBlockedError';
  constructor() {
    super('The database upgrade is blocked by another open copy of Naqi. Close other Naqi pages and try again.');
  }
}

export interface OpenOptions {
  name?: string;
  version?: number;
  /** Called when a newer version wants to upgrade: the connection is closed for it. */
  onBlocking?: () => void;
  /** Called when the browser closed the connection abnormally. */
  onTerminated?: () => void;
}

/**
 * Open (and upgrade) the database. Rejects with DbBlockedError when the upgrade is blocked,
 * instead of hanging; if the upgrade later unblocks, that late connection is closed.
 */
export function openNaqiDb(options: OpenOptions = {}): Promise<NaqiDb> {
  const { name = DB_NAME, version = DB_VERSION } = options;
  return new Promise<NaqiDb>((resolve, reject) => {
    let settled = false;
    let opened: NaqiDb | undefined;
    openDB<import('./schema').NaqiSchema>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        runMigrations(db, oldVersion, newVersion ?? version, tx).catch((err: unknown) => {
          console.error('[naqi] database upgrade failed', err);
          try {
            tx.abort();
          } catch {
            /* already finished */
          }
        });
      },
      blocked() {
        if (settled) return;
        settled = true;
        reject(new DbBlockedError());
      },
      blocking() {
        opened?.close();
        options.onBlocking?.();
      },
      terminated() {
        options.onTerminated?.();
      },
    }).then(
      (db) => {
        opened = db;
        if (settled) {
          db.close();
          return;
        }
        settled = true;
        resolve(db);
      },
      (err: unknown) => {
        if (settled) return;
        settled = true;
        reject(err);
      },
    );
  });
}

let dbPromise: Promise<NaqiDb> | null = null;

/** The background's shared connection: opened on first use, reopened after a failure or close. */
export function getDb(): Promise<NaqiDb> {
  if (!dbPromise) {
    const p = openNaqiDb({
      onBlocking: () => {
        if (dbPromise === p) dbPromise = null;
      },
      onTerminated: () => {
        if (dbPromise === p) dbPromise = null;
      },
    });
    dbPromise = p;
    p.catch(() => {
      if (dbPromise === p) dbPromise = null;
    });
  }
  return dbPromise;
}

/** Close the shared connection (tests, or before deleting the database). */
export async function closeDb(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (!p) return;
  try {
    (await p).close();
  } catch {
    /* never opened */
  }
}
