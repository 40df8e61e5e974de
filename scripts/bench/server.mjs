// The community server under load (issue 12): report writes per second with p50/p99 latency, and
// hide-list delta requests answered 304 per second, with autocannon against `server/main.ts`
// started on loopback — on PGlite (a temp folder) and on PostgreSQL (NAQI_BENCH_DATABASE_URL, or
// a throwaway cluster from scripts/pg-test-cluster.sh when Debian's postgresql is installed).
// The server runs in its own process; autocannon runs in this one (same 2 cores).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLUSTER = join(root, 'scripts', 'pg-test-cluster.sh');

function startServer(env, log) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      // The benchmark is one client address: lift the per-address and per-reporter limits.
      NAQI_LIMIT_REGISTER: '1000000000',
      NAQI_LIMIT_REPORTS_PER_ADDRESS: '1000000000',
      NAQI_LIMIT_REPORTS_PER_REPORTER: '1000000000',
      NAQI_LIMIT_HIDDEN: '1000000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 120 s: ${out}`));
    }, 120_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out.slice(-500)}`));
    });
  });
}

const run = (opts) =>
  new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });

async function register(url, n) {
  const out = [];
  // A few at a time: registration is not what is measured.
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, () => fetch(`${url}/v1/reporters`, { method: 'POST' }).then((r) => r.json())),
    );
    out.push(...batch.map((b) => b.secret));
  }
  return out;
}

/**
 * Writes: every request a new report id; request k is image k % I by reporter ⌊k / I⌋ % R, so every
 * (reporter, image) pair is new and concurrent requests hit different images (one image's reports
 * serialise on its row lock: that hot spot is not what this measures). Images reach the threshold
 * from the third pass on, so hide events are part of the mix.
 */
async function benchWrites(url, { duration, connections, reporters, images = 2000 }) {
  const secrets = await register(url, reporters);
  let k = 0;
  const tag = Date.now().toString(36);
  const result = await run({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/reports',
        setupRequest: (req) => {
          const n = k++;
          const secret = secrets[Math.floor(n / images) % secrets.length];
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
            body: JSON.stringify({
              id: `b-${tag}-${n}`,
              imageUrl: `https://www.maghress.com/bench/${tag}/${n % images}.jpg`,
              pageUrl: 'https://www.maghress.com/hespress/123456',
              pageTitle: 'عنوان المقال',
              site: 'maghress',
              source: 'هسبريس',
              reason: 'violence',
              note: '',
              createdAt: 1735689600000,
            }),
          };
        },
      },
    ],
  });
  return {
    connections,
    durationS: result.duration,
    writes: result['2xx'],
    writesPerSecond: Math.round(result['2xx'] / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Hide-list deltas: a reader up to date polls `?since=cursor` with If-None-Match → 304. */
async function benchHidden(url, { duration, connections }) {
  const first = await fetch(`${url}/v1/hidden`);
  const { cursor } = await first.json();
  const path = `/v1/hidden?since=${cursor}`;
  const delta = await fetch(`${url}${path}`);
  const etag = delta.headers.get('etag');
  await delta.arrayBuffer();
  const result = await run({ url: `${url}${path}`, connections, duration, headers: { 'if-none-match': etag } });
  return {
    connections,
    cursor,
    durationS: result.duration,
    notModified: result['3xx'],
    notModifiedPerSecond: Math.round(result['3xx'] / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    other: result['2xx'] + result['4xx'] + result['5xx'],
    errors: result.errors,
  };
}

async function benchOne(name, env, { quick, log }) {
  const duration = quick ? 4 : 10;
  log(`server (${name}): starting`);
  const server = await startServer(env, log);
  try {
    // Warm-up (JIT, connection pool, PGlite caches): not counted.
    await benchWrites(server.url, { duration: 2, connections: 8, reporters: 50 });
    const writes = await benchWrites(server.url, { duration, connections: 16, reporters: 400 });
    log(`server (${name}): ${writes.writesPerSecond} report writes/s, p50 ${writes.p50Ms} ms, p99 ${writes.p99Ms} ms (${writes.writes} in ${writes.durationS} s, ${writes.non2xx} non-2xx)`);
    await benchHidden(server.url, { duration: 1, connections: 16 });
    const hidden = await benchHidden(server.url, { duration, connections: 32 });
    log(`server (${name}): ${hidden.notModifiedPerSecond} hide-list 304/s, p50 ${hidden.p50Ms} ms, p99 ${hidden.p99Ms} ms`);
    return { writes, hidden };
  } finally {
    await server.stop();
  }
}

function hasInitdb() {
  try {
    execFileSync('bash', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function benchServer({ quick = false, log = console.log } = {}) {
  const out = { loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  const tmp = mkdtempSync(join(os.tmpdir(), 'naqi-bench-server-'));
  try {
    try {
      out.pglite = await benchOne('PGlite', { NAQI_DATA_DIR: join(tmp, 'pglite') }, { quick, log });
    } catch (error) {
      out.pglite = { error: String(error?.message ?? error).split('\n')[0] };
      log(`server (PGlite): FAILED: ${out.pglite.error}`);
    }
    let url = process.env.NAQI_BENCH_DATABASE_URL?.trim();
    let stopCluster = null;
    if (!url && hasInitdb()) {
      // Its own temp folder (directly in /tmp): as root, the cluster runs as `postgres`, which
      // cannot enter this run's private folder.
      const dir = mkdtempSync(join(os.tmpdir(), 'naqi-bench-pg-'));
      // Default durability (fsync on): the figure a real deployment would see on this disk.
      url = execFileSync('bash', [CLUSTER, 'start', dir], { encoding: 'utf8' }).trim().split('\n').pop();
      stopCluster = () => execFileSync('bash', [CLUSTER, 'stop', dir]);
    }
    if (url) {
      // A fresh database each run.
      const name = `naqi_bench_${Date.now().toString(36)}`;
      const admin = new pg.Client(url);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      try {
        out.postgres = await benchOne('PostgreSQL', { DATABASE_URL: u.toString() }, { quick, log });
      } catch (error) {
        out.postgres = { error: String(error?.message ?? error).split('\n')[0] };
        log(`server (PostgreSQL): FAILED: ${out.postgres.error}`);
      } finally {
        const a = new pg.Client(url);
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
        stopCluster?.();
      }
    } else {
      out.postgres = { notMeasured: 'no PostgreSQL: set NAQI_BENCH_DATABASE_URL or install Debian’s postgresql package' };
      log(`server (PostgreSQL): not measured: ${out.postgres.notMeasured}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return out;
}

/** Markdown table of the server figures. */
export function serverTable(s) {
  if (!s) return '';
  const row = (name, r) =>
    r?.writes
      ? `| ${name} | ${r.writes.writesPerSecond} | ${r.writes.p50Ms} ms | ${r.writes.p99Ms} ms | ${r.hidden.notModifiedPerSecond} | ${r.hidden.p99Ms} ms |`
      : `| ${name} | ${r?.error ? `error: ${r.error}` : (r?.notMeasured ?? 'not run')} | | | | |`;
  return [
    '| database | report writes/s | write p50 | write p99 | hide-list 304/s | 304 p99 |',
    '|---|---|---|---|---|---|',
    row('PGlite', s.pglite),
    row('PostgreSQL', s.postgres),
  ].join('\n');
}

// `node scripts/bench/server.mjs [--quick]`: this section alone, printed.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await benchServer({ quick: process.argv.includes('--quick') });
  console.log(`\n${serverTable(s)}`);
  console.log(JSON.stringify(s, null, 2));
}
