import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase, requiredShortText, versionField } from '../shared/common.schema.js';
import { PROJECT_STATUSES } from './project.machine.js';
import { HEALTH_LEVELS } from './health.rules.js';
import { DOCUMENT_CATEGORIES } from './documents.rules.js';
import { AGEING_BUCKETS } from './receivables.rules.js';

const int = z.number().int();
const pct = z.number();

export const healthSchema = z.object({
  level: z.enum(HEALTH_LEVELS),
  factors: z.array(z.object({ factor: z.enum(['schedule', 'progress', 'cost', 'issues']), level: z.enum(['amber', 'red']) })),
});

/** A project as lists show it: state, PM, health, progress, budget use, receivables. */
export const projectSummarySchema = z.object({
  id: int,
  version: int,
  code: z.string(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  contractId: int,
  contractNumber: z.string(),
  contractFen: int,
  customerId: int,
  customerName: z.string(),
  pmId: int,
  pmName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  budgetFen: int,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Null until the project's figures were first computed (a project nobody touched since signing). */
  health: z.enum(HEALTH_LEVELS).nullable(),
  percentComplete: pct.nullable(),
  plannedPercent: pct.nullable(),
  spentFen: int.nullable(),
  budgetUsagePct: pct.nullable(),
  outstandingFen: int.nullable(),
  overdueFen: int.nullable(),
  /** The user's place in it: the PM, a team member, or neither (seen through their role). */
  myRole: z.enum(['pm', 'member']).nullable(),
});
export type ProjectSummaryDto = z.infer<typeof projectSummarySchema>;

export const milestoneViewSchema = z.object({
  id: int,
  version: int,
  seq: int,
  name: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  deliverable: z.string(),
  weight: int,
  progress: pct,
  plannedPercent: pct,
  status: z.enum(['not_started', 'in_progress', 'done', 'overdue']),
  varianceDays: int.nullable(),
  daysLate: int,
  taskCount: int,
});
export type MilestoneViewDto = z.infer<typeof milestoneViewSchema>;

export const budgetLineViewSchema = z.object({
  id: int,
  seq: int,
  item: z.string(),
  amountFen: int,
  spentFen: int,
  committedFen: int,
  usedFen: int,
  usagePct: pct.nullable(),
  varianceFen: int,
  remainingFen: int,
  level: z.enum(['ok', 'warning', 'over']),
});
export type BudgetLineViewDto = z.infer<typeof budgetLineViewSchema>;

export const receivablesSchema = z.object({
  contractFen: int,
  invoicedFen: int,
  receivedFen: int,
  outstandingFen: int,
  overdueFen: int,
  uninvoicedFen: int,
  writtenOffFen: int,
  settled: z.boolean(),
});

export const ageingSchema = z.object(Object.fromEntries(AGEING_BUCKETS.map((b) => [b, int])) as Record<(typeof AGEING_BUCKETS)[number], typeof int>);

export const documentChecklistSchema = z.array(z.object({ stage: z.enum(PROJECT_STATUSES), category: z.enum(DOCUMENT_CATEGORIES), present: z.boolean(), due: z.boolean() }));

/** What the current user may do with the project (the UI shows buttons from this). */
export const projectCanSchema = z.object({
  manage: z.boolean(),
  report: z.boolean(),
  claimExpense: z.boolean(),
  invoice: z.boolean(),
  recordPayment: z.boolean(),
  writeOff: z.boolean(),
  decideIssues: z.boolean(),
  decideChanges: z.boolean(),
});

/** One project with plan vs actual, cost control, receivables, documents and health, computed as of today. */
export const projectSchema = projectSummarySchema.extend({
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  closedAt: z.string().nullable(),
  writeOffFen: int,
  writeOffReason: z.string().nullable(),
  asOf: z.string(),
  milestones: z.array(milestoneViewSchema),
  budgetLines: z.array(budgetLineViewSchema),
  schedule: z.object({ percentComplete: pct, plannedPercent: pct, progressGap: pct, maxDaysLate: int, overdueMilestones: int }),
  cost: z.object({ budgetFen: int, spentFen: int, committedFen: int, varianceFen: int, spentPct: pct, overrunPct: pct, maxUsagePct: pct, warnings: int, warningPct: pct }),
  receivables: receivablesSchema,
  healthDetail: healthSchema,
  documents: documentChecklistSchema,
  counts: z.object({ members: int, openIssues: int, escalatedIssues: int, pendingChanges: int, pendingExpenses: int, progressReports: int }),
  hasRetrospective: z.boolean(),
  actions: z.array(z.string()),
  can: projectCanSchema,
});
export type ProjectDto = z.infer<typeof projectSchema>;

export const projectListQuery = z.strictObject({
  ...listQueryBase,
  status: z.string().regex(/^[a-z_,]+$/).max(120).optional(),
  health: z.enum([...HEALTH_LEVELS, 'unrated']).optional(),
  pmId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  /** Only projects the user leads or is on the team of ("my projects"). */
  mine: z.enum(['true', 'false']).optional(),
});

/** The manager re-assigns the PM or renames the project. */
export const projectUpdateSchema = z.strictObject({
  version: versionField,
  name: requiredShortText.optional(),
  pmId: z.number().int().positive().optional(),
});

export const projectStartSchema = z.strictObject({ actualStart: isoDate.optional() });

/** Customer sign-off [3.3.2]: date, who signed, the signed document. */
export const projectSettleSchema = z.strictObject({
  acceptedDate: isoDate,
  signer: requiredShortText,
  note: z.string().trim().max(LIMITS.long).default(''),
  attachmentIds: z.array(z.number().int().positive()).min(1).max(20),
});

/** Back to execution with what must be redone [3.3.2]. */
export const projectReworkSchema = z.strictObject({
  reason: z.string().trim().min(1).max(LIMITS.long),
  items: z.array(z.string().trim().min(1).max(LIMITS.medium)).min(1).max(50),
  dueDate: isoDate.optional(),
});

/** Closing needs the money settled, or the manager writes the rest off with a reason. */
export const projectCloseSchema = z.strictObject({
  actualEnd: isoDate.optional(),
  writeOffReason: z.string().trim().min(1).max(LIMITS.long).optional(),
});
