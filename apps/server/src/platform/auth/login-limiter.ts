import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../context.js';

/**
 * Failed sign-ins allowed per window (README › Security). One account from one address is the
 * common typo case; one account from any address stops guessing from many addresses; one address
 * for any account stops spraying, with room for an office behind one NAT address.
 */
export const LOGIN_LIMITS = [
  { name: 'account-address', max: 10, windowMs: 60_000 },
  { name: 'account', max: 30, windowMs: 15 * 60_000 },
  { name: 'address', max: 50, windowMs: 15 * 60_000 },
] as const;

// login_attempts.success: a pending or failed attempt, a success, an attempt refused before checking.
const FAILED = 0;
const SUCCEEDED = 1;
const REFUSED = 2;

export type LoginAttempt = { id: number } | { retryAfterSeconds: number };

const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 60);

/**
 * Counts the attempt before the password is checked: the row is written first, then every limit is
 * checked against the rows already written (this one included), so of N concurrent attempts at most
 * the limit get as far as the hash, on every instance sharing the database. A refused attempt is kept
 * apart: hammering does not extend the block.
 */
export async function beginLoginAttempt(deps: Deps, ip: string, username: string): Promise<LoginAttempt> {
  const now = deps.now();
  const account = accountKey(username);
  const { id } = await deps.db
    .insertInto('login_attempts')
    .values({ ip, username: account, at: now.toISOString(), success: FAILED })
    .returning('id')
    .executeTakeFirstOrThrow();
  let retryAfterMs = 0;
  for (const limit of LOGIN_LIMITS) {
    const since = new Date(now.getTime() - limit.windowMs).toISOString();
    const where = (eb: ExpressionBuilder<DB, 'login_attempts'>): Expression<SqlBool> => {
      const parts: Expression<SqlBool>[] = [eb('success', '=', FAILED), eb('at', '>', since)];
      if (limit.name !== 'address') parts.push(eb('username', '=', account));
      if (limit.name !== 'account') parts.push(eb('ip', '=', ip));
      return eb.and(parts);
    };
    const rows = await deps.db.selectFrom('login_attempts').select('at').where(where).orderBy('at', 'desc').limit(limit.max + 1).execute();
    if (rows.length <= limit.max) continue;
    // Free again when the attempt that made the count exceed the limit leaves the window.
    const oldest = rows[limit.max]!;
    retryAfterMs = Math.max(retryAfterMs, new Date(oldest.at).getTime() + limit.windowMs - now.getTime());
  }
  if (retryAfterMs > 0) {
    await deps.db.updateTable('login_attempts').set({ success: REFUSED }).where('id', '=', id).execute();
    return { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  return { id };
}

/** A correct password: the attempt no longer counts as a failure. Old rows are purged now and then. */
export async function loginSucceeded(deps: Deps, attemptId: number): Promise<void> {
  await deps.db.updateTable('login_attempts').set({ success: SUCCEEDED }).where('id', '=', attemptId).execute();
  if (Math.random() < 0.01) {
    const old = new Date(deps.now().getTime() - 24 * 3600_000).toISOString();
    await deps.db.deleteFrom('login_attempts').where('at', '<', old).execute();
  }
}
