import { z } from 'zod';
import { LIMITS, isoDate, requiredShortText, versionField } from '../shared/common.schema.js';

const int = z.number().int();

/** [3.2.1] the PM forms the team: members from the department, each with a project role and responsibilities. */
export const memberCreateSchema = z.strictObject({
  userId: z.number().int().positive(),
  projectRole: requiredShortText,
  responsibilities: z.string().trim().max(LIMITS.medium).default(''),
  joinedOn: isoDate.optional(),
});

export const memberUpdateSchema = z.strictObject({
  version: versionField,
  projectRole: requiredShortText.optional(),
  responsibilities: z.string().trim().max(LIMITS.medium).optional(),
});

export const memberSchema = z.object({
  id: int,
  version: int,
  projectId: int,
  userId: int,
  userName: z.string(),
  userRole: z.string(),
  departmentName: z.string().nullable(),
  projectRole: z.string(),
  responsibilities: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  active: z.boolean(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const memberListQuery = z.strictObject({ includeFormer: z.enum(['true', 'false']).optional() });
export const memberParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() });
