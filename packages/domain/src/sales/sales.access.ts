import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { roleHas } from '../shared/permissions.js';
import { permittedActions } from '../shared/access.js';
import { leadMachine } from './lead.machine.js';
import { proposalMachine } from './proposal.machine.js';
import { contractMachine } from './contract.machine.js';

/**
 * Who may do what with one sales record [3.1], on top of the role permissions (permissions.ts)
 * and the data scope (out of scope answers 404 before these are asked). Written once: services
 * refuse with 403 when these say no, presenters list `actions` from them.
 */

/** The business roles: they hold customers and take leads. */
const BUSINESS_ROLES: readonly Role[] = ['manager', 'deputy', 'pm', 'specialist'];
/** Who manages the department's customers as a whole. */
const CUSTOMER_MANAGERS: readonly Role[] = ['manager', 'deputy'];

/** May a user with this role own customers (be set as owner, or own what they create)? */
export function mayOwnCustomers(role: Role): boolean {
  return BUSINESS_ROLES.includes(role);
}

type CustomerFacts = { ownerId: number | null };

/** Edit a customer or add a contact: a manager or deputy, its owner, or anyone but marketing while it is in the pool. */
export function mayEditCustomer(actor: Actor, c: CustomerFacts): boolean {
  return CUSTOMER_MANAGERS.includes(actor.role) || c.ownerId === actor.id || (c.ownerId === null && actor.role !== 'marketing');
}

/** Give a customer another owner: a manager or deputy. */
export function mayReassignCustomer(actor: Actor): boolean {
  return CUSTOMER_MANAGERS.includes(actor.role);
}

/** Return a customer to the pool: its owner, or a manager or deputy. */
export function mayReleaseCustomer(actor: Actor, c: CustomerFacts): boolean {
  return c.ownerId === actor.id || CUSTOMER_MANAGERS.includes(actor.role);
}

/** A customer's `actions`: edit (and add contacts), claim from the pool, release to it. */
export function customerActions(actor: Actor, c: CustomerFacts): string[] {
  const actions: string[] = [];
  if (roleHas(actor.role, 'customer.update') && mayEditCustomer(actor, c)) actions.push('edit');
  if (roleHas(actor.role, 'customer.claim') && c.ownerId === null) actions.push('claim');
  if (roleHas(actor.role, 'customer.claim') && c.ownerId !== null && mayReleaseCustomer(actor, c)) actions.push('release');
  return actions;
}

type LeadFacts = { status: string; assigneeId: number | null };

/** Who a lead may be assigned to: a PM or a specialist [3.1.2]. */
export function mayTakeLeads(role: Role): boolean {
  return role === 'pm' || role === 'specialist';
}

/** Work a lead (needs analysis, proposal): its assignee, or the manager. */
export function mayWorkLead(actor: Actor, lead: Pick<LeadFacts, 'assigneeId'>): boolean {
  return lead.assigneeId === actor.id || actor.role === 'manager';
}

/** What this actor may do with the lead now: the machine's actions, analysis and conversion for whoever works it. */
export function leadActions(actor: Actor, lead: LeadFacts): string[] {
  return permittedActions(leadMachine, lead.status, actor, (a) => (a === 'analyze' || a === 'convert' ? mayWorkLead(actor, lead) : true));
}

type ProposalFacts = { status: string; authorId: number };

/** Edit, submit, send or record the customer's answer: the author, or the manager. */
export function mayAuthorProposal(actor: Actor, p: Pick<ProposalFacts, 'authorId'>): boolean {
  return p.authorId === actor.id || actor.role === 'manager';
}

/** What this actor may do with the proposal now: review if the approval awaits them, the rest if they author it. */
export function proposalActions(actor: Actor, p: ProposalFacts, pendingApproverIds: readonly number[] = []): string[] {
  return permittedActions(proposalMachine, p.status, actor, (a) => (a === 'approve' || a === 'return' ? pendingApproverIds.includes(actor.id) : mayAuthorProposal(actor, p)));
}

type ContractFacts = { status: string; ownerId: number };

/** Edit a draft contract: its owner, or the manager. */
export function mayEditContract(actor: Actor, k: Pick<ContractFacts, 'ownerId'>): boolean {
  return k.ownerId === actor.id || actor.role === 'manager';
}

/** What this actor may do with the contract now. */
export function contractActions(actor: Actor, k: ContractFacts): string[] {
  return permittedActions(contractMachine, k.status, actor, (a) => a !== 'edit' || mayEditContract(actor, k));
}
