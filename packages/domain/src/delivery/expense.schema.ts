import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase } from '../shared/common.schema.js';
import { attachmentSchema } from '../files/attachment.schema.js';
import { EXPENSE_STATUSES } from './expense.machine.js';

const int = z.number().int();

export const EXPENSE_CATEGORIES = ['travel', 'accommodation', 'meals', 'transport', 'materials', 'outsourcing', 'communication', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** [3.2.5] a claim against one budget line of the project, with its receipts. */
export const expenseCreateSchema = z.strictObject({
  budgetLineId: z.number().int().positive(),
  category: z.enum(EXPENSE_CATEGORIES),
  amountFen: z.number().int().min(1).max(1e11),
  expenseDate: isoDate,
  description: z.string().trim().min(1).max(LIMITS.medium),
  attachmentIds: z.array(z.number().int().positive()).min(1).max(20),
});
export type ExpenseCreate = z.infer<typeof expenseCreateSchema>;

/** The manager must confirm explicitly when the claim takes its line past the budget. */
export const expenseApproveSchema = z.strictObject({
  comment: z.string().trim().max(LIMITS.long).optional(),
  confirmOverBudget: z.boolean().optional(),
});
export const expenseRejectSchema = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.long) });
export const expensePaySchema = z.strictObject({ paidOn: isoDate.optional(), note: z.string().trim().max(LIMITS.medium).optional() });

export const expenseSchema = z.object({
  id: int,
  version: int,
  code: z.string(),
  projectId: int,
  projectCode: z.string(),
  projectName: z.string(),
  budgetLineId: int,
  budgetLineItem: z.string(),
  claimantId: int,
  claimantName: z.string(),
  category: z.enum(EXPENSE_CATEGORIES),
  amountFen: int,
  expenseDate: z.string(),
  description: z.string(),
  status: z.enum(EXPENSE_STATUSES),
  /** Would take the line past its budget (as of now for open claims; as decided for finished ones). */
  overBudget: z.boolean(),
  overBudgetApprovedBy: int.nullable(),
  overBudgetApprovedByName: z.string().nullable(),
  pmApprovedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidByName: z.string().nullable(),
  createdAt: z.string(),
  /** Whose move it is. */
  awaiting: z.enum(['pm', 'manager', 'finance']).nullable(),
  line: z.object({ budgetFen: int, spentFen: int, committedFen: int, usagePct: z.number().nullable(), level: z.enum(['ok', 'warning', 'over']) }),
  receipts: z.array(attachmentSchema),
  actions: z.array(z.string()),
});
export type ExpenseDto = z.infer<typeof expenseSchema>;

export const expenseListQuery = z.strictObject({
  ...listQueryBase,
  status: z.string().regex(/^[a-z_,]+$/).max(80).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  claimantId: z.coerce.number().int().positive().optional(),
  /** `claimed`: my claims; `todo`: waiting for me (approve or pay). */
  mine: z.enum(['claimed', 'todo']).optional(),
});
export const projectExpenseListQuery = expenseListQuery.omit({ projectId: true });
export const expenseParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), expenseId: z.coerce.number().int().positive() });
