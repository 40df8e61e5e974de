/** Server configuration, read once from the environment (docs/community-server.md lists it). */
import { LIMITS } from '../utils/reports/constants';

export interface RateLimit {
  /** Requests allowed per window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** PGlite data folder; ignored when databaseUrl is set. `memory://` keeps it in memory. */
  dataDir: string;
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl: string | null;
  /** Distinct reporters that hide an image automatically. */
  threshold: number;
  /** Reports of decided images are deleted this many days after the decision. */
  retentionDays: number;
  /** How often the retention job runs (ms). */
  retentionIntervalMs: number;
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Trust X-Forwarded-For from a reverse proxy (only behind one). */
  trustProxy: boolean;
  /** Seconds a CDN / browser may cache the hide list. */
  hiddenMaxAge: number;
  /** How long (ms) one instance reuses the current hide-list cursor before asking the database. */
  hiddenCursorCacheMs: number;
  /** Extra CORS origins allowed besides extension origins (e.g. a moderators' web page). */
  corsOrigins: string[];
  limits: {
    /** Reporter registrations per client address. */
    register: RateLimit;
    /** Report writes (POST/DELETE) per client address. */
    reportsPerAddress: RateLimit;
    /** Report writes per reporter. */
    reportsPerReporter: RateLimit;
    /** Public hide-list reads per client address. */
    hidden: RateLimit;
    /** Moderator requests per client address. */
    moderator: RateLimit;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number (got "${raw}")`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

function limit(env: Env, name: string, max: number, windowMs: number): RateLimit {
  return {
    max: int(env, `NAQI_LIMIT_${name}`, max, 1, 1_000_000_000),
    windowMs: int(env, `NAQI_LIMIT_${name}_WINDOW_MS`, windowMs, 1, 86_400_000),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function readConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  return {
    port: int(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: env.NAQI_DATA_DIR?.trim() || './.naqi-server-data',
    databaseUrl,
    threshold: int(env, 'NAQI_THRESHOLD', LIMITS.thresholdDefault, LIMITS.thresholdMin, LIMITS.thresholdMax),
    retentionDays: int(env, 'NAQI_RETENTION_DAYS', 90, 1, 36_500),
    retentionIntervalMs: int(env, 'NAQI_RETENTION_INTERVAL_MS', HOUR, 1000, 7 * 24 * HOUR),
    bodyLimit: int(env, 'NAQI_BODY_LIMIT', 16 * 1024, 1024, 1024 * 1024),
    trustProxy: env.NAQI_TRUST_PROXY === '1' || env.NAQI_TRUST_PROXY === 'true',
    hiddenMaxAge: int(env, 'NAQI_HIDDEN_MAX_AGE', 30, 0, 86_400),
    hiddenCursorCacheMs: int(env, 'NAQI_HIDDEN_CURSOR_CACHE_MS', 1000, 0, 60_000),
    corsOrigins: (env.NAQI_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    limits: {
      register: limit(env, 'REGISTER', 20, HOUR),
      reportsPerAddress: limit(env, 'REPORTS_PER_ADDRESS', 600, MINUTE),
      reportsPerReporter: limit(env, 'REPORTS_PER_REPORTER', 60, MINUTE),
      hidden: limit(env, 'HIDDEN', 600, MINUTE),
      moderator: limit(env, 'MODERATOR', 1200, MINUTE),
    },
  };
}
