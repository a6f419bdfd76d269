import { describe, expect, it } from 'vitest';
import { checkTransition } from '../shared/machine.js';
import { leadMachine, LEAD_STATUSES, type LeadAction } from './lead.machine.js';
import { proposalMachine, PROPOSAL_STATUSES, type ProposalAction } from './proposal.machine.js';
import { contractMachine, CONTRACT_STATUSES, type ContractAction } from './contract.machine.js';

// Every (state, action) pair: the expected next state for the allowed role, or null.
const LEAD_TABLE: Record<LeadAction, Partial<Record<(typeof LEAD_STATUSES)[number], string>>> = {
  accept: { registered: 'accepted' },
  reject: { registered: 'rejected' },
  assign: { accepted: 'assigned', assigned: 'assigned' },
  analyze: { assigned: 'analyzed', analyzed: 'analyzed' },
  convert: { analyzed: 'converted' },
};
const PROPOSAL_TABLE: Record<ProposalAction, Partial<Record<(typeof PROPOSAL_STATUSES)[number], string>>> = {
  edit: { draft: 'draft', returned: 'draft' },
  submit: { draft: 'in_review', returned: 'in_review' },
  approve: { in_review: 'approved' },
  return: { in_review: 'returned' },
  send: { approved: 'sent' },
  negotiate: { sent: 'sent' },
  'customer-accept': { sent: 'accepted' },
  'customer-decline': { sent: 'declined' },
};
const CONTRACT_TABLE: Record<ContractAction, Partial<Record<(typeof CONTRACT_STATUSES)[number], string>>> = {
  edit: { draft: 'draft' },
  sign: { draft: 'active' },
  complete: { active: 'completed' },
  terminate: { draft: 'terminated', active: 'terminated' },
};

function checkTable<S extends string, A extends string>(name: string, machine: Parameters<typeof checkTransition<S, A>>[0], states: readonly S[], table: Record<A, Partial<Record<S, string>>>) {
  describe(`${name} machine`, () => {
    for (const action of Object.keys(table) as A[]) {
      const role = machine.transitions[action].roles[0]!;
      for (const state of states) {
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

checkTable('lead', leadMachine, LEAD_STATUSES, LEAD_TABLE);
checkTable('proposal', proposalMachine, PROPOSAL_STATUSES, PROPOSAL_TABLE);
checkTable('contract', contractMachine, CONTRACT_STATUSES, CONTRACT_TABLE);

describe('roles', () => {
  it.each([
    ['specialist may not evaluate a lead', () => checkTransition(leadMachine, 'registered', 'accept', 'specialist'), 'role'],
    ['marketing may not assign', () => checkTransition(leadMachine, 'accepted', 'assign', 'marketing'), 'role'],
    ['specialist may not approve a proposal', () => checkTransition(proposalMachine, 'in_review', 'approve', 'specialist'), 'role'],
    ['pm may not sign a contract', () => checkTransition(contractMachine, 'draft', 'sign', 'pm'), 'role'],
  ])('%s', (_, run, reason) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});
