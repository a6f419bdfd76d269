import type { Machine } from '../shared/machine.js';

export const PROPOSAL_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'sent', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalAction = 'edit' | 'submit' | 'approve' | 'return' | 'send' | 'negotiate' | 'customer-accept' | 'customer-decline';

const authors = ['pm', 'specialist', 'manager', 'deputy'] as const;

/** [3.1.4] drafted by the assignee and submitted; [3.1.5] approved by the manager, sent and negotiated; [3.1.6] accepted or declined. */
export const proposalMachine: Machine<ProposalStatus, ProposalAction> = {
  states: PROPOSAL_STATUSES,
  transitions: {
    edit: { from: ['draft', 'returned'], to: 'draft', roles: authors },
    submit: { from: ['draft', 'returned'], to: 'in_review', roles: authors },
    approve: { from: ['in_review'], to: 'approved', roles: ['manager', 'leader'] },
    return: { from: ['in_review'], to: 'returned', roles: ['manager', 'leader'] },
    send: { from: ['approved'], to: 'sent', roles: authors },
    negotiate: { from: ['sent'], to: 'sent', roles: authors },
    'customer-accept': { from: ['sent'], to: 'accepted', roles: authors },
    'customer-decline': { from: ['sent'], to: 'declined', roles: authors },
  },
};
