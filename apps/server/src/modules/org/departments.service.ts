import type { DepartmentCreate, DepartmentDto, DepartmentUpdate } from '@domain/org/department.schema.js';
import type { DepartmentRow } from './departments.repo.js';
import { departmentSubtreeIds, findDepartment } from './departments.repo.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { duplicate, invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';

export function presentDepartment(row: DepartmentRow): DepartmentDto {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    name: row.name,
    code: row.code,
    kind: row.kind as DepartmentDto['kind'],
    parentId: row.parent_id,
    managerId: row.manager_id,
    managerName: row.manager_name,
    description: row.description,
    sortOrder: row.sort_order,
    active: row.active === 1,
    memberCount: Number(row.member_count ?? 0),
  };
}

async function checkRefs(db: Executor, input: { parentId?: number | null; managerId?: number | null; code?: string }, selfId?: number) {
  const fields: Record<string, string> = {};
  if (input.parentId) {
    if (selfId && (await departmentSubtreeIds(db, selfId)).includes(input.parentId)) fields.parentId = 'field.departmentCycle';
    else if (!(await db.selectFrom('departments').select('id').where('id', '=', input.parentId).executeTakeFirst())) fields.parentId = 'field.notExists';
  }
  if (input.managerId && !(await db.selectFrom('users').select('id').where('id', '=', input.managerId).where('active', '=', 1).executeTakeFirst())) {
    fields.managerId = 'field.notExists';
  }
  if (Object.keys(fields).length) throw invalid(fields);
  if (input.code) {
    let q = db.selectFrom('departments').select('id').where('code', '=', input.code);
    if (selfId) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst()) throw duplicate({ code: 'field.taken' });
  }
}

export function createDepartment(deps: Deps, db: Executor, meta: RequestMeta, input: DepartmentCreate) {
  return inTransaction(db, async (trx) => {
    await checkRefs(trx, input);
    const at = nowIso(deps);
    const { id } = await trx
      .insertInto('departments')
      .values({
        name: input.name,
        code: input.code || null,
        kind: input.kind,
        parent_id: input.parentId ?? null,
        manager_id: input.managerId ?? null,
        description: input.description ?? '',
        sort_order: input.sortOrder ?? 0,
        active: 1,
        version: 1,
        created_at: at,
        created_by: meta.actor.id,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dto = presentDepartment((await findDepartment(trx, id))!);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'department', entityId: id, after: dto }, at);
    return dto;
  });
}

export function updateDepartment(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: DepartmentUpdate) {
  return inTransaction(db, async (trx) => {
    const current = await findDepartment(trx, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict();
    await checkRefs(trx, input, id);
    if (input.active === false && current.active === 1) {
      const children = await trx.selectFrom('departments').select('id').where('parent_id', '=', id).where('active', '=', 1).executeTakeFirst();
      if (children || Number(current.member_count) > 0) throw invalid({ active: 'field.departmentHasMembers' });
    }
    const at = nowIso(deps);
    const res = await trx
      .updateTable('departments')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.code !== undefined && { code: input.code || null }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
        ...(input.managerId !== undefined && { manager_id: input.managerId }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    const before = presentDepartment(current);
    const after = presentDepartment((await findDepartment(trx, id))!);
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'department', entityId: id, before, after }, at);
    return after;
  });
}
