import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase, recordMetaSchema, requiredShortText, versionField } from '../shared/common.schema.js';
import { PROPOSAL_STATUSES } from './proposal.machine.js';

const fen = z.number().int().min(0).max(1e13);

export const milestoneSchema = z
  .strictObject({
    name: requiredShortText,
    start: isoDate,
    end: isoDate,
    deliverable: z.string().max(LIMITS.medium).default(''),
  })
  .refine((m) => m.start <= m.end, { message: 'field.dateOrder', path: ['end'] });

export const budgetLineSchema = z.strictObject({ item: requiredShortText, amountFen: fen, note: z.string().max(LIMITS.medium).optional() });

/** The content of one proposal version (业务方案): what the manager reviews and the customer receives. */
export const proposalContentSchema = z.strictObject({
  title: requiredShortText,
  goals: z.string().trim().min(1).max(LIMITS.long),
  workContent: z.string().trim().min(1).max(LIMITS.text),
  milestones: z.array(milestoneSchema).min(1).max(50),
  budgetLines: z.array(budgetLineSchema).min(1).max(100),
  assumptions: z.string().max(LIMITS.long).default(''),
});
export type ProposalContent = z.infer<typeof proposalContentSchema>;

export const proposalCreateSchema = proposalContentSchema.extend({ leadId: z.number().int().positive() }).strict();
export const proposalUpdateSchema = proposalContentSchema.partial().extend({ version: versionField }).strict();

export const negotiationSchema = z.strictObject({
  date: isoDate,
  participants: z.string().trim().min(1).max(LIMITS.medium),
  points: z.string().trim().min(1).max(LIMITS.long),
  outcome: z.string().max(LIMITS.long).default(''),
});

export const proposalVersionSchema = z.object({
  versionNo: z.number().int(),
  content: z.unknown(),
  totalFen: z.number().int(),
  submittedAt: z.string(),
  submittedById: z.number().int(),
  decision: z.enum(['approved', 'returned']).nullable(),
  decidedById: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const proposalSchema = recordMetaSchema.extend({
  code: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  leadId: z.number().int(),
  leadTitle: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  versionNo: z.number().int(),
  title: z.string(),
  goals: z.string(),
  workContent: z.string(),
  milestones: z.array(z.object({ name: z.string(), start: z.string(), end: z.string(), deliverable: z.string() })),
  budgetLines: z.array(z.object({ item: z.string(), amountFen: z.number().int(), note: z.string().optional() })),
  assumptions: z.string(),
  totalFen: z.number().int(),
  declineReason: z.string().nullable(),
  contractId: z.number().int().nullable(),
  actions: z.array(z.string()),
});
export type ProposalDto = z.infer<typeof proposalSchema>;

export const proposalListQuery = z.strictObject({
  ...listQueryBase,
  status: z.string().regex(/^[a-z_,]+$/).max(100).optional(),
  leadId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  authorId: z.coerce.number().int().positive().optional(),
});
