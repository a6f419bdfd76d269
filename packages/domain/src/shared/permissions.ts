import type { Role } from './roles.js';

/**
 * The one registry of `resource.action` permissions and the roles granted each.
 * Record-level rules (owner, team, supervisor, area) live in each module's policy file;
 * this table only answers "may this role attempt the action at all".
 */
export const PERMISSIONS = {
  'profile.read': 'all',
  'profile.update': 'all',
  'user.read': 'all',
  'user.create': ['admin', 'hr'],
  'user.update': ['admin', 'hr'],
  'user.deactivate': ['admin', 'hr'],
  'user.resetPassword': ['admin', 'hr'],
  'department.read': 'all',
  'department.create': ['admin'],
  'department.update': ['admin'],
  'role.read': 'all',
  'token.read': ['admin'],
  'token.create': ['admin'],
  'token.revoke': ['admin'],
  'audit.read': ['admin', 'leader'],
  'audit.verify': ['admin'],
} as const satisfies Record<string, readonly Role[] | 'all'>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  const granted: readonly Role[] | 'all' = PERMISSIONS[permission];
  return granted === 'all' || granted.includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(role, p));
}
