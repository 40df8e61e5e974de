/**
 * A second, per-key rate limit for routes that already run @fastify/rate-limit's per-address
 * hook (that plugin runs one limit per request). Fixed windows, in memory only, swept as they
 * expire; the key is the verified reporter id, never an address.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimit } from './config';
import { ApiError } from './errors';

export class WindowLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(private readonly limit: RateLimit) {}

  /** Count one request for `key`; returns seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    if (now >= this.nextSweep) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      w = { count: 0, resetAt: now + this.limit.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit.max ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now >= w.resetAt) this.windows.delete(k);
    this.nextSweep = now + this.limit.windowMs;
  }
}

/** An onRequest hook limiting by `key(request)` (run after authentication). */
export function limitBy(limit: RateLimit, key: (req: FastifyRequest) => string) {
  const limiter = new WindowLimiter(limit);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = limiter.hit(key(request));
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate-limited', `too many requests from this reporter; retry in ${wait} s`);
    }
  };
}
