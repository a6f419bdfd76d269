import { z } from 'zod';
import { LIMITS, booleanQuery, isoDate, listQueryBase } from '../shared/common.schema.js';
import { attachmentSchema } from '../files/attachment.schema.js';
import { APPRAISAL_STATUSES } from './appraisal.machine.js';
import { ITEM_SOURCES, cycleTypeSchema, templateDimensionSchema } from './template.schema.js';
import { itemKeySchema, scoreSchema } from './score.schema.js';

export const appraisalStatusSchema = z.enum(APPRAISAL_STATUSES);
const comment = z.string().trim().max(LIMITS.medium);
const text = z.string().trim().max(LIMITS.long);
const requiredText = z.string().trim().min(1).max(LIMITS.long);

/** One line of evidence behind an objective item: a contract, a target, an attendance month, a rating… */
export const EVIDENCE_KINDS = ['contract', 'kpiTarget', 'departmentTarget', 'attendance', 'customerReview', 'followUp', 'project', 'milestone', 'task', 'expense', 'acceptance'] as const;

export const evidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  id: z.number().int().nullable(),
  /** Data, not prose: a contract number and title, a month, a project name… */
  label: z.string(),
  date: z.string().nullable(),
  /** The figure it contributes (fen for money, a rating, a count). */
  value: z.number().nullable(),
  /** Named figures, e.g. `{ lateCount, absentDays, leaveDays }` or `{ target, actual }`. */
  detail: z.record(z.string(), z.number().nullable()).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const OBJECTIVE_UNITS = ['fen', 'percent', 'count', 'score'] as const;

/** An objective item computed from the period's data, or `score: null` with the reason there is no data. */
export const objectiveValueSchema = z.object({
  source: z.enum(ITEM_SOURCES),
  score: z.number().nullable(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  attainmentPercent: z.number().nullable(),
  unit: z.enum(OBJECTIVE_UNITS),
  /** An i18n key (`appraisal.noData.*`) when `score` is null. */
  noDataReason: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  computedAt: z.string(),
});
export type ObjectiveValue = z.infer<typeof objectiveValueSchema>;

const dimensionScore = z.object({ key: z.string(), weight: z.number(), score: z.number() });

export const selfItemSchema = z.strictObject({ score: scoreSchema, comment: comment.optional() });
export const supervisorItemSchema = z.strictObject({ score: scoreSchema, comment: comment.optional(), overrideReason: comment.optional() });

/** 《月度/年度績效考核自評表》: a score and, where the settings ask, a comment per item; a summary of reasons; annual evidence files. */
export const submitSelfSchema = z.strictObject({
  items: z.record(itemKeySchema, selfItemSchema),
  summary: requiredText,
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
});
export type SubmitSelf = z.infer<typeof submitSelfSchema>;

/** 《月度/年度績效考核評價表》: objective items keep the computed score unless overridden with a reason. */
export const submitSupervisorSchema = z.strictObject({
  items: z.record(itemKeySchema, supervisorItemSchema),
  comment: requiredText,
  peerReviewerIds: z.array(z.number().int().positive()).max(10).optional(),
});
export type SubmitSupervisor = z.infer<typeof submitSupervisorSchema>;

export const selectPeersSchema = z.strictObject({ peerReviewerIds: z.array(z.number().int().positive()).min(1).max(10) });

export const closeReviewsSchema = z.strictObject({ reason: comment.optional() });

/** The feedback conversation record [4.4]; annual adds next year's goals and the development plan. */
export const submitFeedbackSchema = z.strictObject({
  meetingDate: isoDate,
  strengths: requiredText,
  problems: requiredText,
  improvementPlan: requiredText,
  nextYearGoals: text.optional(),
  developmentPlan: text.optional(),
});
export type SubmitFeedback = z.infer<typeof submitFeedbackSchema>;

export const acknowledgeSchema = z.strictObject({ comment: comment.optional() });
export const disputeSchema = z.strictObject({ comment: z.string().trim().min(1).max(LIMITS.medium) });
export const calibrateSchema = z.strictObject({ finalScore: scoreSchema, reason: z.string().trim().min(1).max(LIMITS.medium) });
export const finalizeSchema = z.strictObject({});

const raterWeights = z.object({ supervisor: z.number(), peer: z.number(), customer: z.number() });

export const appraisalSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  cycleId: z.number().int(),
  cycleType: cycleTypeSchema,
  period: z.string(),
  cycleStatus: z.string(),
  employeeId: z.number().int(),
  employeeName: z.string(),
  positionTitle: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  customerFacing: z.boolean(),
  supervisorId: z.number().int().nullable(),
  supervisorName: z.string().nullable(),
  status: appraisalStatusSchema,
  selfScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  peerScore: z.number().nullable(),
  customerScore: z.number().nullable(),
  computedFinalScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  grade: z.string().nullable(),
  feedbackRecorded: z.boolean(),
  disputed: z.boolean(),
  /** When the current step is due, and whether it is overdue. */
  stepDueDate: z.string().nullable(),
  late: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
});
export type AppraisalDto = z.infer<typeof appraisalSchema>;

export const peerReviewSummarySchema = z.object({
  id: z.number().int(),
  /** Null when the settings keep peer reviewers anonymous to the employee. */
  reviewerId: z.number().int().nullable(),
  reviewerName: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'void']),
  teamwork: z.number().nullable(),
  communication: z.number().nullable(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

export const customerLinkSummarySchema = z.object({
  id: z.number().int(),
  reviewerName: z.string().nullable(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'expired', 'void']),
  expiresAt: z.string(),
  ratings: z.record(z.string(), z.number()).nullable(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

/**
 * A record another module holds about the employee in the period (a commendation, a training, a
 * weekly report), listed on the appraisal as evidence; `tone` colours it, nothing scores it.
 */
export const periodRecordSchema = z.object({
  source: z.string(),
  sourceLabel: z.string(),
  id: z.number().int(),
  label: z.string(),
  date: z.string().nullable(),
  link: z.string().nullable(),
  tone: z.enum(['positive', 'negative', 'neutral']),
});
export type PeriodRecord = z.infer<typeof periodRecordSchema>;

export const appraisalDetailSchema = appraisalSchema.extend({
  template: z.object({ id: z.number().int(), versionNo: z.number().int(), name: z.string(), dimensions: z.array(templateDimensionSchema) }),
  objective: z.record(z.string(), objectiveValueSchema),
  self: z
    .object({
      items: z.record(z.string(), z.object({ score: z.number(), comment: z.string().nullable() })),
      summary: z.string(),
      dimensions: z.array(dimensionScore),
      total: z.number(),
      submittedAt: z.string(),
      attachments: z.array(attachmentSchema),
    })
    .nullable(),
  supervisor: z
    .object({
      items: z.record(z.string(), z.object({ score: z.number(), comment: z.string().nullable(), computedScore: z.number().nullable(), overrideReason: z.string().nullable() })),
      comment: z.string(),
      dimensions: z.array(dimensionScore),
      total: z.number(),
      submittedAt: z.string(),
      submittedByName: z.string().nullable(),
    })
    .nullable(),
  peerReviews: z.array(peerReviewSummarySchema),
  customerReviews: z.array(customerLinkSummarySchema),
  raterWeights: raterWeights.nullable(),
  feedback: z
    .object({
      meetingDate: z.string(),
      strengths: z.string(),
      problems: z.string(),
      improvementPlan: z.string(),
      nextYearGoals: z.string().nullable(),
      developmentPlan: z.string().nullable(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  acknowledgement: z.object({ at: z.string(), disputed: z.boolean(), comment: z.string().nullable() }).nullable(),
  calibration: z.object({ reason: z.string(), at: z.string(), byName: z.string().nullable() }).nullable(),
  finalizedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), actorName: z.string().nullable() })),
  /** Other modules' records of the period (appraisal's `appraisalEvidence` contribution point). */
  periodRecords: z.array(periodRecordSchema),
});
export type AppraisalDetailDto = z.infer<typeof appraisalDetailSchema>;

export const APPRAISAL_VIEWS = ['mine', 'to-evaluate', 'all'] as const;

export const appraisalListQuery = z.strictObject({
  ...listQueryBase,
  view: z.enum(APPRAISAL_VIEWS).default('all'),
  cycleId: z.coerce.number().int().positive().optional(),
  employeeId: z.coerce.number().int().positive().optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  status: z.string().regex(/^[a-z_,]+$/).max(120).optional(),
  grade: z.string().max(8).optional(),
  late: booleanQuery.optional(),
  type: cycleTypeSchema.optional(),
});
export type AppraisalListQuery = z.infer<typeof appraisalListQuery>;
