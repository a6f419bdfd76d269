import { LEAD_STATUSES, type LeadStatus } from '@domain/sales/lead.machine.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@domain/sales/proposal.machine.js';
import { CONTRACT_STATUSES, type ContractStatus } from '@domain/sales/contract.machine.js';
import { PROJECT_STATUSES, type ProjectStatus } from '@domain/delivery/project.machine.js';
import { LEAD_CHANNELS, URGENCIES } from '@domain/sales/lead.schema.js';
import { CUSTOMER_SIZES, CUSTOMER_SOURCES, INDUSTRIES } from '@domain/sales/customer.schema.js';
import { PRIORITIES } from '@domain/sales/needs-analysis.schema.js';

export { LEAD_STATUSES, PROPOSAL_STATUSES, CONTRACT_STATUSES, PROJECT_STATUSES, LEAD_CHANNELS, URGENCIES, CUSTOMER_SIZES, CUSTOMER_SOURCES, INDUSTRIES, PRIORITIES };
export type { LeadStatus, ProposalStatus, ContractStatus, ProjectStatus };
export type Urgency = (typeof URGENCIES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type Priority = (typeof PRIORITIES)[number];

export const LEAD_STATUS_COLORS: Record<LeadStatus, string> = {
  registered: 'gold',
  accepted: 'cyan',
  rejected: 'default',
  assigned: 'blue',
  analyzed: 'geekblue',
  converted: 'green',
};

export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  approved: 'cyan',
  sent: 'blue',
  accepted: 'success',
  declined: 'error',
};

export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  active: 'processing',
  completed: 'success',
  terminated: 'error',
};

export const PROJECT_STATUS_COLORS: Record<ProjectStatus, string> = {
  planning: 'default',
  executing: 'processing',
  internal_acceptance: 'cyan',
  customer_acceptance: 'geekblue',
  settlement: 'purple',
  closed: 'success',
};

export const URGENCY_COLORS: Record<Urgency, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
export const PRIORITY_COLORS: Record<Priority, string> = { must: 'red', should: 'orange', could: 'default' };

/** The stages a lead passes on the kanban (rejected and converted leave it; converted ones continue as proposals). */
export const KANBAN_LEAD_STATUSES: readonly LeadStatus[] = ['registered', 'accepted', 'assigned', 'analyzed'];
export const KANBAN_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['draft', 'in_review', 'returned', 'approved', 'sent', 'accepted'];

export const FUNNEL_STAGES = ['registered', 'accepted', 'assigned', 'analyzed', 'proposal', 'won', 'signed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export function isProjectStatus(value: string): value is ProjectStatus {
  return (PROJECT_STATUSES as readonly string[]).includes(value);
}
