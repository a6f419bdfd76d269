import type { z } from 'zod';
import type { Actor } from '@domain/shared/actor.js';
import { changeActions } from '@domain/delivery/delivery.access.js';
import { changeMachine, type ChangeStatus } from '@domain/delivery/change.machine.js';
import { applyChange, changeImpact, changeProblems } from '@domain/delivery/change.rules.js';
import type { ChangeCreate, ChangeDto, PlanSnapshot, changeDecisionSchema } from '@domain/delivery/change.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { decideApproval, startApproval } from '../../platform/approvals/approvals.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { nextCode } from '../../platform/db/counters.js';
import { requireOpen, requireTeamMember } from './delivery.scope.js';
import { loadProject, touchFigures } from './projects.service.js';
import type { ProjectRow } from './projects.repo.js';
import { loadLineSpends } from './project-figures.js';
import { errorWith, refuseFutureDates, todayOf, yuan } from './delivery.support.js';

type Proposed = Pick<ChangeCreate, 'milestoneChanges' | 'newMilestones' | 'budgetChanges' | 'newBudgetLines' | 'endDate'>;

function changeSelect(db: Executor) {
  return db
    .selectFrom('project_change_requests as r')
    .leftJoin('users as c', 'c.id', 'r.created_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select(['c.name as created_by_name', 'd.name as decided_by_name']);
}
type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeSelect>['executeTakeFirstOrThrow']>>;

function present(r: ChangeRow, actor: Actor): ChangeDto {
  const proposed = JSON.parse(r.changes_json) as Proposed;
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    projectId: r.project_id,
    status: r.status as ChangeStatus,
    title: r.title,
    description: r.description,
    requestedBy: r.requested_by,
    requestedOn: r.requested_on,
    scopeImpact: r.scope_impact,
    scheduleImpact: r.schedule_impact,
    budgetImpactFen: Number(r.budget_impact_fen),
    scheduleImpactDays: r.schedule_impact_days,
    milestoneChanges: proposed.milestoneChanges,
    newMilestones: proposed.newMilestones,
    budgetChanges: proposed.budgetChanges,
    newBudgetLines: proposed.newBudgetLines,
    endDate: proposed.endDate ?? null,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    before: r.before_json ? (JSON.parse(r.before_json) as PlanSnapshot) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as PlanSnapshot) : null,
    actions: changeActions(actor, { status: r.status }),
  };
}

/** The plan and budget as they stand: milestones, lines, end date, total. */
async function snapshot(db: Executor, project: { id: number; end_date: string }): Promise<PlanSnapshot> {
  const [milestones, lines] = await Promise.all([
    db.selectFrom('project_milestones').select(['id', 'name', 'planned_start', 'planned_end']).where('project_id', '=', project.id).orderBy('seq').orderBy('id').execute(),
    db.selectFrom('project_budget_lines').select(['id', 'item', 'amount_fen']).where('project_id', '=', project.id).orderBy('seq').orderBy('id').execute(),
  ]);
  const budgetLines = lines.map((l) => ({ id: l.id, item: l.item, amountFen: Number(l.amount_fen) }));
  return {
    endDate: project.end_date,
    budgetFen: budgetLines.reduce((s, l) => s + l.amountFen, 0),
    milestones: milestones.map((m) => ({ id: m.id, name: m.name, plannedStart: m.planned_start, plannedEnd: m.planned_end })),
    budgetLines,
  };
}

export async function listChanges(db: Executor, meta: RequestMeta, projectId: number) {
  await loadProject(db, meta, projectId);
  const items = (await changeSelect(db).where('r.project_id', '=', projectId).orderBy('r.id', 'desc').execute()).map((r) => present(r, meta.actor));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

async function loadChange(db: Executor, projectId: number, changeId: number) {
  const row = await changeSelect(db).where('r.id', '=', changeId).where('r.project_id', '=', projectId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function getChange(db: Executor, meta: RequestMeta, projectId: number, changeId: number) {
  await loadProject(db, meta, projectId);
  return present(await loadChange(db, projectId, changeId), meta.actor);
}

/** A change request by its id alone (approvals refer to it so); 404 outside the actor's projects. */
export async function getChangeById(db: Executor, meta: RequestMeta, changeId: number) {
  const row = await db.selectFrom('project_change_requests').select('project_id').where('id', '=', changeId).executeTakeFirst();
  if (!row) throw notFound();
  return getChange(db, meta, row.project_id, changeId);
}

/** [3.2.4] the PM or a specialist on the team logs the customer's change with its impact; the manager is asked to decide. */
export function createChange(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: ChangeCreate) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    refuseFutureDates({ requestedOn: input.requestedOn }, todayOf(deps));
    const before = await snapshot(trx, project);
    const problems = changeProblems(before, input);
    if (Object.keys(problems).length) throw invalid(problems);
    const impact = changeImpact(before, applyChange(before, input));
    const at = nowIso(deps);
    const code = await nextCode(trx, 'CR', deps.now().getUTCFullYear(), 4);
    const proposed: Proposed = { milestoneChanges: input.milestoneChanges, newMilestones: input.newMilestones, budgetChanges: input.budgetChanges, newBudgetLines: input.newBudgetLines, endDate: input.endDate };
    const { id } = await trx
      .insertInto('project_change_requests')
      .values({ project_id: projectId, code, status: 'submitted', title: input.title, description: input.description, requested_by: input.requestedBy, requested_on: input.requestedOn, scope_impact: input.scopeImpact, schedule_impact: input.scheduleImpact, budget_impact_fen: impact.budgetImpactFen, schedule_impact_days: impact.scheduleImpactDays, changes_json: JSON.stringify(proposed), before_json: null, after_json: null, decided_by: null, decided_at: null, decision_comment: null, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const managers = (await trx.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).execute()).map((r) => r.id);
    await startApproval(trx, deps, meta, { entity: 'project_change', entityId: id, title: `${project.name}：${input.title}`, amountFen: Math.abs(impact.budgetImpactFen), steps: [{ approverIds: managers, mode: 'any' }] });
    const dto = present((await changeSelect(trx).where('r.id', '=', id).executeTakeFirst())!, meta.actor);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project_change', entityId: id, after: dto }, at);
    return dto;
  });
}

/** Applies an approved change to the plan and budget, all or nothing; answers the plan before and after. */
async function applyToProject(trx: Executor, meta: RequestMeta, project: ProjectRow, proposed: Proposed) {
  const before = await snapshot(trx, project);
  const problems = changeProblems(before, proposed);
  if (Object.keys(problems).length) throw invalid(problems);
  const spent = new Map((await loadLineSpends(trx, project.id)).map((l) => [l.id, l.spentFen]));
  const below: Record<string, [string, Record<string, unknown>]> = {};
  proposed.budgetChanges.forEach((c, i) => {
    const s = spent.get(c.budgetLineId) ?? 0;
    if (c.amountFen < s) below[`budgetChanges.${i}.amountFen`] = ['field.belowSpent', { spent: yuan(s) }];
  });
  if (Object.keys(below).length) throw errorWith(meta, 409, 'CONFLICT', below);
  const after = applyChange(before, proposed);
  for (const c of proposed.milestoneChanges) {
    const m = after.milestones.find((x) => x.id === c.milestoneId)!;
    await trx.updateTable('project_milestones').set({ planned_start: m.plannedStart, planned_end: m.plannedEnd }).where('id', '=', c.milestoneId).where('project_id', '=', project.id).execute();
  }
  const seq = await trx.selectFrom('project_milestones').select((eb) => eb.fn.max('seq').as('s')).where('project_id', '=', project.id).executeTakeFirst();
  let next = Number(seq?.s ?? 0);
  for (const m of proposed.newMilestones) {
    const { id } = await trx.insertInto('project_milestones').values({ project_id: project.id, seq: ++next, name: m.name, planned_start: m.plannedStart, planned_end: m.plannedEnd, deliverable: m.deliverable, weight: m.weight }).returning('id').executeTakeFirstOrThrow();
    after.milestones.find((x) => x.id === 0 && x.name === m.name)!.id = id;
  }
  for (const c of proposed.budgetChanges) await trx.updateTable('project_budget_lines').set({ amount_fen: c.amountFen }).where('id', '=', c.budgetLineId).where('project_id', '=', project.id).execute();
  const lineSeq = await trx.selectFrom('project_budget_lines').select((eb) => eb.fn.max('seq').as('s')).where('project_id', '=', project.id).executeTakeFirst();
  let nextLine = Number(lineSeq?.s ?? 0);
  for (const l of proposed.newBudgetLines) {
    const { id } = await trx.insertInto('project_budget_lines').values({ project_id: project.id, seq: ++nextLine, item: l.item, amount_fen: l.amountFen }).returning('id').executeTakeFirstOrThrow();
    after.budgetLines.find((x) => x.id === 0 && x.item === l.item)!.id = id;
  }
  await trx.updateTable('projects').set({ end_date: after.endDate, budget_fen: after.budgetFen, version: project.version + 1 }).where('id', '=', project.id).execute();
  return { before, after };
}

/** The manager decides through the shared approval; an approval updates plan and budget in the same transaction. */
export function decideChange(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, changeId: number, action: 'approve' | 'reject', input: z.infer<typeof changeDecisionSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    const row = await loadChange(trx, projectId, changeId);
    const to = transitionOrThrow(changeMachine, row.status, action, meta.actor);
    requireOpen(project);
    const { outcome } = await decideApproval(trx, deps, meta, { entity: 'project_change', entityId: changeId, decision: action === 'approve' ? 'approve' : 'return', comment: input.comment });
    const at = nowIso(deps);
    if (outcome === 'pending') return present(row, meta.actor);
    let plan: { before: PlanSnapshot; after: PlanSnapshot } | null = null;
    if (outcome === 'approved') plan = await applyToProject(trx, meta, project, JSON.parse(row.changes_json) as Proposed);
    const res = await trx
      .updateTable('project_change_requests')
      .set({ status: outcome === 'approved' ? to : 'rejected', decided_by: meta.actor.id, decided_at: at, decision_comment: input.comment ?? null, before_json: plan ? JSON.stringify(plan.before) : null, after_json: plan ? JSON.stringify(plan.after) : null, version: row.version + 1, updated_at: at })
      .where('id', '=', changeId)
      .where('status', '=', 'submitted')
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'project_change', entityId: changeId, before: { status: row.status, plan: plan?.before ?? null }, after: { status: outcome === 'approved' ? 'approved' : 'rejected', comment: input.comment ?? null, plan: plan?.after ?? null } }, at);
    if (plan) {
      await writeAudit(trx, deps.engine, meta, { action: 'apply-change', entity: 'project', entityId: projectId, before: plan.before, after: plan.after }, at);
      await touchFigures(deps, trx, project);
    }
    return present((await changeSelect(trx).where('r.id', '=', changeId).executeTakeFirst())!, meta.actor);
  });
}
