/**
 * Credentials. A reporter secret is `r.<reporterId>.<random>`, a moderator token
 * `m.<moderatorId>.<random>`; the random part is 32 bytes from the OS (base64url). Only the
 * SHA-256 of the whole credential is stored; it is compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db';

export type Role = 'reporter' | 'moderator';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function makeCredential(role: Role, id: string): string {
  return `${role === 'reporter' ? 'r' : 'm'}.${id}.${randomToken()}`;
}

const CREDENTIAL_RE = /^([rm])\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

/** The role and id a credential claims, before it is checked; null when it is not one. */
export function parseCredential(value: string): { role: Role; id: string } | null {
  const m = CREDENTIAL_RE.exec(value);
  if (!m) return null;
  return { role: m[1] === 'r' ? 'reporter' : 'moderator', id: m[2]! };
}

/** `Authorization: Bearer <credential>` → the credential, or null. */
export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer +(\S+) *$/i.exec(header);
  return m ? m[1]! : null;
}

function sameHash(stored: unknown, given: Buffer): boolean {
  const buf = Buffer.isBuffer(stored) ? stored : stored instanceof Uint8Array ? Buffer.from(stored) : null;
  return buf !== null && buf.length === given.length && timingSafeEqual(buf, given);
}

/**
 * Check a credential against the database. Returns the verified role and id, or null (unknown
 * id, wrong secret, revoked moderator).
 */
export async function verifyCredential(db: Queryable, credential: string): Promise<{ role: Role; id: string; name?: string } | null> {
  const claim = parseCredential(credential);
  if (!claim) return null;
  const given = hashSecret(credential);
  if (claim.role === 'reporter') {
    const r = await db.query<{ secret_hash: unknown }>('SELECT secret_hash FROM reporters WHERE id = $1', [claim.id]);
    return r.rows[0] && sameHash(r.rows[0].secret_hash, given) ? claim : null;
  }
  if (!/^\d{1,18}$/.test(claim.id)) return null;
  const r = await db.query<{ token_hash: unknown; name: string }>(
    'SELECT token_hash, name FROM moderators WHERE id = $1 AND revoked_at IS NULL',
    [claim.id],
  );
  return r.rows[0] && sameHash(r.rows[0].token_hash, given) ? { ...claim, name: r.rows[0].name } : null;
}
