/** Shared helpers for the server tests: backends, a fresh app per test, database dumps. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { readConfig, type Config } from '../config';
import { openDb, type Db } from '../db';
import { migrate } from '../migrate';
import { addModerator } from '../moderators';
import { startServer } from '../server';
import { freshDatabase, testPostgres } from './pg';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Db; dispose(): Promise<void> }>;
}

export function backends(): { available: Backend[]; skipped: string[] } {
  const available: Backend[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openDb({ dataDir: 'memory://' });
        await migrate(db);
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const server = testPostgres();
  if (server) {
    available.push({
      name: 'postgres',
      async open() {
        const fresh = await freshDatabase(server);
        const db = await openDb({ databaseUrl: fresh.url, poolSize: 4 });
        await migrate(db);
        return {
          db,
          async dispose() {
            await db.close();
            await fresh.drop();
          },
        };
      },
    });
  }
  return { available, skipped: server ? [] : ['postgres'] };
}

export const TABLES = ['reporters', 'moderators', 'images', 'reports', 'hide_events', 'audit_log', 'schema_migrations'];

/** Every row of every table, in a stable order: compare before/after a refusal. */
export async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const r = await db.query(`SELECT * FROM ${t} ORDER BY 1`);
    out[t] = r.rows.map((row) => JSON.parse(JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))));
  }
  return out;
}

export async function wipe(db: Db): Promise<void> {
  await db.exec('TRUNCATE reporters, moderators, images, reports, hide_events, audit_log RESTART IDENTITY CASCADE');
}

export function testConfig(overrides: Partial<Config> = {}, limits: Partial<Config['limits']> = {}): Config {
  const base = readConfig({ NAQI_HIDDEN_CURSOR_CACHE_MS: '0' });
  return { ...base, ...overrides, limits: { ...base.limits, ...limits } };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** inject() with JSON defaults. */
  req(opts: InjectOptions & { token?: string }): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string }>;
  reporter(address?: string): Promise<{ reporterId: string; secret: string }>;
  moderator(name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function makeApp(db: Db, config: Config = testConfig()): Promise<TestApp> {
  const running = await startServer(db, config, { listen: false, retention: false });
  const app = running.app;
  const req: TestApp['req'] = async ({ token, headers, ...opts }) => {
    const res = await app.inject({
      ...opts,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers ?? {}) },
    } as InjectOptions);
    let body: unknown = undefined;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, unknown>, raw: res.body };
  };
  let n = 0;
  return {
    app,
    db,
    config,
    req,
    async reporter(address = '10.0.0.1') {
      const r = await req({ method: 'POST', url: '/v1/reporters', remoteAddress: address });
      if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.raw}`);
      return r.body;
    },
    moderator: (name = `mod${++n}`) => addModerator(db, name),
    close: () => running.close(),
  };
}

let seq = 0;
/** A valid report body; `patch` overrides fields. */
export function report(patch: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    id: `rep-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    imageUrl: 'https://www.maghress.com/images/photo.jpg',
    pageUrl: 'https://www.maghress.com/hespress/123456',
    pageTitle: 'عنوان المقال',
    site: 'maghress',
    source: 'هسبريس',
    reason: 'violence',
    note: '',
    createdAt: Date.UTC(2025, 0, 1),
    ...patch,
  };
}
