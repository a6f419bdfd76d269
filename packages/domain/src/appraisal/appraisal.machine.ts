import type { Machine } from '../shared/machine.js';
import { ROLES, type Role } from '../shared/roles.js';

export const APPRAISAL_STATUSES = ['self_assessment', 'supervisor_review', 'peer_review', 'feedback', 'calibration', 'finalized'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

export const APPRAISAL_ACTIONS = ['submit-self', 'submit-supervisor', 'close-reviews', 'submit-feedback', 'acknowledge', 'dispute', 'calibrate', 'finalize'] as const;
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];

/** Actions that record something without moving the appraisal: the states they are open in, per cycle type. */
export const SIDE_ACTIONS = {
  'select-peers': { monthly: [], annual: ['supervisor_review', 'peer_review'] },
  'customer-link': { monthly: [], annual: ['self_assessment', 'supervisor_review', 'peer_review'] },
} as const satisfies Record<string, Record<'monthly' | 'annual', readonly AppraisalStatus[]>>;
export type SideAction = keyof typeof SIDE_ACTIONS;

export function sideActionOpen(action: SideAction, type: 'monthly' | 'annual', status: string): boolean {
  return (SIDE_ACTIONS[action][type] as readonly string[]).includes(status);
}

/**
 * Anyone on the payroll may be appraised, supervise someone or be asked for a peer review; which
 * appraisal they may act on is a record rule (employee, recorded supervisor), checked by the service.
 */
const anyone: readonly Role[] = ROLES.filter((r) => r !== 'admin');
const hr: readonly Role[] = ['hr'];

const common = {
  'submit-self': { from: ['self_assessment'], to: 'supervisor_review', roles: anyone },
  'submit-feedback': { from: ['feedback'], to: 'feedback', roles: anyone },
  acknowledge: { from: ['feedback'], to: 'calibration', roles: anyone },
  dispute: { from: ['feedback'], to: 'calibration', roles: anyone },
  calibrate: { from: ['calibration'], to: 'calibration', roles: hr },
  finalize: { from: ['calibration'], to: 'finalized', roles: hr },
} as const;

/**
 * [4.4.1] monthly: self-assessment → supervisor evaluation → feedback conversation, acknowledged
 * by the employee → (HR calibration) → finalized. No peer or customer round.
 */
export const monthlyAppraisalMachine: Machine<AppraisalStatus, AppraisalAction> = {
  states: APPRAISAL_STATUSES,
  transitions: {
    ...common,
    'submit-supervisor': { from: ['supervisor_review'], to: 'feedback', roles: anyone },
    // No review round in a monthly cycle.
    'close-reviews': { from: [], to: 'feedback', roles: anyone },
  },
};

/**
 * [4.4.2] annual: as monthly, with peer reviews (reviewers picked by the supervisor) and, for
 * customer-facing staff, customer reviews in parallel after the supervisor's evaluation. The
 * supervisor may pick peers and send customer links while the evaluation is still open.
 */
export const annualAppraisalMachine: Machine<AppraisalStatus, AppraisalAction> = {
  states: APPRAISAL_STATUSES,
  transitions: {
    ...common,
    'submit-supervisor': { from: ['supervisor_review'], to: 'peer_review', roles: anyone },
    'close-reviews': { from: ['peer_review'], to: 'feedback', roles: anyone },
  },
};

export type CycleType = 'monthly' | 'annual';

export function appraisalMachineOf(type: CycleType): Machine<AppraisalStatus, AppraisalAction> {
  return type === 'annual' ? annualAppraisalMachine : monthlyAppraisalMachine;
}

