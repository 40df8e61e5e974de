/** Route guards: who is calling (reporter or moderator), and the per-route rate limits. */
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { bearer, hashSecret, verifyCredential, type Role } from './auth';
import type { RateLimit } from './config';
import type { Db } from './db';
import { forbidden, unauthorized } from './errors';
import { limitBy } from './limiter';

declare module 'fastify' {
  interface FastifyRequest {
    /** Verified reporter id (reporter routes). */
    reporterId?: string;
    /** Verified moderator name (moderator routes). */
    moderatorName?: string;
  }
}

/**
 * Verified reporter secrets, remembered for a minute so a reporter's burst costs one lookup.
 * Keyed by the secret's SHA-256; only successes are remembered. Reporters are never revoked
 * through the API (an operator deleting one takes up to a minute to take effect); moderator
 * tokens are never cached, so a revocation holds from the next request.
 */
class ReporterCache {
  private readonly map = new Map<string, { id: string; until: number }>();
  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 100_000,
  ) {}
  get(credential: string): { role: 'reporter'; id: string } | null {
    const hit = this.map.get(hashSecret(credential).toString('base64'));
    return hit && hit.until > Date.now() ? { role: 'reporter', id: hit.id } : null;
  }
  set(credential: string, id: string) {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(hashSecret(credential).toString('base64'), { id, until: Date.now() + this.ttlMs });
  }
}

/**
 * Require a valid credential of `role`: none or an invalid one → 401; a valid credential of the
 * other role → 403.
 */
export function requireRole(db: Db, role: Role): onRequestHookHandler {
  const reporterCache = new ReporterCache();
  return async (request: FastifyRequest) => {
    const credential = bearer(request.headers.authorization);
    if (!credential) throw unauthorized(`send "Authorization: Bearer <${role === 'reporter' ? 'reporter secret' : 'moderator token'}>"`);
    const cached = reporterCache.get(credential);
    const who: { role: Role; id: string; name?: string } | null = cached ?? (await verifyCredential(db, credential));
    if (!cached && who?.role === 'reporter') reporterCache.set(credential, who.id);
    if (!who) throw unauthorized(role === 'moderator' ? 'unknown or revoked moderator token' : 'unknown reporter or wrong secret');
    if (who.role !== role) throw forbidden(`this endpoint is for ${role}s`);
    if (role === 'reporter') request.reporterId = who.id;
    else request.moderatorName = who.name;
  };
}

/** A rate limit keyed by client address (IPv6 grouped by /64; kept in memory only, never stored). */
export function perAddress(app: FastifyInstance, name: string, limit: RateLimit): onRequestHookHandler {
  return app.rateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req) => `${name}:${normalizeIP(req.ip, 64)}`,
  }) as unknown as onRequestHookHandler;
}

/** A rate limit keyed by the verified reporter (run it after requireRole; before the body is read). */
export function perReporter(limit: RateLimit): onRequestHookHandler {
  return limitBy(limit, (req) => req.reporterId ?? '') as onRequestHookHandler;
}
