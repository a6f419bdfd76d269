import { describe, expect, it } from 'vitest';
import type { Permission } from '@domain/shared/permissions.js';
import { canSee, resolveKey, type Access } from './module-types';

const access = (role: Access['role'], granted: Permission[]): Access => ({ role, can: (p) => granted.includes(p) });

describe('canSee', () => {
  it('needs the permission when one is named', () => {
    expect(canSee({ permission: 'audit.read' }, access('leader', ['audit.read']))).toBe(true);
    expect(canSee({ permission: 'audit.read' }, access('pm', []))).toBe(false);
  });

  it('limits to the listed roles', () => {
    expect(canSee({ roles: ['manager'] }, access('manager', []))).toBe(true);
    expect(canSee({ roles: ['manager'] }, access('deputy', []))).toBe(false);
  });

  it('lets everyone see a page without rules', () => {
    expect(canSee({}, access('specialist', []))).toBe(true);
  });
});

describe('resolveKey', () => {
  it('picks the title by what the user may do', () => {
    const title = ({ can }: Access) => (can('user.create') ? 'menu.users' : 'menu.directory');
    expect(resolveKey(title, access('hr', ['user.create']))).toBe('menu.users');
    expect(resolveKey(title, access('pm', []))).toBe('menu.directory');
    expect(resolveKey('menu.home', access('pm', []))).toBe('menu.home');
  });
});
