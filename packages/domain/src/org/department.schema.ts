import { z } from 'zod';
import { LIMITS, listQueryBase, recordMetaSchema, requiredShortText, shortText, versionField } from '../shared/common.schema.js';

export const DEPARTMENT_KINDS = ['business', 'marketing', 'hr', 'finance', 'leadership', 'other'] as const;
export const departmentKindSchema = z.enum(DEPARTMENT_KINDS);

export const departmentSchema = recordMetaSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  kind: departmentKindSchema,
  parentId: z.number().int().nullable(),
  managerId: z.number().int().nullable(),
  managerName: z.string().nullable(),
  description: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  memberCount: z.number().int(),
});
export type DepartmentDto = z.infer<typeof departmentSchema>;

export const departmentCreateSchema = z.strictObject({
  name: requiredShortText,
  code: shortText.regex(/^[A-Za-z0-9_-]*$/).optional(),
  kind: departmentKindSchema.default('other'),
  parentId: z.number().int().positive().nullable().optional(),
  managerId: z.number().int().positive().nullable().optional(),
  description: z.string().max(LIMITS.medium).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

export const departmentUpdateSchema = departmentCreateSchema
  .partial()
  .extend({ version: versionField, active: z.boolean().optional() })
  .strict();
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

export const departmentListQuery = z.strictObject({
  ...listQueryBase,
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
  kind: departmentKindSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
