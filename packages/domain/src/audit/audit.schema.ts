import { z } from 'zod';
import { isoDate, listQueryBase } from '../shared/common.schema.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditListQuery = z.strictObject({
  ...listQueryBase,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
