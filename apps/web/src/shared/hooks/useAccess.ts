import { useMemo } from 'react';
import type { Permission } from '@domain/shared/permissions.js';
import { useCurrentUser } from '../../app/auth-context';
import type { Access } from '../../app/module-types';

/** What the signed-in user may do, from the permissions /api/auth/me answered. */
export function useAccess(): Access {
  const user = useCurrentUser();
  return useMemo(() => {
    const granted = new Set(user.permissions);
    return { role: user.role, can: (permission: Permission) => granted.has(permission) };
  }, [user]);
}

export function useCan(permission: Permission): boolean {
  return useAccess().can(permission);
}
