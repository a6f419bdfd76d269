import { z } from 'zod';
import { LIMITS, isoDate, requiredShortText } from '../shared/common.schema.js';
import { CHANGE_STATUSES } from './change.machine.js';

const int = z.number().int();
const fen = z.number().int().min(0).max(1e13);

/** What the change does to the plan and budget; applied as a whole when the manager approves. */
const changeContent = {
  title: requiredShortText,
  description: z.string().trim().min(1).max(LIMITS.long),
  requestedBy: requiredShortText,
  requestedOn: isoDate,
  scopeImpact: z.string().trim().max(LIMITS.long).default(''),
  scheduleImpact: z.string().trim().max(LIMITS.long).default(''),
  milestoneChanges: z
    .array(z.strictObject({ milestoneId: z.number().int().positive(), plannedStart: isoDate.optional(), plannedEnd: isoDate.optional() }))
    .max(50)
    .default([]),
  newMilestones: z
    .array(z.strictObject({ name: requiredShortText, plannedStart: isoDate, plannedEnd: isoDate, deliverable: z.string().trim().max(LIMITS.medium).default(''), weight: z.number().int().min(1).max(100).default(1) }))
    .max(20)
    .default([]),
  budgetChanges: z.array(z.strictObject({ budgetLineId: z.number().int().positive(), amountFen: fen })).max(50).default([]),
  newBudgetLines: z.array(z.strictObject({ item: requiredShortText, amountFen: fen })).max(20).default([]),
  /** A new planned end for the whole project. */
  endDate: isoDate.optional(),
};

export const changeCreateSchema = z.strictObject(changeContent).superRefine((v, ctx) => {
  v.newMilestones.forEach((m, i) => {
    if (m.plannedStart > m.plannedEnd) ctx.addIssue({ code: 'custom', message: 'field.dateOrder', path: ['newMilestones', i, 'plannedEnd'] });
  });
  v.milestoneChanges.forEach((m, i) => {
    if (!m.plannedStart && !m.plannedEnd) ctx.addIssue({ code: 'custom', message: 'field.required', path: ['milestoneChanges', i, 'plannedEnd'] });
  });
  const ids = v.milestoneChanges.map((m) => m.milestoneId);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'field.duplicateItem', path: ['milestoneChanges'] });
  const lines = v.budgetChanges.map((b) => b.budgetLineId);
  if (new Set(lines).size !== lines.length) ctx.addIssue({ code: 'custom', message: 'field.duplicateItem', path: ['budgetChanges'] });
});
export type ChangeCreate = z.infer<typeof changeCreateSchema>;

export const changeDecisionSchema = z.strictObject({ comment: z.string().trim().max(LIMITS.long).optional() });

/** The plan and budget as they stood before, and after, an approved change. */
export const planSnapshotSchema = z.object({
  endDate: z.string(),
  budgetFen: int,
  milestones: z.array(z.object({ id: int, name: z.string(), plannedStart: z.string(), plannedEnd: z.string() })),
  budgetLines: z.array(z.object({ id: int, item: z.string(), amountFen: int })),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const changeSchema = z.object({
  id: int,
  version: int,
  code: z.string(),
  projectId: int,
  status: z.enum(CHANGE_STATUSES),
  title: z.string(),
  description: z.string(),
  requestedBy: z.string(),
  requestedOn: z.string(),
  scopeImpact: z.string(),
  scheduleImpact: z.string(),
  /** Budget after minus before, as proposed. */
  budgetImpactFen: int,
  /** Latest planned end after minus before, as proposed. */
  scheduleImpactDays: int,
  milestoneChanges: z.array(z.object({ milestoneId: int, plannedStart: z.string().optional(), plannedEnd: z.string().optional() })),
  newMilestones: z.array(z.object({ name: z.string(), plannedStart: z.string(), plannedEnd: z.string(), deliverable: z.string(), weight: int })),
  budgetChanges: z.array(z.object({ budgetLineId: int, amountFen: int })),
  newBudgetLines: z.array(z.object({ item: z.string(), amountFen: int })),
  endDate: z.string().nullable(),
  createdBy: int.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  decidedBy: int.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  before: planSnapshotSchema.nullable(),
  after: planSnapshotSchema.nullable(),
  actions: z.array(z.string()),
});
export type ChangeDto = z.infer<typeof changeSchema>;

export const changeParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), changeId: z.coerce.number().int().positive() });
