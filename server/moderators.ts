/** Moderator accounts: add (prints the token once), list, revoke. Used by the CLI and tests. */
import { validateId } from '../utils/reports/validate';
import { hashSecret, makeCredential } from './auth';
import type { Db } from './db';

export class ModeratorError extends Error {}

function checkName(name: string): string {
  const v = validateId(name, 'moderator name');
  if (!v.ok) throw new ModeratorError(v.message);
  return v.value;
}

/** Create a moderator (or replace a revoked one of that name); returns the token. */
export async function addModerator(db: Db, rawName: string): Promise<string> {
  const name = checkName(rawName);
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM moderators WHERE name = $1 FOR UPDATE', [name]);
    if (existing.rows[0] && existing.rows[0].revoked_at === null) {
      throw new ModeratorError(`moderator "${name}" exists; revoke it first to issue a new token`);
    }
    if (existing.rows[0]) await tx.query('DELETE FROM moderators WHERE name = $1', [name]);
    const r = await tx.query<{ id: number | string }>(
      `INSERT INTO moderators (name, token_hash) VALUES ($1, '\\x00') RETURNING id`,
      [name],
    );
    const token = makeCredential('moderator', String(r.rows[0]!.id));
    await tx.query('UPDATE moderators SET token_hash = $2 WHERE id = $1', [r.rows[0]!.id, hashSecret(token)]);
    return token;
  });
}

export async function listModerators(db: Db): Promise<{ name: string; createdAt: Date; revokedAt: Date | null }[]> {
  const r = await db.query<{ name: string; created_at: Date; revoked_at: Date | null }>(
    'SELECT name, created_at, revoked_at FROM moderators ORDER BY name',
  );
  return r.rows.map((x) => ({ name: x.name, createdAt: new Date(x.created_at), revokedAt: x.revoked_at ? new Date(x.revoked_at) : null }));
}

export async function revokeModerator(db: Db, rawName: string): Promise<void> {
  const name = checkName(rawName);
  const r = await db.query('UPDATE moderators SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name]);
  if (r.rowCount === 0) throw new ModeratorError(`no active moderator "${name}"`);
}
