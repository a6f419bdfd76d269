import type { Actor } from '@domain/shared/actor.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import type { ExpenseCategory, ExpenseDto } from '@domain/delivery/expense.schema.js';
import type { ExpenseStatus } from '@domain/delivery/expense.machine.js';
import { exceedsBudget, lineUsage } from '@domain/delivery/cost.rules.js';
import { expenseActions } from '@domain/delivery/delivery.access.js';
import type { ExpenseRow } from './expenses.repo.js';

export type ExpenseContext = { line: { spent: number; committed: number }; receipts: AttachmentDto[]; awaitingMe: boolean; warningPct: number };

function awaiting(r: ExpenseRow): ExpenseDto['awaiting'] {
  if (r.status === 'submitted') return r.claimant_id === r.project_pm_id ? 'manager' : 'pm';
  if (r.status === 'pm_approved') return 'manager';
  if (r.status === 'approved') return 'finance';
  return null;
}

export function presentExpense(r: ExpenseRow, actor: Actor, ctx: ExpenseContext): ExpenseDto {
  const budgetFen = Number(r.line_budget_fen);
  const amount = Number(r.amount_fen);
  const open = r.status === 'submitted' || r.status === 'pm_approved';
  const usage = lineUsage({ budgetFen, spentFen: ctx.line.spent, committedFen: ctx.line.committed }, ctx.warningPct);
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    budgetLineId: r.budget_line_id,
    budgetLineItem: r.line_item,
    claimantId: r.claimant_id,
    claimantName: r.claimant_name,
    category: r.category as ExpenseCategory,
    amountFen: amount,
    expenseDate: r.expense_date,
    description: r.description,
    status: r.status as ExpenseStatus,
    overBudget: open ? exceedsBudget({ budgetFen, spentFen: ctx.line.spent }, amount) : r.over_budget === 1,
    overBudgetApprovedBy: r.over_budget_approved_by,
    overBudgetApprovedByName: r.over_budget_approved_by_name,
    pmApprovedAt: r.pm_approved_at,
    approvedAt: r.approved_at,
    rejectedAt: r.rejected_at,
    rejectedByName: r.rejected_by_name,
    rejectReason: r.reject_reason,
    paidOn: r.paid_on,
    paidByName: r.paid_by_name,
    createdAt: r.created_at,
    awaiting: awaiting(r),
    line: { budgetFen, spentFen: ctx.line.spent, committedFen: ctx.line.committed, usagePct: usage.usagePct, level: usage.level },
    receipts: ctx.receipts,
    actions: expenseActions(actor, { status: r.status }, ctx.awaitingMe),
  };
}
