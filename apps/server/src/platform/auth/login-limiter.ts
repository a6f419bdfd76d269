import type { Deps } from '../http/context.js';

const WINDOW_MS = 60_000;
const MAX_FAILURES = 10;

/** Failed logins per address per minute, counted in the database so every instance agrees. */
export async function isLoginBlocked(deps: Deps, ip: string): Promise<boolean> {
  const since = new Date(deps.now().getTime() - WINDOW_MS).toISOString();
  const row = await deps.db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= MAX_FAILURES;
}

export async function recordLoginAttempt(deps: Deps, ip: string, username: string, success: boolean): Promise<void> {
  const now = deps.now();
  await deps.db
    .insertInto('login_attempts')
    .values({ ip, username: username.slice(0, 60), at: now.toISOString(), success: success ? 1 : 0 })
    .execute();
  if (Math.random() < 0.01) {
    const old = new Date(now.getTime() - 24 * 3600_000).toISOString();
    await deps.db.deleteFrom('login_attempts').where('at', '<', old).execute();
  }
}
