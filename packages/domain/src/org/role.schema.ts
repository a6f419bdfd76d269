import { z } from 'zod';
import { roleSchema } from '../shared/roles.js';

export const roleInfoSchema = z.object({
  role: roleSchema,
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export const rolesResponseSchema = z.object({ roles: z.array(roleInfoSchema), permissions: z.array(z.string()) });
