import type { z } from 'zod';
import type { ApprovalDto } from '@domain/approvals/approval.schema.js';
import { exceedsBudget, lineUsage } from '@domain/delivery/cost.rules.js';
import { mayPayExpense } from '@domain/delivery/delivery.access.js';
import { expenseMachine, type ExpenseAction } from '@domain/delivery/expense.machine.js';
import type { ExpenseCreate, expenseApproveSchema, expenseListQuery, expensePaySchema } from '@domain/delivery/expense.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { decideApproval, getApproval, startApproval } from '../../platform/approvals/approvals.js';
import { awaitedAmong } from '../../platform/approvals/my-approvals.js';
import { attachmentsOf, linkAttachments } from '../../platform/files/attachments.js';
import { notify } from '../../platform/notify/notify.js';
import { getSetting } from '../../platform/settings/settings.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { nextCode } from '../../platform/db/counters.js';
import { projectScopeOf, requireTeamMember } from './delivery.scope.js';
import { loadProject, touchFigures } from './projects.service.js';
import { expenseSelect, findExpense, lineTotals, listExpenses, type ExpenseRow } from './expenses.repo.js';
import { presentExpense } from './expenses.presenter.js';
import { errorWith, refuseFutureDates, todayOf, yuan } from './delivery.support.js';

async function presentMany(deps: Deps, db: Executor, meta: RequestMeta, rows: ExpenseRow[]) {
  const ids = rows.map((r) => r.id);
  const [lines, receipts, mine, warningPct] = await Promise.all([
    lineTotals(db, [...new Set(rows.map((r) => r.budget_line_id))]),
    attachmentsOf(db, 'expense', ids),
    awaitedAmong(db, 'expense', meta.actor.id, ids),
    getSetting(db, 'delivery.budget.warningPct', todayOf(deps)),
  ]);
  return rows.map((r) => presentExpense(r, meta.actor, { line: lines.get(r.budget_line_id) ?? { spent: 0, committed: 0 }, receipts: receipts.get(r.id) ?? [], awaitingMe: mine.has(r.id), warningPct }));
}

async function reload(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  const [dto] = await presentMany(deps, db, meta, [(await expenseSelect(db).where('e.id', '=', id).executeTakeFirst())!]);
  return dto!;
}

export async function listExpensesFor(deps: Deps, db: Executor, meta: RequestMeta, q: z.infer<typeof expenseListQuery>) {
  if (q.projectId) await loadProject(db, meta, q.projectId);
  const scope = await projectScopeOf(db, meta.actor);
  const { items, total } = await listExpenses(db, scope, meta.actor, q, q.page, q.pageSize, q.sort);
  return { items: await presentMany(deps, db, meta, items), total, page: q.page, pageSize: q.pageSize };
}

/** One claim with its receipts and the approval's timeline. */
export async function getExpense(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  const row = await findExpense(db, id, await projectScopeOf(db, meta.actor), meta.actor.id);
  if (!row) throw notFound();
  const [dto] = await presentMany(deps, db, meta, [row]);
  return { ...dto!, approval: await getApproval(db, 'expense', id) };
}

/**
 * [3.2.5] a team member claims an expense on one of the project's budget lines with receipts;
 * the PM approves first (unless the PM is the claimant), then the department manager.
 */
export function claimExpense(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: ExpenseCreate) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    if (project.status === 'closed') throw errorWith(meta, 409, 'PROJECT_CLOSED', { projectId: ['field.projectClosed'] });
    const today = todayOf(deps);
    refuseFutureDates({ expenseDate: input.expenseDate }, today);
    const line = await trx.selectFrom('project_budget_lines').select(['id', 'item', 'amount_fen']).where('id', '=', input.budgetLineId).where('project_id', '=', projectId).executeTakeFirst();
    if (!line) throw invalid({ budgetLineId: 'field.notInProject' });
    const totals = (await lineTotals(trx, [line.id])).get(line.id) ?? { spent: 0, committed: 0 };
    const over = lineUsage({ budgetFen: Number(line.amount_fen), spentFen: totals.spent, committedFen: totals.committed + input.amountFen }, 100).level === 'over';
    const at = nowIso(deps);
    const code = await nextCode(trx, 'BX', deps.now().getUTCFullYear(), 5);
    const { id } = await trx
      .insertInto('project_expenses')
      .values({ code, project_id: projectId, budget_line_id: line.id, claimant_id: meta.actor.id, category: input.category, amount_fen: input.amountFen, expense_date: input.expenseDate, description: input.description, status: 'submitted', over_budget: over ? 1 : 0, over_budget_approved_by: null, pm_approved_at: null, approved_at: null, rejected_at: null, rejected_by: null, reject_reason: null, paid_on: null, paid_by: null, paid_note: null, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkAttachments(trx, { ids: input.attachmentIds, entity: 'expense', entityId: id, actor: meta.actor });
    const managers = (await trx.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).execute()).map((r) => r.id);
    const steps: Array<{ approverIds: number[]; mode: 'any' }> = meta.actor.id === project.pm_id ? [] : [{ approverIds: [project.pm_id], mode: 'any' }];
    steps.push({ approverIds: managers, mode: 'any' });
    await startApproval(trx, deps, meta, { entity: 'expense', entityId: id, title: `${project.name}：${input.description}（${yuan(input.amountFen)} 元）`, amountFen: input.amountFen, steps });
    const dto = await reload(deps, trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'expense', entityId: id, after: dto }, at);
    await touchFigures(deps, trx, project);
    return dto;
  });
}

async function loadForAction(trx: Executor, meta: RequestMeta, id: number) {
  const row = await findExpense(trx, id, await projectScopeOf(trx, meta.actor), meta.actor.id);
  if (!row) throw notFound();
  return row;
}

const OPEN = new Set(['submitted', 'pm_approved']);

/** The actor decided a step of this claim's approval and is not awaited now: a second decision comes too late (409). */
function alreadyDecided(approval: ApprovalDto | null, userId: number): boolean {
  if (!approval) return false;
  const awaited = approval.status === 'pending' && approval.pendingApproverIds.includes(userId);
  return !awaited && approval.steps.some((s) => s.approverId === userId && (s.decision === 'approved' || s.decision === 'returned'));
}

async function guarded(trx: Executor, row: ExpenseRow, values: Record<string, unknown>) {
  const res = await trx.updateTable('project_expenses').set({ ...values, version: row.version + 1 }).where('id', '=', row.id).where('status', '=', row.status).where('version', '=', row.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
}

/**
 * Approve the current step: the PM's (→ pm_approved) or the manager's (→ approved; finance is
 * told). A claim taking its line past the budget needs the manager's `confirmOverBudget`.
 */
export function approveExpense(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof expenseApproveSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const approval = await getApproval(trx, 'expense', id);
    if (!OPEN.has(row.status) || alreadyDecided(approval, meta.actor.id)) throw invalidTransition({ from: row.status, action: 'approve' });
    const pmStep = row.status === 'submitted' && approval?.status === 'pending' && approval.currentStep === 1 && approval.stepCount > 1;
    const action: ExpenseAction = pmStep ? 'pm-approve' : 'approve';
    const to = transitionOrThrow(expenseMachine, row.status, action, meta.actor);
    let overBudget = false;
    if (action === 'approve') {
      const totals = (await lineTotals(trx, [row.budget_line_id])).get(row.budget_line_id) ?? { spent: 0, committed: 0 };
      overBudget = exceedsBudget({ budgetFen: Number(row.line_budget_fen), spentFen: totals.spent }, Number(row.amount_fen));
      if (overBudget && input.confirmOverBudget !== true && approval?.pendingApproverIds.includes(meta.actor.id)) {
        const over = totals.spent + Number(row.amount_fen) - Number(row.line_budget_fen);
        throw errorWith(meta, 409, 'OVER_BUDGET', { confirmOverBudget: ['field.overBudgetConfirm', { item: row.line_item, over: yuan(over) }] });
      }
    }
    const { outcome } = await decideApproval(trx, deps, meta, { entity: 'expense', entityId: id, decision: 'approve', comment: input.comment });
    const at = nowIso(deps);
    if (outcome === 'pending') {
      await guarded(trx, row, { status: 'pm_approved', pm_approved_at: at, updated_at: at });
    } else {
      await guarded(trx, row, { status: to, approved_at: at, over_budget: overBudget ? 1 : 0, over_budget_approved_by: overBudget ? meta.actor.id : null, ...(row.status === 'submitted' && action === 'pm-approve' && { pm_approved_at: at }), updated_at: at });
      const finance = (await trx.selectFrom('users').select('id').where('role', '=', 'finance').where('active', '=', 1).execute()).map((r) => r.id);
      await notify(trx, deps, { userIds: finance, kind: 'expense.awaiting_payment', params: { title: row.description, amount: yuan(Number(row.amount_fen)) }, entity: 'expense', entityId: id, link: `/expenses?id=${id}` });
    }
    const after = outcome === 'pending' ? 'pm_approved' : to;
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'expense', entityId: id, before: { status: row.status }, after: { status: after, comment: input.comment ?? null, ...(overBudget && { overBudgetApproved: true }) } }, at);
    await touchFigures(deps, trx, row.project_id);
    return reload(deps, trx, meta, id);
  });
}

/** Reject with a reason: an approver at their step (through the approval), or finance before paying. */
export function rejectExpense(deps: Deps, db: Executor, meta: RequestMeta, id: number, reason: string) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const approval = await getApproval(trx, 'expense', id);
    if (alreadyDecided(approval, meta.actor.id)) throw invalidTransition({ from: row.status, action: 'reject' });
    const to = transitionOrThrow(expenseMachine, row.status, 'reject', meta.actor);
    const at = nowIso(deps);
    if (row.status === 'approved') {
      if (!mayPayExpense(meta.actor)) throw forbidden();
      await notify(trx, deps, { userIds: [row.claimant_id], kind: 'expense.rejected', params: { title: row.description, actor: meta.actor.name, reason }, entity: 'expense', entityId: id, link: `/expenses?id=${id}` });
    } else {
      await decideApproval(trx, deps, meta, { entity: 'expense', entityId: id, decision: 'return', comment: reason });
    }
    await guarded(trx, row, { status: to, rejected_at: at, rejected_by: meta.actor.id, reject_reason: reason, updated_at: at });
    await writeAudit(trx, deps.engine, meta, { action: 'transition:reject', entity: 'expense', entityId: id, before: { status: row.status }, after: { status: to, reason } }, at);
    await touchFigures(deps, trx, row.project_id);
    return reload(deps, trx, meta, id);
  });
}

/** Finance pays an approved claim. */
export function payExpense(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof expensePaySchema>) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const to = transitionOrThrow(expenseMachine, row.status, 'pay', meta.actor);
    const today = todayOf(deps);
    const paidOn = input.paidOn ?? today;
    refuseFutureDates({ paidOn }, today);
    if (paidOn < row.expense_date) throw invalid({ paidOn: 'field.dateOrder' });
    const at = nowIso(deps);
    await guarded(trx, row, { status: to, paid_on: paidOn, paid_by: meta.actor.id, paid_note: input.note ?? null, updated_at: at });
    await notify(trx, deps, { userIds: [row.claimant_id], kind: 'expense.paid', params: { title: row.description, amount: yuan(Number(row.amount_fen)) }, entity: 'expense', entityId: id, link: `/expenses?id=${id}` });
    await writeAudit(trx, deps.engine, meta, { action: 'transition:pay', entity: 'expense', entityId: id, before: { status: row.status }, after: { status: to, paidOn } }, at);
    await touchFigures(deps, trx, row.project_id);
    return reload(deps, trx, meta, id);
  });
}
