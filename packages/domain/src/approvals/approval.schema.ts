import { z } from 'zod';
import { LIMITS, listEnvelope, listQueryBase } from '../shared/common.schema.js';
import { APPROVAL_MODES } from './approval.rules.js';

export const APPROVAL_STATUSES = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export const approvalStatusSchema = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

export const APPROVAL_EVENT_KINDS = ['submitted', 'approved', 'returned', 'transferred', 'cc', 'reminded', 'withdrawn'] as const;
export type ApprovalEventKind = (typeof APPROVAL_EVENT_KINDS)[number];

export const approvalModeSchema = z.enum(APPROVAL_MODES);
/** Text without NUL characters (PostgreSQL cannot store them). */
const plainText = (min: number, max: number) => z.string().trim().min(min).max(max).refine((v) => !v.includes('\u0000'), 'field.invalidFormat');
const commentText = plainText(0, LIMITS.long);
/** A record id: a positive 32-bit integer. */
const dbId = z.number().int().positive().max(2 ** 31 - 1);

/** One approver's place in one step (a transfer closes it and opens one for the new approver). */
export const approvalStepSchema = z.object({
  stepNo: z.number().int(),
  mode: approvalModeSchema,
  approverId: z.number().int(),
  approverName: z.string(),
  decision: z.enum(['approved', 'returned', 'transferred']).nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

/** Each step as a whole, for display. */
export const approvalStepStateSchema = z.object({
  stepNo: z.number().int(),
  mode: approvalModeSchema,
  state: z.enum(['waiting', 'pending', 'approved', 'returned']),
});

export const approvalEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(APPROVAL_EVENT_KINDS),
  stepNo: z.number().int().nullable(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  targetUserId: z.number().int().nullable(),
  targetUserName: z.string().nullable(),
  comment: z.string().nullable(),
});

/** An approval as list rows show it. */
export const approvalSummarySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  entity: z.string(),
  entityId: z.number().int(),
  title: z.string(),
  status: approvalStatusSchema,
  currentStep: z.number().int().nullable(),
  stepCount: z.number().int(),
  amountFen: z.number().int().nullable(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  stepStartedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ApprovalSummaryDto = z.infer<typeof approvalSummarySchema>;

/** An approval with its steps, who is awaited, and the timeline of everything that happened. */
export const approvalSchema = approvalSummarySchema.extend({
  pendingApproverIds: z.array(z.number().int()),
  ccUserIds: z.array(z.number().int()),
  /** Every approver slot, by step then order of assignment. */
  steps: z.array(approvalStepSchema),
  stepStates: z.array(approvalStepStateSchema),
  events: z.array(approvalEventSchema),
});
export type ApprovalDto = z.infer<typeof approvalSchema>;

/** An approval as its reader gets it, with what they may do (route answers only). */
export const approvalWithActionsSchema = approvalSchema.extend({
  /** What the reader may do now: `decide`, `transfer`, `remind` (approval.access.ts), the shape every record answers. */
  actions: z.array(z.enum(['decide', 'transfer', 'remind'])),
  /** The same as `actions`, as flags: the older shape, kept for existing API clients. */
  policies: z.object({ decide: z.boolean(), transfer: z.boolean(), remind: z.boolean() }),
});

const entityName = z.string().min(1).max(60).regex(/^[a-z][a-z0-9_-]*$/, 'field.invalidFormat');
const userIds = z.array(dbId).max(50);

/** What a module passes to startApproval; checked like any input. */
export const approvalStartSchema = z.object({
  entity: entityName,
  entityId: dbId,
  title: plainText(1, LIMITS.medium),
  amountFen: z.number().int().min(0).nullable().optional(),
  steps: z
    .array(z.object({ approverIds: userIds.min(1), mode: approvalModeSchema }))
    .min(1)
    .max(10),
  ccUserIds: userIds.optional(),
});
export type ApprovalStart = z.infer<typeof approvalStartSchema>;

export const approvalTransferSchema = z.strictObject({
  toUserId: dbId,
  comment: commentText.optional(),
});

export const approvalCommentSchema = commentText;

export const approvalListQuery = z.strictObject({
  ...listQueryBase,
  mine: z.enum(['pending', 'submitted', 'cc']).default('pending'),
  status: approvalStatusSchema.optional(),
  entity: entityName.optional(),
});
export const approvalListSchema = listEnvelope(approvalSummarySchema);
