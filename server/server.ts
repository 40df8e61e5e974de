/** Open the database, migrate, reconcile, build the app and listen. Used by main.ts, tests and the bench. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { openDb, type Db } from './db';
import { migrate } from './migrate';
import { scheduleRetention } from './retention';
import { reconcileAll } from './visibility';

export interface Opened {
  db: Db;
  close(): Promise<void>;
}

/** Open and migrate the configured database. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

export interface Running {
  app: FastifyInstance;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Start a server on an open, migrated database. `listen: false` only builds it (tests inject). */
export async function startServer(db: Db, config: Config, options: { listen?: boolean; retention?: boolean } = {}): Promise<Running> {
  await db.transaction((tx) => reconcileAll(tx, config.threshold));
  const app = await buildApp(db, config);
  const stopRetention = options.retention === false ? () => {} : scheduleRetention(db, config.retentionDays, config.retentionIntervalMs);
  let url = '';
  if (options.listen !== false) {
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  } else {
    await app.ready();
  }
  return {
    app,
    db,
    url,
    async close() {
      stopRetention();
      await app.close();
    },
  };
}
