import type { z } from 'zod';
import type { MemberDto, memberCreateSchema, memberUpdateSchema } from '@domain/delivery/team.schema.js';
import { BUSINESS_ROLES } from '@domain/shared/roles.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { isUniqueViolation } from '../../platform/http/errors.js';
import { requireManage, requireOpen } from './delivery.scope.js';
import { loadProject } from './projects.service.js';
import { refuseFutureDates, todayOf } from './delivery.support.js';

function memberSelect(db: Executor) {
  return db
    .selectFrom('project_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .selectAll('m')
    .select(['u.name as user_name', 'u.role as user_role', 'd.name as department_name']);
}
type MemberRow = Awaited<ReturnType<ReturnType<typeof memberSelect>['executeTakeFirstOrThrow']>>;

function present(r: MemberRow): MemberDto {
  return {
    id: r.id,
    version: r.version,
    projectId: r.project_id,
    userId: r.user_id,
    userName: r.user_name,
    userRole: r.user_role,
    departmentName: r.department_name,
    projectRole: r.project_role,
    responsibilities: r.responsibilities,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    active: r.active === 1,
  };
}

export async function listMembers(db: Executor, meta: RequestMeta, projectId: number, includeFormer: boolean) {
  await loadProject(db, meta, projectId);
  let q = memberSelect(db).where('m.project_id', '=', projectId);
  if (!includeFormer) q = q.where('m.active', '=', 1);
  const items = (await q.orderBy('m.active', 'desc').orderBy('m.id').execute()).map(present);
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

async function reload(db: Executor, id: number) {
  return present((await memberSelect(db).where('m.id', '=', id).executeTakeFirst())!);
}

/** [3.2.1] the PM adds a department colleague with a project role and responsibilities; they are told. */
export function addMember(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof memberCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    const today = todayOf(deps);
    refuseFutureDates({ joinedOn: input.joinedOn }, today);
    const user = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', input.userId).where('active', '=', 1).executeTakeFirst();
    if (!user || !BUSINESS_ROLES.includes(user.role as never)) throw invalid({ userId: 'field.notBusinessUser' });
    const existing = await trx.selectFrom('project_members').select('id').where('project_id', '=', projectId).where('user_id', '=', input.userId).where('active', '=', 1).executeTakeFirst();
    if (existing) throw invalid({ userId: 'field.alreadyMember' });
    const at = nowIso(deps);
    let id: number;
    try {
      ({ id } = await trx
        .insertInto('project_members')
        .values({ project_id: projectId, user_id: input.userId, project_role: input.projectRole, responsibilities: input.responsibilities, joined_on: input.joinedOn ?? today, left_on: null, active: 1, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ userId: 'field.alreadyMember' });
      throw err;
    }
    const dto = await reload(trx, id);
    await writeAudit(trx, deps.engine, meta, { action: 'add-member', entity: 'project', entityId: projectId, after: dto }, at);
    if (input.userId !== meta.actor.id) {
      await notify(trx, deps, { userIds: [input.userId], kind: 'project.member_added', params: { title: project.name, actor: meta.actor.name, role: input.projectRole }, entity: 'project', entityId: projectId, link: `/projects/${projectId}` });
    }
    return dto;
  });
}

async function loadMember(trx: Executor, projectId: number, memberId: number) {
  const row = await memberSelect(trx).where('m.id', '=', memberId).where('m.project_id', '=', projectId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export function updateMember(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, memberId: number, input: z.infer<typeof memberUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    const row = await loadMember(trx, projectId, memberId);
    if (row.version !== input.version) throw versionConflict();
    const at = nowIso(deps);
    const res = await trx
      .updateTable('project_members')
      .set({ ...(input.projectRole !== undefined && { project_role: input.projectRole }), ...(input.responsibilities !== undefined && { responsibilities: input.responsibilities }), version: row.version + 1, updated_at: at })
      .where('id', '=', memberId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    const dto = await reload(trx, memberId);
    await writeAudit(trx, deps.engine, meta, { action: 'update-member', entity: 'project', entityId: projectId, before: present(row), after: dto }, at);
    return dto;
  });
}

/** A member leaves the team; the record stays (left on today) for the audit trail. */
export function removeMember(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, memberId: number) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    const row = await loadMember(trx, projectId, memberId);
    if (row.user_id === project.pm_id) throw invalid({ memberId: 'field.memberIsPm' });
    if (row.active !== 1) throw notFound();
    const at = nowIso(deps);
    const res = await trx.updateTable('project_members').set({ active: 0, left_on: todayOf(deps), version: row.version + 1, updated_at: at }).where('id', '=', memberId).where('active', '=', 1).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound();
    const dto = await reload(trx, memberId);
    await writeAudit(trx, deps.engine, meta, { action: 'remove-member', entity: 'project', entityId: projectId, before: present(row), after: dto }, at);
    return dto;
  });
}
