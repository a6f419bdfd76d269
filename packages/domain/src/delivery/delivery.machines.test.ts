import { describe, expect, it } from 'vitest';
import { actionsFrom, checkTransition, type Machine } from '../shared/machine.js';
import { projectMachine, PROJECT_STATUSES, type ProjectAction } from './project.machine.js';
import { expenseMachine, EXPENSE_STATUSES, type ExpenseAction } from './expense.machine.js';
import { issueMachine, ISSUE_STATUSES, type IssueAction } from './issue.machine.js';
import { changeMachine, CHANGE_STATUSES, type ChangeAction } from './change.machine.js';

// Every (state, action) pair: the expected next state for an allowed role, or absent (409).
const PROJECT_TABLE: Record<ProjectAction, Partial<Record<(typeof PROJECT_STATUSES)[number], string>>> = {
  start: { planning: 'executing' },
  'submit-internal-acceptance': { executing: 'internal_acceptance' },
  'submit-customer-acceptance': { internal_acceptance: 'customer_acceptance' },
  settle: { customer_acceptance: 'settlement' },
  close: { settlement: 'closed' },
  rework: { internal_acceptance: 'executing', customer_acceptance: 'executing' },
};
const EXPENSE_TABLE: Record<ExpenseAction, Partial<Record<(typeof EXPENSE_STATUSES)[number], string>>> = {
  'pm-approve': { submitted: 'pm_approved' },
  approve: { submitted: 'approved', pm_approved: 'approved' },
  reject: { submitted: 'rejected', pm_approved: 'rejected', approved: 'rejected' },
  pay: { approved: 'paid' },
};
const ISSUE_TABLE: Record<IssueAction, Partial<Record<(typeof ISSUE_STATUSES)[number], string>>> = {
  escalate: { open: 'escalated' },
  decide: { escalated: 'decided' },
  close: { open: 'closed', decided: 'closed' },
};
const CHANGE_TABLE: Record<ChangeAction, Partial<Record<(typeof CHANGE_STATUSES)[number], string>>> = {
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
};

function checkTable<S extends string, A extends string>(name: string, machine: Machine<S, A>, states: readonly S[], table: Record<A, Partial<Record<S, string>>>) {
  describe(`${name} machine`, () => {
    for (const action of Object.keys(table) as A[]) {
      for (const role of machine.transitions[action].roles) {
        for (const state of states) {
          const expected = table[action][state] ?? null;
          it(`${role}: ${action} from ${state} → ${expected ?? 'refused (409)'}`, () => {
            const r = checkTransition(machine, state, action, role);
            expect(r.ok ? r.to : null).toBe(expected);
            if (!r.ok) expect(r.reason).toBe('state');
          });
        }
      }
    }
  });
}

checkTable('project', projectMachine, PROJECT_STATUSES, PROJECT_TABLE);
checkTable('expense', expenseMachine, EXPENSE_STATUSES, EXPENSE_TABLE);
checkTable('issue', issueMachine, ISSUE_STATUSES, ISSUE_TABLE);
checkTable('change request', changeMachine, CHANGE_STATUSES, CHANGE_TABLE);

describe('roles (403 before state)', () => {
  it.each([
    ['finance may not start a project', () => checkTransition(projectMachine, 'planning', 'start', 'finance')],
    ['a leader may not close a project', () => checkTransition(projectMachine, 'settlement', 'close', 'leader')],
    ['a deputy may not submit for acceptance', () => checkTransition(projectMachine, 'executing', 'submit-internal-acceptance', 'deputy')],
    ['hr may not rework', () => checkTransition(projectMachine, 'customer_acceptance', 'rework', 'hr')],
    ['a pm may not give the manager approval of an expense', () => checkTransition(expenseMachine, 'pm_approved', 'approve', 'pm')],
    ['a manager may not pay an expense', () => checkTransition(expenseMachine, 'approved', 'pay', 'manager')],
    ['finance may not approve as PM', () => checkTransition(expenseMachine, 'submitted', 'pm-approve', 'finance')],
    ['a specialist may not decide an escalated issue', () => checkTransition(issueMachine, 'escalated', 'decide', 'specialist')],
    ['a pm may not approve a change request', () => checkTransition(changeMachine, 'submitted', 'approve', 'pm')],
    ['a wrong role is refused even in the wrong state', () => checkTransition(projectMachine, 'closed', 'start', 'finance')],
  ])('%s', (_, run) => {
    const r = run();
    expect(r).toEqual({ ok: false, reason: 'role' });
  });

  it.each([
    ['pm', 'executing', ['submit-internal-acceptance']],
    ['pm', 'customer_acceptance', ['settle', 'rework']],
    ['finance', 'customer_acceptance', []],
    ['manager', 'closed', []],
  ] as const)('%s in %s may %j', (role, state, actions) => {
    expect(actionsFrom(projectMachine, state, role)).toEqual(actions);
  });
});
