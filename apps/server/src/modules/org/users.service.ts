import type { UserCreate, UserUpdate } from '@domain/org/user.schema.js';
import { hashPassword, generatePassword } from '../../platform/auth/passwords.js';
import { auditable, writeAudit } from '../../platform/audit/audit.js';
import { AppError, duplicate, invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { findUserById, findUserByUsername, subordinateIds } from './users.repo.js';
import { presentUser } from './users.presenter.js';

async function checkReferences(db: Executor, input: { departmentId?: number | null; supervisorId?: number | null }, selfId?: number) {
  const fields: Record<string, string> = {};
  if (input.departmentId) {
    const dep = await db.selectFrom('departments').select(['id', 'active']).where('id', '=', input.departmentId).executeTakeFirst();
    if (!dep || dep.active !== 1) fields.departmentId = 'field.notExists';
  }
  if (input.supervisorId) {
    if (input.supervisorId === selfId) fields.supervisorId = 'field.supervisorSelf';
    else {
      const sup = await db.selectFrom('users').select(['id', 'active']).where('id', '=', input.supervisorId).executeTakeFirst();
      if (!sup || sup.active !== 1) fields.supervisorId = 'field.notExists';
      else if (selfId && (await subordinateIds(db, selfId)).includes(input.supervisorId)) fields.supervisorId = 'field.supervisorCycle';
    }
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

export async function createUser(deps: Deps, db: Executor, meta: RequestMeta, input: UserCreate) {
  const username = input.username.toLowerCase();
  const temporaryPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return inTransaction(db, async (trx) => {
    await checkReferences(trx, input);
    if (await findUserByUsername(trx, username)) throw duplicate({ username: 'field.taken' });
    const at = nowIso(deps);
    const inserted = await trx
      .insertInto('users')
      .values({
        username,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        password_hash: passwordHash,
        role: input.role,
        position_title: input.positionTitle ?? null,
        department_id: input.departmentId ?? null,
        supervisor_id: input.supervisorId ?? null,
        business_areas: JSON.stringify(input.businessAreas ?? []),
        customer_facing: input.customerFacing ? 1 : 0,
        active: 1,
        hire_date: input.hireDate ?? null,
        locale: null,
        must_change_password: 1,
        version: 1,
        created_at: at,
        created_by: meta.actor.id,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = presentUser((await findUserById(trx, inserted.id))!);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'user', entityId: user.id, after: user }, at);
    return { ...user, temporaryPassword };
  });
}

export async function updateUser(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: UserUpdate) {
  return inTransaction(db, async (trx) => {
    const current = await findUserById(trx, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict();
    await checkReferences(trx, input, id);
    if (input.active === false && id === meta.actor.id) throw new AppError(409, 'CONFLICT');
    const before = presentUser(current);
    const at = nowIso(deps);
    const result = await trx
      .updateTable('users')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.positionTitle !== undefined && { position_title: input.positionTitle }),
        ...(input.departmentId !== undefined && { department_id: input.departmentId }),
        ...(input.supervisorId !== undefined && { supervisor_id: input.supervisorId }),
        ...(input.businessAreas !== undefined && { business_areas: JSON.stringify(input.businessAreas) }),
        ...(input.customerFacing !== undefined && { customer_facing: input.customerFacing ? 1 : 0 }),
        ...(input.hireDate !== undefined && { hire_date: input.hireDate }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict();
    const after = presentUser((await findUserById(trx, id))!);
    // A role change or deactivation must reach live sessions at once.
    if (input.active === false) await deps.sessions.destroyAllOf(trx, id);
    else deps.sessions.cache.deleteUser(id);
    const action = input.active === false && before.active ? 'deactivate' : input.active === true && !before.active ? 'activate' : 'update';
    await writeAudit(trx, deps.engine, meta, { action, entity: 'user', entityId: id, before: auditable(before), after: auditable(after) }, at);
    return after;
  });
}

export async function setUserActive(deps: Deps, db: Executor, meta: RequestMeta, id: number, version: number, active: boolean) {
  return updateUser(deps, db, meta, id, { version, active });
}

export async function resetPassword(deps: Deps, db: Executor, meta: RequestMeta, id: number, version: number, password?: string) {
  const temporaryPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password ?? temporaryPassword!);
  return inTransaction(db, async (trx) => {
    const current = await findUserById(trx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw versionConflict();
    const at = nowIso(deps);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .execute();
    await deps.sessions.destroyAllOf(trx, id);
    await writeAudit(trx, deps.engine, meta, { action: 'reset-password', entity: 'user', entityId: id }, at);
    return { user: presentUser((await findUserById(trx, id))!), temporaryPassword };
  });
}
