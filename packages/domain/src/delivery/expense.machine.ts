import type { Machine } from '../shared/machine.js';

/** [3.2.5] An expense claim: the project's PM approves, then the department manager, then finance pays. */
export const EXPENSE_STATUSES = ['submitted', 'pm_approved', 'approved', 'paid', 'rejected'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export type ExpenseAction = 'pm-approve' | 'approve' | 'reject' | 'pay';

/**
 * `pm-approve` is the PM's step; `approve` the manager's (straight from `submitted` when the
 * claimant is the PM, who cannot approve their own claim). Who exactly is awaited is the
 * approval's business; the roles here only exclude those who never could.
 */
export const expenseMachine: Machine<ExpenseStatus, ExpenseAction> = {
  states: EXPENSE_STATUSES,
  transitions: {
    'pm-approve': { from: ['submitted'], to: 'pm_approved', roles: ['manager', 'pm', 'specialist'] },
    approve: { from: ['submitted', 'pm_approved'], to: 'approved', roles: ['manager'] },
    reject: { from: ['submitted', 'pm_approved', 'approved'], to: 'rejected', roles: ['manager', 'pm', 'specialist', 'finance'] },
    pay: { from: ['approved'], to: 'paid', roles: ['finance'] },
  },
};

/** Claims that count against the budget line: spent (approved, paid) and committed (in approval). */
export const SPENT_EXPENSE_STATUSES: readonly ExpenseStatus[] = ['approved', 'paid'];
export const COMMITTED_EXPENSE_STATUSES: readonly ExpenseStatus[] = ['submitted', 'pm_approved'];
