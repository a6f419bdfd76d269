import type { z } from 'zod';
import { dependencyCycle } from '@domain/delivery/schedule.rules.js';
import { mayEditTask } from '@domain/delivery/delivery.access.js';
import type { milestoneCreateSchema, milestoneUpdateSchema, taskCreateSchema, taskUpdateSchema } from '@domain/delivery/plan.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { canManage, isTeamMember, requireManage, requireOpen } from './delivery.scope.js';
import { loadProject, touchFigures } from './projects.service.js';
import { computeFigures, loadTasks, taskView } from './project-figures.js';
import { refuseFutureDates, todayOf } from './delivery.support.js';
import type { ProjectRow } from './projects.repo.js';

export async function listMilestones(deps: Deps, db: Executor, meta: RequestMeta, projectId: number) {
  const project = await loadProject(db, meta, projectId);
  const { milestones } = await computeFigures(db, project, todayOf(deps));
  return { items: milestones, total: milestones.length, page: 1, pageSize: Math.max(milestones.length, 1) };
}

export async function listTasks(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, f: { ownerId?: number; milestoneId?: number }) {
  await loadProject(db, meta, projectId);
  const today = todayOf(deps);
  const items = (await loadTasks(db, projectId)).filter((t) => (!f.ownerId || t.owner_id === f.ownerId) && (!f.milestoneId || t.milestone_id === f.milestoneId)).map((t) => taskView(t, today));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

async function milestoneView(deps: Deps, db: Executor, project: ProjectRow, milestoneId: number) {
  const { milestones } = await computeFigures(db, project, todayOf(deps));
  return milestones.find((m) => m.id === milestoneId)!;
}

/** A milestone added to the plan; while planning only (later through a change request). */
export function createMilestone(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof milestoneCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    if (project.status !== 'planning') throw invalid({ plannedStart: 'field.plannedLocked' });
    const at = nowIso(deps);
    const last = await trx.selectFrom('project_milestones').select((eb) => eb.fn.max('seq').as('s')).where('project_id', '=', projectId).executeTakeFirst();
    const { id } = await trx
      .insertInto('project_milestones')
      .values({ project_id: projectId, seq: Number(last?.s ?? 0) + 1, name: input.name, planned_start: input.plannedStart, planned_end: input.plannedEnd, deliverable: input.deliverable, weight: input.weight })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, deps.engine, meta, { action: 'create-milestone', entity: 'project', entityId: projectId, after: { milestoneId: id, ...input } }, at);
    await touchFigures(deps, trx, project);
    return milestoneView(deps, trx, project, id);
  });
}

/** Names, weights, deliverables and actual dates; planned dates only while planning. */
export function updateMilestone(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, milestoneId: number, input: z.infer<typeof milestoneUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    const row = await trx.selectFrom('project_milestones').selectAll().where('id', '=', milestoneId).where('project_id', '=', projectId).executeTakeFirst();
    if (!row) throw notFound();
    if (Number(row.version) !== input.version) throw versionConflict();
    const today = todayOf(deps);
    refuseFutureDates({ actualStart: input.actualStart, actualEnd: input.actualEnd }, today);
    const movesPlan = (input.plannedStart !== undefined && input.plannedStart !== row.planned_start) || (input.plannedEnd !== undefined && input.plannedEnd !== row.planned_end);
    if (movesPlan && project.status !== 'planning') throw invalid({ [input.plannedStart !== undefined ? 'plannedStart' : 'plannedEnd']: 'field.plannedLocked' });
    const next = {
      planned_start: input.plannedStart ?? row.planned_start,
      planned_end: input.plannedEnd ?? row.planned_end,
      actual_start: input.actualStart === undefined ? row.actual_start : input.actualStart,
      actual_end: input.actualEnd === undefined ? row.actual_end : input.actualEnd,
    };
    if (next.planned_start > next.planned_end) throw invalid({ plannedEnd: 'field.dateOrder' });
    if (next.actual_start && next.actual_end && next.actual_start > next.actual_end) throw invalid({ actualEnd: 'field.dateOrder' });
    const at = nowIso(deps);
    const res = await trx
      .updateTable('project_milestones')
      .set({ ...next, ...(input.name !== undefined && { name: input.name }), ...(input.deliverable !== undefined && { deliverable: input.deliverable }), ...(input.weight !== undefined && { weight: input.weight }), version: input.version + 1 })
      .where('id', '=', milestoneId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    const { version: _v, ...changes } = input;
    await writeAudit(trx, deps.engine, meta, { action: 'update-milestone', entity: 'project', entityId: projectId, before: { milestoneId, name: row.name, plannedStart: row.planned_start, plannedEnd: row.planned_end, actualStart: row.actual_start, actualEnd: row.actual_end, weight: row.weight }, after: { milestoneId, ...changes } }, at);
    await touchFigures(deps, trx, project);
    return milestoneView(deps, trx, project, milestoneId);
  });
}

async function checkTaskRefs(trx: Executor, project: ProjectRow, taskId: number, f: { milestoneId?: number; ownerId?: number; dependsOn?: number[] }) {
  const fields: Record<string, string> = {};
  if (f.milestoneId !== undefined) {
    const m = await trx.selectFrom('project_milestones').select('id').where('id', '=', f.milestoneId).where('project_id', '=', project.id).executeTakeFirst();
    if (!m) fields.milestoneId = 'field.notInProject';
  }
  if (f.ownerId !== undefined && !(await isTeamMember(trx, project, f.ownerId))) fields.ownerId = 'field.notMember';
  if (f.dependsOn?.length) {
    const tasks = await trx.selectFrom('project_tasks').select(['id', 'depends_on']).where('project_id', '=', project.id).execute();
    const known = new Set(tasks.map((t) => t.id));
    f.dependsOn.forEach((d, i) => {
      if (!known.has(d)) fields[`dependsOn.${i}`] = 'field.notInProject';
    });
    const graph = new Map(tasks.map((t) => [t.id, JSON.parse(t.depends_on) as number[]]));
    if (!fields['dependsOn.0'] && dependencyCycle(taskId, f.dependsOn, graph)) fields.dependsOn = 'field.dependencyCycle';
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

/** Progress moves the actual dates along: started when first above 0, finished (today) at 100. */
export function withActualDates(t: { progress: number; actual_start: string | null; actual_end: string | null }, today: string) {
  return {
    actual_start: t.actual_start ?? (t.progress > 0 || t.actual_end ? today : null),
    actual_end: t.progress >= 100 ? (t.actual_end ?? today) : t.actual_end,
  };
}

export function createTask(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof taskCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    await checkTaskRefs(trx, project, 0, input);
    const today = todayOf(deps);
    refuseFutureDates({ actualStart: input.actualStart, actualEnd: input.actualEnd }, today);
    const progress = input.actualEnd ? 100 : (input.progress ?? 0);
    const dates = withActualDates({ progress, actual_start: input.actualStart ?? null, actual_end: input.actualEnd ?? null }, today);
    const at = nowIso(deps);
    const last = await trx.selectFrom('project_tasks').select((eb) => eb.fn.max('seq').as('s')).where('milestone_id', '=', input.milestoneId).executeTakeFirst();
    const { id } = await trx
      .insertInto('project_tasks')
      .values({ project_id: projectId, milestone_id: input.milestoneId, seq: Number(last?.s ?? 0) + 1, name: input.name, owner_id: input.ownerId, planned_start: input.plannedStart, planned_end: input.plannedEnd, ...dates, weight: input.weight, progress, depends_on: JSON.stringify(input.dependsOn), note: input.note, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, deps.engine, meta, { action: 'create-task', entity: 'project', entityId: projectId, after: { taskId: id, ...input } }, at);
    await touchFigures(deps, trx, project);
    return taskView((await loadTasks(trx, projectId)).find((t) => t.id === id)!, today);
  });
}

const OWNER_FIELDS = new Set(['version', 'progress', 'actualStart', 'actualEnd', 'note']);

/** The PM edits anything; the task's owner may record progress, actual dates and notes. */
export function updateTask(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, taskId: number, input: z.infer<typeof taskUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireOpen(project);
    const row = (await loadTasks(trx, projectId)).find((t) => t.id === taskId);
    if (!row) throw notFound();
    if (!mayEditTask(meta.actor, { pmId: project.pm_id }, { ownerId: row.owner_id }, Object.keys(input), OWNER_FIELDS)) throw forbidden();
    if (row.version !== input.version) throw versionConflict();
    const today = todayOf(deps);
    refuseFutureDates({ actualStart: input.actualStart, actualEnd: input.actualEnd }, today);
    await checkTaskRefs(trx, project, taskId, input);
    // An actual end finishes the task; progress back under 100 reopens it.
    const progress = input.actualEnd ? 100 : (input.progress ?? Number(row.progress));
    const actualEnd = progress < 100 && input.actualEnd === undefined ? null : input.actualEnd === undefined ? row.actual_end : input.actualEnd;
    const planned = { start: input.plannedStart ?? row.planned_start, end: input.plannedEnd ?? row.planned_end };
    if (planned.start > planned.end) throw invalid({ plannedEnd: 'field.dateOrder' });
    const dates = withActualDates({ progress, actual_start: input.actualStart === undefined ? row.actual_start : input.actualStart, actual_end: actualEnd }, today);
    if (dates.actual_start && dates.actual_end && dates.actual_start > dates.actual_end) throw invalid({ actualEnd: 'field.dateOrder' });
    const at = nowIso(deps);
    const res = await trx
      .updateTable('project_tasks')
      .set({
        ...(input.milestoneId !== undefined && { milestone_id: input.milestoneId }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
        ...(input.weight !== undefined && { weight: input.weight }),
        ...(input.dependsOn !== undefined && { depends_on: JSON.stringify(input.dependsOn) }),
        ...(input.note !== undefined && { note: input.note }),
        planned_start: planned.start,
        planned_end: planned.end,
        progress,
        ...dates,
        version: row.version + 1,
        updated_at: at,
      })
      .where('id', '=', taskId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    const after = (await loadTasks(trx, projectId)).find((t) => t.id === taskId)!;
    await writeAudit(trx, deps.engine, meta, { action: 'update-task', entity: 'project', entityId: projectId, before: taskView(row, today), after: taskView(after, today) }, at);
    await touchFigures(deps, trx, project);
    return taskView(after, today);
  });
}

/** A task not yet started may be removed from the plan. */
export function deleteTask(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, taskId: number) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    requireOpen(project);
    const row = (await loadTasks(trx, projectId)).find((t) => t.id === taskId);
    if (!row) throw notFound();
    const today = todayOf(deps);
    if (taskView(row, today).status !== 'not_started') throw new AppError(409, 'CONFLICT');
    const dependents = await trx.selectFrom('project_tasks').select(['id', 'depends_on']).where('project_id', '=', projectId).execute();
    for (const d of dependents) {
      const on = JSON.parse(d.depends_on) as number[];
      if (on.includes(taskId)) await trx.updateTable('project_tasks').set({ depends_on: JSON.stringify(on.filter((x) => x !== taskId)) }).where('id', '=', d.id).execute();
    }
    await trx.deleteFrom('project_tasks').where('id', '=', taskId).execute();
    const at = nowIso(deps);
    await writeAudit(trx, deps.engine, meta, { action: 'delete-task', entity: 'project', entityId: projectId, before: taskView(row, today) }, at);
    await touchFigures(deps, trx, project);
    return { ok: true as const };
  });
}
