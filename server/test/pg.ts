/**
 * PostgreSQL for the server tests: NAQI_TEST_DATABASE_URL (set by .ci/run), or else a throwaway
 * cluster started here when Debian's PostgreSQL binaries are installed. When neither is
 * possible the PostgreSQL variants are skipped with a loud warning, never silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = fileURLToPath(new URL('../../scripts/pg-test-cluster.sh', import.meta.url));

export interface PgServer {
  /** Admin URL (a database we may CREATE DATABASE from). */
  url: string;
  stop(): void;
}

function hasInitdb(): boolean {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

let cached: PgServer | null | undefined;

/** The PostgreSQL to test against, or null (after a loud warning). */
export function testPostgres(): PgServer | null {
  if (cached !== undefined) return cached;
  const fromEnv = process.env.NAQI_TEST_DATABASE_URL?.trim();
  if (fromEnv) return (cached = { url: fromEnv, stop() {} });
  if (process.env.NAQI_TEST_PG_AUTO !== '0' && hasInitdb()) {
    const dir = mkdtempSync(join(tmpdir(), 'naqi-pg-'));
    try {
      const out = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8', env: { ...process.env, NAQI_PG_FAST: '1' } });
      const url = out.trim().split('\n').pop()!;
      return (cached = { url, stop: () => execFileSync('bash', [SCRIPT, 'stop', dir]) });
    } catch (err) {
      warn(`could not start a throwaway PostgreSQL cluster: ${(err as Error).message}`);
      return (cached = null);
    }
  }
  warn('NAQI_TEST_DATABASE_URL is not set and no PostgreSQL server binaries are installed');
  return (cached = null);
}

function warn(why: string) {
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!!! SKIPPING the community server's PostgreSQL tests: ${why}.\n` +
      `!!! Only PGlite was tested. Install Debian's "postgresql" package or set NAQI_TEST_DATABASE_URL.\n${line}\n`,
  );
}

/** A fresh, empty database on `server`; drop() removes it. */
export async function freshDatabase(server: PgServer): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `naqi_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server.url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client(server.url);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
