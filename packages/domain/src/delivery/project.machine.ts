import type { Machine } from '../shared/machine.js';
import type { Role } from '../shared/roles.js';

/** docs/design.md §2.3: the life of a project from the signed contract to closing. */
export const PROJECT_STATUSES = ['planning', 'executing', 'internal_acceptance', 'customer_acceptance', 'settlement', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ProjectAction = 'start' | 'submit-internal-acceptance' | 'submit-customer-acceptance' | 'settle' | 'close' | 'rework';
export const PROJECT_ACTIONS: readonly ProjectAction[] = ['start', 'submit-internal-acceptance', 'submit-customer-acceptance', 'settle', 'close', 'rework'];

/**
 * Roles that can lead a project: a pm or a specialist who was assigned the lead [3.1.3], or the
 * manager. Which of them may act on a given project (its PM, or the manager) is a record rule.
 */
export const PROJECT_LEAD_ROLES: readonly Role[] = ['manager', 'pm', 'specialist'];

/** [3.2.1] execution starts; [3.3.1] internal acceptance; [3.3.2] customer acceptance; [3.3.3] settlement; [3.3.4] close. */
export const projectMachine: Machine<ProjectStatus, ProjectAction> = {
  states: PROJECT_STATUSES,
  transitions: {
    start: { from: ['planning'], to: 'executing', roles: PROJECT_LEAD_ROLES },
    'submit-internal-acceptance': { from: ['executing'], to: 'internal_acceptance', roles: PROJECT_LEAD_ROLES },
    'submit-customer-acceptance': { from: ['internal_acceptance'], to: 'customer_acceptance', roles: PROJECT_LEAD_ROLES },
    settle: { from: ['customer_acceptance'], to: 'settlement', roles: PROJECT_LEAD_ROLES },
    close: { from: ['settlement'], to: 'closed', roles: PROJECT_LEAD_ROLES },
    rework: { from: ['internal_acceptance', 'customer_acceptance'], to: 'executing', roles: PROJECT_LEAD_ROLES },
  },
};

/** States in which the project still takes work, costs and changes. */
export const OPEN_PROJECT_STATUSES: readonly ProjectStatus[] = ['planning', 'executing', 'internal_acceptance', 'customer_acceptance', 'settlement'];

export function isProjectOpen(status: string): boolean {
  return (OPEN_PROJECT_STATUSES as readonly string[]).includes(status);
}
