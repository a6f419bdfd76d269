import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'deputy', 'pm', 'specialist', 'hr', 'leader', 'marketing', 'finance'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that belong to the business department itself [2.1]. */
export const BUSINESS_ROLES: readonly Role[] = ['manager', 'deputy', 'pm', 'specialist'];
