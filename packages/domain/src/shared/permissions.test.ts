import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf, roleHas } from './permissions.js';
import { ROLES } from './roles.js';

describe('permission registry', () => {
  it.each([
    ['admin', 'user.create', true],
    ['hr', 'user.create', true],
    ['manager', 'user.create', false],
    ['leader', 'audit.read', true],
    ['leader', 'audit.verify', false],
    ['specialist', 'user.read', true],
    ['finance', 'token.create', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(roleHas(role, permission)).toBe(expected);
  });

  it('names only known roles and follows resource.action', () => {
    for (const [name, granted] of Object.entries(PERMISSIONS)) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*\.[a-zA-Z]+$/);
      if (granted !== 'all') for (const role of granted) expect(ROLES).toContain(role);
    }
  });

  it('lists the permissions of a role', () => {
    expect(permissionsOf('specialist')).toContain('profile.update');
    expect(permissionsOf('specialist')).not.toContain('audit.read');
  });
});
