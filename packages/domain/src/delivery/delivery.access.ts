import type { Actor } from '../shared/actor.js';
import { roleHas } from '../shared/permissions.js';
import { permittedActions } from '../shared/access.js';
import { projectMachine } from './project.machine.js';
import { issueMachine } from './issue.machine.js';
import { changeMachine } from './change.machine.js';

/**
 * Who may do what with a project and the records beneath it [3.2–3.3], on top of the role
 * permissions and the project scope: services refuse with 403 when these say no, presenters
 * build `actions` (and the project page's `can`) from them.
 */

type ProjectFacts = { status: string; pmId: number };

/** Run the project (team, plan, transitions, retrospective): its PM, or the department manager. */
export function mayManageProject(actor: Actor, p: Pick<ProjectFacts, 'pmId'>): boolean {
  return actor.role === 'manager' || p.pmId === actor.id;
}

/** Edit a task: whoever runs the project edits anything; the task's owner only progress, actual dates and notes. */
export function mayEditTask(actor: Actor, p: Pick<ProjectFacts, 'pmId'>, task: { ownerId: number }, fields: readonly string[], ownerFields: ReadonlySet<string>): boolean {
  return mayManageProject(actor, p) || (task.ownerId === actor.id && fields.every((f) => ownerFields.has(f)));
}

/** Close a project that is not fully paid, writing the rest off: the manager only. */
export function mayWriteOff(actor: Actor): boolean {
  return actor.role === 'manager';
}

/** Invoice against the contract's instalments: finance, or whoever runs the project. */
export function mayInvoice(actor: Actor, p: Pick<ProjectFacts, 'pmId'>): boolean {
  return actor.role === 'finance' || mayManageProject(actor, p);
}

/** The project's `actions`: its transitions, for whoever runs it. */
export function projectActions(actor: Actor, p: ProjectFacts): string[] {
  return mayManageProject(actor, p) && roleHas(actor.role, 'project.manage') ? permittedActions(projectMachine, p.status, actor) : [];
}

/** What the project page lets this actor do beneath the project; `onTeam`: its PM or an active member. */
export function projectCan(actor: Actor, p: ProjectFacts, onTeam: boolean) {
  const manage = mayManageProject(actor, p) && roleHas(actor.role, 'project.manage');
  const open = p.status !== 'closed';
  return {
    manage: manage && open,
    report: onTeam && open && roleHas(actor.role, 'project.report'),
    claimExpense: onTeam && open && roleHas(actor.role, 'expense.create'),
    invoice: open && roleHas(actor.role, 'invoice.create') && mayInvoice(actor, p),
    recordPayment: open && roleHas(actor.role, 'payment.create'),
    writeOff: p.status === 'settlement' && roleHas(actor.role, 'project.writeOff'),
    decideIssues: roleHas(actor.role, 'project-issue.decide'),
    decideChanges: roleHas(actor.role, 'project-change.decide'),
  };
}

/** An issue's `actions`: deciding for the roles that decide, the rest for the project's team. */
export function issueActions(actor: Actor, issue: { status: string }, member: boolean): string[] {
  return permittedActions(issueMachine, issue.status, actor, (a) => (a === 'decide' ? true : member));
}

/** A change request's `actions`. */
export function changeActions(actor: Actor, change: { status: string }): string[] {
  return permittedActions(changeMachine, change.status, actor);
}

/** Pay an approved expense, or refuse it at payment: finance. */
export function mayPayExpense(actor: Actor): boolean {
  return actor.role === 'finance';
}

/** An expense's `actions`: approve or reject while its approval awaits the actor; pay or reject once approved, for finance. */
export function expenseActions(actor: Actor, e: { status: string }, awaitingMe: boolean): string[] {
  const actions: string[] = [];
  if ((e.status === 'submitted' || e.status === 'pm_approved') && awaitingMe) actions.push('approve', 'reject');
  if (e.status === 'approved' && mayPayExpense(actor)) actions.push('pay', 'reject');
  return actions;
}
