import { describe, expect, it } from 'vitest';
import { checkTransition, type Machine } from '../shared/machine.js';
import { APPRAISAL_STATUSES, annualAppraisalMachine, monthlyAppraisalMachine, sideActionOpen, type AppraisalAction, type AppraisalStatus } from './appraisal.machine.js';

type Table = Record<AppraisalAction, Partial<Record<AppraisalStatus, AppraisalStatus>>>;

const MONTHLY: Table = {
  'submit-self': { self_assessment: 'supervisor_review' },
  'submit-supervisor': { supervisor_review: 'feedback' },
  'close-reviews': {},
  'submit-feedback': { feedback: 'feedback' },
  acknowledge: { feedback: 'calibration' },
  dispute: { feedback: 'calibration' },
  calibrate: { calibration: 'calibration' },
  finalize: { calibration: 'finalized' },
};
const ANNUAL: Table = { ...MONTHLY, 'submit-supervisor': { supervisor_review: 'peer_review' }, 'close-reviews': { peer_review: 'feedback' } };

function checkTable(name: string, machine: Machine<AppraisalStatus, AppraisalAction>, table: Table) {
  describe(`${name} appraisal machine`, () => {
    for (const action of Object.keys(table) as AppraisalAction[]) {
      const role = machine.transitions[action].roles[0]!;
      for (const state of APPRAISAL_STATUSES) {
        const expected = table[action][state] ?? null;
        it(`${action} from ${state} → ${expected ?? 'refused (409)'}`, () => {
          const r = checkTransition(machine, state, action, role);
          expect(r.ok ? r.to : null).toBe(expected);
          if (!r.ok) expect(r.reason).toBe('state');
        });
      }
    }
  });
}

checkTable('monthly', monthlyAppraisalMachine, MONTHLY);
checkTable('annual', annualAppraisalMachine, ANNUAL);

describe('roles and side actions', () => {
  it.each([
    ['a specialist may not calibrate', () => checkTransition(annualAppraisalMachine, 'calibration', 'calibrate', 'specialist'), 'role'],
    ['a manager may not finalize', () => checkTransition(monthlyAppraisalMachine, 'calibration', 'finalize', 'manager'), 'role'],
    ['admin is not appraised', () => checkTransition(monthlyAppraisalMachine, 'self_assessment', 'submit-self', 'admin'), 'role'],
  ] as const)('%s', (_, run, reason) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it.each([
    ['select-peers', 'annual', 'supervisor_review', true],
    ['select-peers', 'annual', 'peer_review', true],
    ['select-peers', 'annual', 'feedback', false],
    ['select-peers', 'monthly', 'supervisor_review', false],
    ['customer-link', 'annual', 'self_assessment', true],
    ['customer-link', 'annual', 'feedback', false],
  ] as const)('%s in a %s appraisal at %s: %s', (action, type, status, open) => {
    expect(sideActionOpen(action, type, status)).toBe(open);
  });
});
