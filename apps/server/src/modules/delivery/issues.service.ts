import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '@domain/shared/actor.js';
import { issueActions } from '@domain/delivery/delivery.access.js';
import { issueMachine, type IssueAction, type IssueSeverity, type IssueStatus } from '@domain/delivery/issue.machine.js';
import type { IssueDto, issueCloseSchema, issueCreateSchema, issueDecideSchema, issueUpdateSchema } from '@domain/delivery/issue.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, invalidTransition, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { isTeamMember, requireOpen, requireTeamMember } from './delivery.scope.js';
import { loadProject, touchFigures } from './projects.service.js';
import type { ProjectRow } from './projects.repo.js';
import { refuseFutureDates, todayOf } from './delivery.support.js';

function issueSelect(db: Executor) {
  return db
    .selectFrom('project_issues as i')
    .innerJoin('projects as j', 'j.id', 'i.project_id')
    .innerJoin('users as r', 'r.id', 'i.reported_by')
    .leftJoin('users as o', 'o.id', 'i.owner_id')
    .leftJoin('users as d', 'd.id', 'i.decided_by')
    .selectAll('i')
    .select(['j.code as project_code', 'j.name as project_name', 'r.name as reported_by_name', 'o.name as owner_name', 'd.name as decided_by_name']);
}
type IssueRow = Awaited<ReturnType<ReturnType<typeof issueSelect>['executeTakeFirstOrThrow']>>;

function present(r: IssueRow, actor: Actor, member: boolean): IssueDto {
  const actions = issueActions(actor, { status: r.status }, member);
  return {
    id: r.id,
    version: r.version,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    title: r.title,
    description: r.description,
    severity: r.severity as IssueSeverity,
    status: r.status as IssueStatus,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    reportedBy: r.reported_by,
    reportedByName: r.reported_by_name,
    dueDate: r.due_date,
    escalatedAt: r.escalated_at,
    escalationReason: r.escalation_reason,
    meetingDate: r.meeting_date,
    participants: r.participants,
    discussion: r.discussion,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    resolution: r.resolution,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    actions,
  };
}

export async function listIssues(db: Executor, meta: RequestMeta, projectId: number, q: { page: number; pageSize: number; status?: string; severity?: string }) {
  const project = await loadProject(db, meta, projectId);
  const member = await isTeamMember(db, project, meta.actor.id);
  const build = () => {
    let b = issueSelect(db).where('i.project_id', '=', projectId);
    if (q.status) b = b.where('i.status', 'in', q.status.split(',').filter(Boolean));
    if (q.severity) b = b.where('i.severity', '=', q.severity);
    return b;
  };
  const [rows, count] = await Promise.all([
    build().orderBy('i.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map((r) => present(r, meta.actor, member)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function loadIssue(trx: Executor, projectId: number, issueId: number) {
  const row = await issueSelect(trx).where('i.id', '=', issueId).where('i.project_id', '=', projectId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function reload(trx: Executor, meta: RequestMeta, project: ProjectRow, id: number) {
  return present((await issueSelect(trx).where('i.id', '=', id).executeTakeFirst())!, meta.actor, await isTeamMember(trx, project, meta.actor.id));
}

async function managerIds(trx: Executor) {
  return (await trx.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).execute()).map((r) => r.id);
}

/** [3.2.3] a major issue goes to the department manager at once. */
async function escalate(deps: Deps, trx: Executor, meta: RequestMeta, project: ProjectRow, issue: { id: number; title: string }) {
  await notify(trx, deps, { userIds: (await managerIds(trx)).filter((id) => id !== meta.actor.id), kind: 'issue.escalated', params: { title: issue.title, project: project.name, actor: meta.actor.name }, entity: 'project_issue', entityId: issue.id, link: `/projects/${project.id}?tab=issues` });
}

async function checkOwner(trx: Executor, project: ProjectRow, ownerId: number | undefined) {
  if (ownerId !== undefined && !(await isTeamMember(trx, project, ownerId))) throw invalid({ ownerId: 'field.notMember' });
}

export function createIssue(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof issueCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    await checkOwner(trx, project, input.ownerId);
    const at = nowIso(deps);
    const major = input.severity === 'major';
    const { id } = await trx
      .insertInto('project_issues')
      .values({ project_id: projectId, title: input.title, description: input.description, severity: input.severity, status: major ? 'escalated' : 'open', owner_id: input.ownerId ?? meta.actor.id, reported_by: meta.actor.id, due_date: input.dueDate ?? null, escalated_at: major ? at : null, escalation_reason: null, meeting_date: null, participants: null, discussion: null, decision: null, decided_by: null, decided_at: null, resolution: null, closed_at: null, closed_by: null, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (major) await escalate(deps, trx, meta, project, { id, title: input.title });
    const dto = await reload(trx, meta, project, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project_issue', entityId: id, after: dto }, at);
    await touchFigures(deps, trx, project);
    return dto;
  });
}

/** Edits; raising an open issue to `major` escalates it. */
export function updateIssue(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, issueId: number, input: z.infer<typeof issueUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    const row = await loadIssue(trx, projectId, issueId);
    if (row.status === 'closed') throw invalidTransition({ from: row.status, action: 'edit' });
    if (row.version !== input.version) throw versionConflict();
    await checkOwner(trx, project, input.ownerId);
    const at = nowIso(deps);
    const escalates = input.severity === 'major' && row.status === 'open';
    const res = await trx
      .updateTable('project_issues')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.severity !== undefined && { severity: input.severity }),
        ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
        ...(input.dueDate !== undefined && { due_date: input.dueDate }),
        ...(escalates && { status: 'escalated', escalated_at: at }),
        version: row.version + 1,
        updated_at: at,
      })
      .where('id', '=', issueId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    if (escalates) await escalate(deps, trx, meta, project, { id: issueId, title: input.title ?? row.title });
    const before = present(row, meta.actor, true);
    const after = await reload(trx, meta, project, issueId);
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'project_issue', entityId: issueId, before, after }, at);
    await touchFigures(deps, trx, project);
    return after;
  });
}

type ActionInput = { action: 'escalate'; reason?: string } | ({ action: 'decide' } & z.infer<typeof issueDecideSchema>) | ({ action: 'close' } & z.infer<typeof issueCloseSchema>);

/** escalate (a member), decide (the manager: meeting date, participants, discussion, decision), close (a member, with the resolution). */
export function issueAction(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, issueId: number, input: ActionInput) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    const row = await loadIssue(trx, projectId, issueId);
    const to = transitionOrThrow(issueMachine, row.status, input.action as IssueAction, meta.actor);
    if (input.action !== 'decide') await requireTeamMember(trx, project, meta.actor);
    const at = nowIso(deps);
    let values: Record<string, unknown> = {};
    if (input.action === 'escalate') values = { escalated_at: at, escalation_reason: input.reason ?? null };
    if (input.action === 'decide') {
      refuseFutureDates({ meetingDate: input.meetingDate }, todayOf(deps));
      values = { meeting_date: input.meetingDate, participants: input.participants, discussion: input.discussion, decision: input.decision, decided_by: meta.actor.id, decided_at: at };
    }
    if (input.action === 'close') values = { resolution: input.resolution, closed_at: at, closed_by: meta.actor.id };
    const res = await trx
      .updateTable('project_issues')
      .set({ ...values, status: to, version: row.version + 1, updated_at: at })
      .where('id', '=', issueId)
      .where('status', '=', row.status)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    if (input.action === 'escalate') await escalate(deps, trx, meta, project, row);
    if (input.action === 'decide') {
      const told = [project.pm_id, row.reported_by, row.owner_id].filter((u): u is number => u !== null && u !== meta.actor.id);
      await notify(trx, deps, { userIds: told, kind: 'issue.decided', params: { title: row.title, actor: meta.actor.name }, entity: 'project_issue', entityId: issueId, link: `/projects/${projectId}?tab=issues` });
    }
    const { action, ...payload } = input;
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'project_issue', entityId: issueId, before: { status: row.status }, after: { status: to, ...payload } }, at);
    await touchFigures(deps, trx, project);
    return reload(trx, meta, project, issueId);
  });
}
