import { sql } from 'kysely';
import type { z } from 'zod';
import { projectActions, projectCan } from '@domain/delivery/delivery.access.js';
import type { ProjectStatus } from '@domain/delivery/project.machine.js';
import { documentChecklist } from '@domain/delivery/documents.rules.js';
import type { projectListQuery, projectUpdateSchema } from '@domain/delivery/project.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { isTeamMember, projectScopeOf } from './delivery.scope.js';
import { salesModule } from '../sales/index.js';
import { findProject, listProjects, membershipsOf, projectSelect, type ProjectRow } from './projects.repo.js';
import { presentProject, presentProjectSummary } from './projects.presenter.js';
import { computeFigures, refreshStats, type Figures } from './project-figures.js';
import { todayOf } from './delivery.support.js';

/** The project in the actor's scope, or 404. */
export async function loadProject(db: Executor, meta: RequestMeta, id: number): Promise<ProjectRow> {
  const row = await findProject(db, id, await projectScopeOf(db, meta.actor));
  if (!row) throw notFound();
  return row;
}

export async function listProjectsFor(db: Executor, meta: RequestMeta, query: z.infer<typeof projectListQuery>) {
  const scope = await projectScopeOf(db, meta.actor);
  const { items, total } = await listProjects(db, scope, { ...query, mineOf: query.mine === 'true' ? meta.actor.id : undefined }, query.page, query.pageSize, query.sort);
  const member = await membershipsOf(db, meta.actor.id, items.map((r) => r.id));
  return { items: items.map((r) => presentProjectSummary(r, meta.actor, member.has(r.id))), total, page: query.page, pageSize: query.pageSize };
}

async function countsOf(db: Executor, projectId: number) {
  const { rows } = await sql<Record<'members' | 'open_issues' | 'escalated' | 'changes' | 'expenses' | 'reports', number>>`
    select
      (select count(*) from project_members where project_id = ${projectId} and active = 1) as members,
      (select count(*) from project_issues where project_id = ${projectId} and status <> 'closed') as open_issues,
      (select count(*) from project_issues where project_id = ${projectId} and status = 'escalated') as escalated,
      (select count(*) from project_change_requests where project_id = ${projectId} and status = 'submitted') as changes,
      (select count(*) from project_expenses where project_id = ${projectId} and status in ('submitted', 'pm_approved')) as expenses,
      (select count(*) from project_progress_reports where project_id = ${projectId}) as reports`.execute(db);
  const r = rows[0]!;
  return {
    members: Number(r.members),
    openIssues: Number(r.open_issues),
    escalatedIssues: Number(r.escalated),
    pendingChanges: Number(r.changes),
    pendingExpenses: Number(r.expenses),
    progressReports: Number(r.reports),
  };
}

export async function archivedCategories(db: Executor, projectId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('project_documents').select('category').distinct().where('project_id', '=', projectId).execute();
  return new Set(rows.map((r) => r.category));
}

/** One project with plan vs actual, cost control, receivables, documents and health as of today. */
export async function getProject(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  const row = await loadProject(db, meta, id);
  return presentDetail(deps, db, meta, row);
}

/** The detail answer; `known` are figures the caller has just computed for today. */
export async function presentDetail(deps: Deps, db: Executor, meta: RequestMeta, row: ProjectRow, known?: Figures) {
  const today = todayOf(deps);
  const actor = meta.actor;
  const [figures, counts, categories, required, retro, member] = await Promise.all([
    known ?? computeFigures(db, row, today),
    countsOf(db, row.id),
    archivedCategories(db, row.id),
    getSetting(db, 'delivery.documents.required', today),
    db.selectFrom('project_retrospectives').select('id').where('project_id', '=', row.id).executeTakeFirst(),
    isTeamMember(db, row, actor.id),
  ]);
  const facts = { status: row.status, pmId: row.pm_id };
  return presentProject(row, actor, member && row.pm_id !== actor.id, {
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    closedAt: row.closed_at,
    writeOffFen: Number(row.write_off_fen),
    writeOffReason: row.write_off_reason,
    asOf: today,
    milestones: figures.milestones,
    budgetLines: figures.lines,
    schedule: {
      percentComplete: figures.schedule.percentComplete,
      plannedPercent: figures.schedule.plannedPercent,
      progressGap: figures.schedule.progressGap,
      maxDaysLate: figures.schedule.maxDaysLate,
      overdueMilestones: figures.schedule.overdueMilestones,
    },
    cost: figures.cost,
    receivables: figures.receivables,
    healthDetail: figures.health,
    documents: documentChecklist(required, row.status as ProjectStatus, categories),
    counts,
    hasRetrospective: !!retro,
    actions: projectActions(actor, facts),
    can: projectCan(actor, facts, member),
  });
}

/** The manager renames the project or hands it to another PM (a pm or specialist) [3.1.3]. */
export function updateProject(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof projectUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await loadProject(trx, meta, id);
    if (row.version !== input.version) throw versionConflict();
    if (input.pmId !== undefined && input.pmId !== row.pm_id) {
      const pm = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', input.pmId).where('active', '=', 1).executeTakeFirst();
      if (!pm) throw invalid({ pmId: 'field.notExists' });
      if (pm.role !== 'pm' && pm.role !== 'specialist') throw invalid({ pmId: 'field.assigneeRole' });
    }
    const at = nowIso(deps);
    const res = await trx
      .updateTable('projects')
      .set({ ...(input.name !== undefined && { name: input.name }), ...(input.pmId !== undefined && { pm_id: input.pmId }), version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'project', entityId: id, before: { name: row.name, pmId: row.pm_id }, after: { name: input.name ?? row.name, pmId: input.pmId ?? row.pm_id } }, at);
    return presentDetail(deps, trx, meta, (await projectSelect(trx).where('j.id', '=', id).executeTakeFirst())!);
  });
}

/** Recomputes the stored figures of a project after a change, inside the change's transaction. */
export async function touchFigures(deps: Deps, trx: Executor, project: number | { id: number; status: string; write_off_fen: number; contract_fen: number }): Promise<void> {
  const row =
    typeof project === 'number'
      ? await trx
          .selectFrom('projects as j')
          .select(['j.id', 'j.status', 'j.write_off_fen', salesModule.queries.contractAmountOf('j.contract_id').as('contract_fen')])
          .where('j.id', '=', project)
          .executeTakeFirstOrThrow()
      : project;
  await refreshStats(trx, row, todayOf(deps), nowIso(deps));
}
