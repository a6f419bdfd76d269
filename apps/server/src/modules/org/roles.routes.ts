import { sql } from 'kysely';
import { rolesResponseSchema } from '@domain/org/role.schema.js';
import { PERMISSIONS, permissionsOf } from '@domain/shared/permissions.js';
import { ROLES } from '@domain/shared/roles.js';
import { defineRoute } from '../../platform/http/route.js';

export const roleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/roles',
    summary: 'Roles with their permissions and how many active users hold each',
    tags: ['roles'],
    access: { permission: 'role.read' },
    response: rolesResponseSchema,
    handler: async ({ db }) => {
      const counts = await db.selectFrom('users').select(['role', sql<number>`count(*)`.as('n')]).where('active', '=', 1).groupBy('role').execute();
      const byRole = new Map(counts.map((c) => [c.role, Number(c.n)]));
      return {
        roles: ROLES.map((role) => ({ role, permissions: permissionsOf(role), userCount: byRole.get(role) ?? 0 })),
        permissions: Object.keys(PERMISSIONS),
      };
    },
  }),
];
