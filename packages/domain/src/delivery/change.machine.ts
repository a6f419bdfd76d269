import type { Machine } from '../shared/machine.js';

/** [3.2.4] A customer change request: logged with its impact, decided by the department manager. */
export const CHANGE_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export type ChangeAction = 'approve' | 'reject';

export const changeMachine: Machine<ChangeStatus, ChangeAction> = {
  states: CHANGE_STATUSES,
  transitions: {
    approve: { from: ['submitted'], to: 'approved', roles: ['manager'] },
    reject: { from: ['submitted'], to: 'rejected', roles: ['manager'] },
  },
};
