import type { ComponentType, ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import type { Permission } from '@domain/shared/permissions.js';
import type { Role } from '@domain/shared/roles.js';

export type TKey = ParseKeys;

/** What the signed-in user may do; menu entries and pages are filtered through it. */
export type Access = { role: Role; can: (permission: Permission) => boolean };

export type AccessRule = {
  /** The permission (from /api/auth/me) needed to see the page. */
  permission?: Permission;
  /** Further limits the page to these roles. */
  roles?: readonly Role[];
};

export type ModulePage = AccessRule & {
  /** Absolute path, e.g. '/org/users'. */
  path: string;
  /** Title in the menu, breadcrumb and page header; may depend on what the user may do. */
  title: TKey | ((access: Access) => TKey);
  component: ComponentType;
  icon?: ReactNode;
  /** Present when the page has a side-menu entry. */
  menu?: { order: number };
  /** A line on the home page describing what the user can do here. */
  shortcut?: TKey | ((access: Access) => TKey);
};

/** Record pages other modules can add panels to. */
export type RecordSlot = 'customer' | 'project' | 'contract' | 'lead' | 'user';

/**
 * A panel one module shows on another module's record page: the risks or the communication
 * timeline of a customer, the trainings and commendations of an employee. The host page lists
 * the panels of its slot (cards, or tabs on the project page) in `order`; the panel loads its
 * own data for `recordId` through its own module's API.
 */
export type RecordPanel = AccessRule & {
  slot: RecordSlot;
  /** Unique across the app, e.g. `risk.customer`. */
  key: string;
  order: number;
  title: TKey;
  component: ComponentType<{ recordId: number }>;
};

/** One business module: its pages, the panels it adds to other modules' record pages, and optionally the menu group its pages sit in. */
export type AppModule = {
  id: string;
  order: number;
  group?: { labelKey: TKey; icon: ReactNode };
  pages: ModulePage[];
  panels?: RecordPanel[];
};

export function canSee(rule: AccessRule, access: Access): boolean {
  if (rule.permission && !access.can(rule.permission)) return false;
  if (rule.roles && !rule.roles.includes(access.role)) return false;
  return true;
}

export function resolveKey(key: TKey | ((access: Access) => TKey), access: Access): TKey {
  return typeof key === 'function' ? key(access) : key;
}
