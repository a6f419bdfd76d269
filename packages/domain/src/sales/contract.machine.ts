import type { Machine } from '../shared/machine.js';

export const CONTRACT_STATUSES = ['draft', 'active', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type ContractAction = 'edit' | 'sign' | 'complete' | 'terminate';

/** [3.1.6] both parties sign; signing starts execution [3.2.1]. */
export const contractMachine: Machine<ContractStatus, ContractAction> = {
  states: CONTRACT_STATUSES,
  transitions: {
    edit: { from: ['draft'], to: 'draft', roles: ['manager', 'deputy', 'pm', 'specialist'] },
    sign: { from: ['draft'], to: 'active', roles: ['manager'] },
    complete: { from: ['active'], to: 'completed', roles: ['manager'] },
    terminate: { from: ['draft', 'active'], to: 'terminated', roles: ['manager'] },
  },
};
