import type { Actor } from '../shared/actor.js';
import { actionsFrom } from '../shared/machine.js';
import { appraisalMachineOf, sideActionOpen, type AppraisalAction, type AppraisalStatus, type SideAction } from './appraisal.machine.js';

/**
 * Who may do what with one appraisal [4.4], on top of the role permissions and the scope:
 * services refuse with 403 when `mayAct` says no, the presenter lists `appraisalActions`.
 */

/** The fields the record rules look at. */
export type AppraisalFacts = {
  status: string;
  cycle_type: string;
  cycle_status: string;
  employee_id: number;
  supervisor_id: number | null;
  customer_facing: number;
  feedback_at: string | null;
};

type Type = 'monthly' | 'annual';

export function isEmployee(r: AppraisalFacts, actor: Actor): boolean {
  return r.employee_id === actor.id;
}

/** The recorded supervisor evaluates; with none recorded, HR does (never on their own appraisal). */
export function isEvaluator(r: AppraisalFacts, actor: Actor): boolean {
  if (isEmployee(r, actor)) return false;
  return r.supervisor_id === null ? actor.role === 'hr' : r.supervisor_id === actor.id;
}

/** Record rules on top of the machine: who among those whose role may act is the right person for this appraisal. */
export function mayAct(action: AppraisalAction | SideAction, r: AppraisalFacts, actor: Actor): boolean {
  switch (action) {
    case 'submit-self':
    case 'acknowledge':
    case 'dispute':
      return isEmployee(r, actor);
    case 'submit-supervisor':
    case 'submit-feedback':
    case 'select-peers':
      return isEvaluator(r, actor);
    case 'close-reviews':
      return isEvaluator(r, actor) || (actor.role === 'hr' && !isEmployee(r, actor));
    case 'customer-link':
      return r.customer_facing === 1 && (isEvaluator(r, actor) || (actor.role === 'hr' && !isEmployee(r, actor)));
    case 'calibrate':
    case 'finalize':
      return actor.role === 'hr' && !isEmployee(r, actor);
  }
}

/** What this actor may do with the appraisal now, for the `actions` field. */
export function appraisalActions(r: AppraisalFacts, actor: Actor): string[] {
  if (r.cycle_status !== 'open') return [];
  const type = r.cycle_type as Type;
  const moves: string[] = actionsFrom(appraisalMachineOf(type), r.status as AppraisalStatus, actor.role)
    .filter((a) => mayAct(a, r, actor))
    // Acknowledging waits for the supervisor's feedback record.
    .filter((a) => (a !== 'acknowledge' && a !== 'dispute') || r.feedback_at !== null);
  for (const side of ['select-peers', 'customer-link'] as const) {
    if (sideActionOpen(side, type, r.status) && mayAct(side, r, actor)) moves.push(side);
  }
  return moves;
}
