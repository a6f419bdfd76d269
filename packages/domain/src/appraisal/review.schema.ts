import { z } from 'zod';
import { LIMITS, listQueryBase } from '../shared/common.schema.js';
import { cycleTypeSchema } from './template.schema.js';
import { scoreSchema } from './score.schema.js';

/** 《年度績效考核同事評價表》: a peer scores teamwork and communication [4.4.2]. */
export const peerReviewSubmitSchema = z.strictObject({
  teamwork: scoreSchema,
  communication: scoreSchema,
  comment: z.string().trim().max(LIMITS.medium).optional(),
});
export type PeerReviewSubmit = z.infer<typeof peerReviewSubmitSchema>;

export const PEER_REVIEW_STATUSES = ['pending', 'submitted', 'void'] as const;

/** What a peer reviewer sees: the colleague and their own form, nothing of the appraisal itself. */
export const peerReviewSchema = z.object({
  id: z.number().int(),
  appraisalId: z.number().int(),
  cycleType: cycleTypeSchema,
  period: z.string(),
  employeeId: z.number().int(),
  employeeName: z.string(),
  positionTitle: z.string().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(PEER_REVIEW_STATUSES),
  teamwork: z.number().nullable(),
  communication: z.number().nullable(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  dueDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.string()),
});
export type PeerReviewDto = z.infer<typeof peerReviewSchema>;

export const peerReviewListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  status: z.enum(PEER_REVIEW_STATUSES).optional(),
});

/** 《年度績效考核客戶評價表》: a customer rates 1–5 (非常不满意 … 非常满意) per item. */
export const CUSTOMER_REVIEW_ITEMS = ['serviceQuality', 'responsiveness', 'professionalism', 'overall'] as const;
const rating = z.number().int().min(1).max(5);

export const customerReviewSubmitSchema = z.strictObject({
  ratings: z.strictObject({ serviceQuality: rating, responsiveness: rating, professionalism: rating, overall: rating }),
  comment: z.string().trim().max(LIMITS.long).optional(),
  reviewerName: z.string().trim().max(LIMITS.short).optional(),
});
export type CustomerReviewSubmit = z.infer<typeof customerReviewSubmitSchema>;

export const customerLinkCreateSchema = z.strictObject({
  reviewerName: z.string().trim().min(1).max(LIMITS.short),
  customerId: z.number().int().positive().optional(),
  expiresInDays: z.number().int().min(1).max(90).optional(),
});
export type CustomerLinkCreate = z.infer<typeof customerLinkCreateSchema>;

/** Answered once when a link is made: the path to send to the customer. */
export const customerLinkCreatedSchema = z.object({ id: z.number().int(), path: z.string(), token: z.string(), expiresAt: z.string() });

export const customerFormSchema = z.object({
  employeeName: z.string(),
  positionTitle: z.string().nullable(),
  reviewerName: z.string(),
  customerName: z.string().nullable(),
  period: z.string(),
  expiresAt: z.string(),
  items: z.array(z.enum(CUSTOMER_REVIEW_ITEMS)),
});

export const customerTokenParams = z.strictObject({ token: z.string().min(10).max(300).regex(/^[A-Za-z0-9_.-]+$/, 'field.invalidFormat') });
