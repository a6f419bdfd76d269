import { z } from 'zod';
import { LIMITS, listQueryBase, recordMetaSchema, requiredShortText, shortText } from '../shared/common.schema.js';
import { CUSTOMER_SIZES, INDUSTRIES, usccSchema } from './customer.schema.js';
import { LEAD_STATUSES } from './lead.machine.js';

export const LEAD_CHANNELS = ['marketing_campaign', 'exhibition', 'website', 'referral', 'partner', 'cold_call', 'existing_customer', 'other'] as const;
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;

export const leadStatusSchema = z.enum(LEAD_STATUSES);
const moneyFen = z.number().int().min(0).max(1e13);

export const leadSchema = recordMetaSchema.extend({
  code: z.string(),
  status: leadStatusSchema,
  title: z.string(),
  channel: z.enum(LEAD_CHANNELS),
  referrer: z.string(),
  registeredDepartmentId: z.number().int().nullable(),
  registeredDepartmentName: z.string().nullable(),
  registeredById: z.number().int().nullable(),
  registeredByName: z.string().nullable(),
  customerId: z.number().int(),
  customerName: z.string(),
  customerRegion: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  needs: z.string(),
  expectedValueFen: z.number().int(),
  urgency: z.enum(URGENCIES),
  evaluationReason: z.string().nullable(),
  evaluatedById: z.number().int().nullable(),
  evaluatedAt: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  assignedAt: z.string().nullable(),
  actions: z.array(z.string()),
});
export type LeadDto = z.infer<typeof leadSchema>;

/** 《業務線索登記表》: an existing customer by id, or a new one described inline. */
export const leadCreateSchema = z
  .strictObject({
    title: requiredShortText,
    channel: z.enum(LEAD_CHANNELS),
    referrer: shortText.optional(),
    customerId: z.number().int().positive().optional(),
    newCustomer: z
      .strictObject({
        name: requiredShortText,
        uscc: usccSchema.optional(),
        industry: z.enum(INDUSTRIES),
        region: requiredShortText,
        size: z.enum(CUSTOMER_SIZES).default('medium'),
        address: z.string().max(LIMITS.medium).optional(),
      })
      .optional(),
    contactName: shortText.optional(),
    contactPhone: shortText.regex(/^[0-9+\- ]*$/, 'field.invalidFormat').optional(),
    needs: z.string().trim().min(1).max(LIMITS.long),
    expectedValueFen: moneyFen.default(0),
    urgency: z.enum(URGENCIES).default('normal'),
    attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
  })
  .refine((v) => !!v.customerId !== !!v.newCustomer, { message: 'field.customerEither', path: ['customerId'] });
export type LeadCreate = z.infer<typeof leadCreateSchema>;

export const leadEvaluateSchema = z
  .strictObject({ decision: z.enum(['accept', 'reject']), reason: z.string().trim().max(LIMITS.medium).optional() })
  .refine((v) => v.decision === 'accept' || (v.reason && v.reason.length > 0), { message: 'field.reasonRequired', path: ['reason'] });

export const leadAssignSchema = z.strictObject({ assigneeId: z.number().int().positive(), note: z.string().max(LIMITS.medium).optional() });

export const leadListQuery = z.strictObject({
  ...listQueryBase,
  status: z.union([leadStatusSchema, z.string().regex(/^[a-z_,]+$/).max(100)]).optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  urgency: z.enum(URGENCIES).optional(),
  channel: z.enum(LEAD_CHANNELS).optional(),
});
