import { z } from 'zod';
import { roleSchema } from '../shared/roles.js';
import { LIMITS, isoDate, listQueryBase, personalDate, recordMetaSchema, requiredShortText, shortText, versionField } from '../shared/common.schema.js';
import { LOCALES } from '../shared/locale.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'field.invalidFormat');

export const passwordSchema = z
  .string()
  .min(8, 'field.passwordWeak')
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'field.passwordWeak');

export const businessAreasSchema = z.array(z.string().trim().min(1).max(60)).max(20);

export const userSchema = recordMetaSchema.extend({
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: roleSchema,
  positionTitle: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  supervisorId: z.number().int().nullable(),
  supervisorName: z.string().nullable(),
  businessAreas: z.array(z.string()),
  customerFacing: z.boolean(),
  active: z.boolean(),
  hireDate: z.string().nullable(),
  locale: z.enum(LOCALES).nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type UserDto = z.infer<typeof userSchema>;

const userFields = {
  name: requiredShortText,
  email: z.email().max(LIMITS.short).nullable().optional(),
  phone: shortText.regex(/^[0-9+\- ]*$/, 'field.invalidFormat').nullable().optional(),
  role: roleSchema,
  positionTitle: shortText.nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  supervisorId: z.number().int().positive().nullable().optional(),
  businessAreas: businessAreasSchema.optional(),
  customerFacing: z.boolean().optional(),
  hireDate: personalDate.nullable().optional(),
};

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema.optional(),
  ...userFields,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  version: versionField,
  ...userFields,
  role: roleSchema.optional(),
  name: requiredShortText.optional(),
  active: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userListQuery = z.strictObject({
  ...listQueryBase,
  role: roleSchema.optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const resetPasswordSchema = z.strictObject({
  version: versionField,
  password: passwordSchema.optional(),
});

export const resetPasswordResultSchema = z.object({ user: userSchema, temporaryPassword: z.string().nullable() });

export const profileUpdateSchema = z.strictObject({
  name: requiredShortText.optional(),
  email: z.email().max(LIMITS.short).nullable().optional(),
  phone: shortText.regex(/^[0-9+\- ]*$/, 'field.invalidFormat').nullable().optional(),
  locale: z.enum(LOCALES).nullable().optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});
