import type { Machine } from '../shared/machine.js';
import { BUSINESS_ROLES } from '../shared/roles.js';

/** [3.2.3] A project issue; a major one goes to the department manager, who records the discussion and decides. */
export const ISSUE_STATUSES = ['open', 'escalated', 'decided', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export type IssueAction = 'escalate' | 'decide' | 'close';

export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'major'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

export const issueMachine: Machine<IssueStatus, IssueAction> = {
  states: ISSUE_STATUSES,
  transitions: {
    escalate: { from: ['open'], to: 'escalated', roles: BUSINESS_ROLES },
    decide: { from: ['escalated'], to: 'decided', roles: ['manager'] },
    close: { from: ['open', 'decided'], to: 'closed', roles: BUSINESS_ROLES },
  },
};
