import type { Machine } from '../shared/machine.js';

export const LEAD_STATUSES = ['registered', 'accepted', 'rejected', 'assigned', 'analyzed', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadAction = 'accept' | 'reject' | 'assign' | 'analyze' | 'convert';

/** [3.1.2] the manager evaluates; [3.1.3] assigns a pm or specialist who writes the needs analysis; [3.1.4] a proposal converts it. */
export const leadMachine: Machine<LeadStatus, LeadAction> = {
  states: LEAD_STATUSES,
  transitions: {
    accept: { from: ['registered'], to: 'accepted', roles: ['manager'] },
    reject: { from: ['registered'], to: 'rejected', roles: ['manager'] },
    assign: { from: ['accepted', 'assigned'], to: 'assigned', roles: ['manager'] },
    analyze: { from: ['assigned', 'analyzed'], to: 'analyzed', roles: ['pm', 'specialist', 'manager', 'deputy'] },
    convert: { from: ['analyzed'], to: 'converted', roles: ['pm', 'specialist', 'manager', 'deputy'] },
  },
};
