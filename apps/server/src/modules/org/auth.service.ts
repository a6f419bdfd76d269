import { permissionsOf } from '@domain/shared/permissions.js';
import type { SessionUser } from '@domain/org/auth.schema.js';
import type { Locale } from '@domain/shared/locale.js';
import type { Role } from '@domain/shared/roles.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { beginLoginAttempt, loginSucceeded } from '../../platform/auth/login-limiter.js';
import { actorFromRow } from '../../platform/auth/sessions.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/executor.js';
import { findUserById, findUserByUsername, type UserRow } from './users.repo.js';

export function presentSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role as Role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    positionTitle: row.position_title,
    locale: row.locale as Locale | null,
    mustChangePassword: row.must_change_password === 1,
    permissions: permissionsOf(row.role as Role),
  };
}

export async function login(deps: Deps, input: { username: string; password: string }, ip: string, userAgent: string | null, previousToken: string | undefined) {
  const attempt = await beginLoginAttempt(deps, ip, input.username);
  if ('retryAfterSeconds' in attempt) throw new AppError(429, 'RATE_LIMITED', undefined, { retryAfterSeconds: attempt.retryAfterSeconds });
  const user = await findUserByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.active !== 1) throw new AppError(401, 'INVALID_CREDENTIALS');
  await loginSucceeded(deps, attempt.id);
  // Rotation: whatever session came with the request is dropped; a fresh id is issued.
  if (previousToken) await deps.sessions.destroy(previousToken);
  return inTransaction(deps.db, async (trx) => {
    const at = nowIso(deps);
    const session = await deps.sessions.create(trx, user.id, ip, userAgent);
    await trx.updateTable('users').set({ last_login_at: at }).where('id', '=', user.id).execute();
    const actor = actorFromRow(user, 'session');
    await writeAudit(trx, deps.engine, { actor, ip }, { action: 'login', entity: 'user', entityId: user.id }, at);
    const row = (await findUserById(trx, user.id))!;
    return { session, user: presentSessionUser(row) };
  });
}

export async function changePassword(deps: Deps, meta: RequestMeta, currentToken: string | undefined, input: { currentPassword: string; newPassword: string }) {
  const row = await deps.db.selectFrom('users').select(['password_hash', 'version']).where('id', '=', meta.actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) throw invalid({ currentPassword: 'field.passwordWrong' });
  if (input.currentPassword === input.newPassword) throw invalid({ newPassword: 'field.passwordSame' });
  const hash = await hashPassword(input.newPassword);
  return inTransaction(deps.db, async (trx) => {
    const at = nowIso(deps);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, version: row.version + 1, updated_at: at })
      .where('id', '=', meta.actor.id)
      .execute();
    // Every other session of this user ends; the one in use stays.
    await deps.sessions.destroyOthersOf(trx, meta.actor.id, currentToken);
    await writeAudit(trx, deps.engine, meta, { action: 'change-password', entity: 'user', entityId: meta.actor.id }, at);
    return presentSessionUser((await findUserById(trx, meta.actor.id))!);
  });
}

export async function updateProfile(deps: Deps, meta: RequestMeta, input: { name?: string; email?: string | null; phone?: string | null; locale?: Locale | null }) {
  return inTransaction(deps.db, async (trx) => {
    const before = (await findUserById(trx, meta.actor.id))!;
    const at = nowIso(deps);
    await trx
      .updateTable('users')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.locale !== undefined && { locale: input.locale }),
        version: before.version + 1,
        updated_at: at,
      })
      .where('id', '=', meta.actor.id)
      .execute();
    const after = (await findUserById(trx, meta.actor.id))!;
    await writeAudit(trx, deps.engine, meta, {
      action: 'update-profile',
      entity: 'user',
      entityId: meta.actor.id,
      before: { name: before.name, email: before.email, phone: before.phone, locale: before.locale },
      after: { name: after.name, email: after.email, phone: after.phone, locale: after.locale },
    }, at);
    return presentSessionUser(after);
  });
}
