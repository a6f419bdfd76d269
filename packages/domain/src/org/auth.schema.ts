import { z } from 'zod';
import { roleSchema } from '../shared/roles.js';
import { LOCALES } from '../shared/locale.js';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(128),
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: roleSchema,
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  locale: z.enum(LOCALES).nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
