import { z } from 'zod';
import { LIMITS, requiredShortText } from '../shared/common.schema.js';
import { attachmentSchema } from '../files/attachment.schema.js';
import { ACCEPTANCE_ITEM_RESULTS, ACCEPTANCE_ITEM_SOURCES } from './acceptance.rules.js';

const int = z.number().int();

export const ACCEPTANCE_KINDS = ['internal', 'customer'] as const;
/** Internal rounds: open → passed (sent to the customer) | failed (rework); customer rounds: pending → accepted | rejected. */
export const ACCEPTANCE_STATUSES = ['open', 'passed', 'failed', 'pending', 'accepted', 'rejected'] as const;

export const acceptanceItemSchema = z.object({
  id: int,
  seq: int,
  source: z.enum(ACCEPTANCE_ITEM_SOURCES),
  name: z.string(),
  standard: z.string(),
  result: z.enum(ACCEPTANCE_ITEM_RESULTS),
  note: z.string(),
  checkedBy: int.nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable(),
});

export const acceptanceSchema = z.object({
  id: int,
  projectId: int,
  kind: z.enum(ACCEPTANCE_KINDS),
  round: int,
  status: z.enum(ACCEPTANCE_STATUSES),
  items: z.array(acceptanceItemSchema),
  acceptedDate: z.string().nullable(),
  signer: z.string().nullable(),
  note: z.string(),
  reworkItems: z.array(z.string()),
  reworkReason: z.string().nullable(),
  decidedBy: int.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  documents: z.array(attachmentSchema),
});
export type AcceptanceDto = z.infer<typeof acceptanceSchema>;

/** Checking items of the open internal round: pass or fail, with notes. */
export const acceptanceCheckSchema = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.number().int().positive(), result: z.enum(ACCEPTANCE_ITEM_RESULTS), note: z.string().trim().max(LIMITS.medium).default('') }))
    .min(1)
    .max(200),
});

/** A quality item added to the checklist. */
export const acceptanceItemAddSchema = z.strictObject({ name: requiredShortText, standard: z.string().trim().max(LIMITS.medium).default('') });

export const acceptanceParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), acceptanceId: z.coerce.number().int().positive() });
