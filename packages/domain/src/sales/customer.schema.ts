import { z } from 'zod';
import { LIMITS, listQueryBase, recordMetaSchema, requiredShortText, shortText, versionField } from '../shared/common.schema.js';
import { isValidUscc } from './uscc.rules.js';

export const CUSTOMER_SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export const CUSTOMER_SOURCES = ['marketing', 'referral', 'exhibition', 'website', 'cold_call', 'partner', 'existing', 'other'] as const;
export const INDUSTRIES = ['manufacturing', 'it', 'finance', 'retail', 'energy', 'healthcare', 'education', 'government', 'logistics', 'construction', 'media', 'other'] as const;

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || isValidUscc(v), 'field.usccInvalid');

export const contactInputSchema = z.strictObject({
  name: requiredShortText,
  title: shortText.optional(),
  phone: shortText.regex(/^[0-9+\- ]*$/, 'field.invalidFormat').optional(),
  email: z.union([z.email().max(LIMITS.short), z.literal('')]).optional(),
  isPrimary: z.boolean().optional(),
  note: z.string().max(LIMITS.medium).optional(),
});

export const contactSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  isPrimary: z.boolean(),
  note: z.string(),
  version: z.number().int(),
});
export type ContactDto = z.infer<typeof contactSchema>;

export const customerSchema = recordMetaSchema.extend({
  name: z.string(),
  uscc: z.string().nullable(),
  industry: z.enum(INDUSTRIES),
  region: z.string(),
  size: z.enum(CUSTOMER_SIZES),
  source: z.enum(CUSTOMER_SOURCES),
  address: z.string(),
  note: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  inPool: z.boolean(),
  lastActivityAt: z.string().nullable(),
  contacts: z.array(contactSchema).optional(),
  /** What the reader may do: `edit`, `claim`, `release` (sales.access.ts). Every API answer has it; audit snapshots do not. */
  actions: z.array(z.string()).optional(),
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const customerCreateSchema = z.strictObject({
  name: requiredShortText,
  uscc: usccSchema.optional(),
  industry: z.enum(INDUSTRIES),
  region: requiredShortText,
  size: z.enum(CUSTOMER_SIZES).default('medium'),
  source: z.enum(CUSTOMER_SOURCES).default('other'),
  address: z.string().max(LIMITS.medium).optional(),
  note: z.string().max(LIMITS.long).optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  contacts: z.array(contactInputSchema).max(20).optional(),
});
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

export const customerUpdateSchema = z.strictObject({
  version: versionField,
  name: requiredShortText.optional(),
  uscc: usccSchema.optional(),
  industry: z.enum(INDUSTRIES).optional(),
  region: requiredShortText.optional(),
  size: z.enum(CUSTOMER_SIZES).optional(),
  source: z.enum(CUSTOMER_SOURCES).optional(),
  address: z.string().max(LIMITS.medium).optional(),
  note: z.string().max(LIMITS.long).optional(),
  ownerId: z.number().int().positive().nullable().optional(),
});
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerListQuery = z.strictObject({
  ...listQueryBase,
  industry: z.enum(INDUSTRIES).optional(),
  region: shortText.optional(),
  ownerId: z.coerce.number().int().positive().optional(),
});

export const contactUpdateSchema = contactInputSchema.partial().extend({ version: versionField }).strict();
