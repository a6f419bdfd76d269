import { z } from 'zod';
import { isoDate, requiredShortText } from '../shared/common.schema.js';

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  userId: z.number().int(),
  userName: z.string(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: requiredShortText,
  userId: z.number().int().positive(),
  expiresOn: isoDate.nullable().optional(),
});

export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
