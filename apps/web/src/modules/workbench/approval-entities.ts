import type { ComponentType } from 'react';
import type { TKey } from '../../app/module-types';

/**
 * What the shared approval pages need to know about each kind of record that goes through
 * approvals: its name, where it lives, how to show it and how to decide it. Modules register
 * their records (proposals now; contracts, expenses, change requests, training plans later).
 */
export type ApprovalEntitySpec = {
  labelKey: TKey;
  /** The record's own page. */
  link: (entityId: number) => string;
  /** A compact view of the record for the approval page. */
  Summary?: ComponentType<{ entityId: number }>;
  /** Approve or return the current step; decisions go through the record so its state moves with them. */
  decide: (entityId: number, decision: 'approve' | 'return', comment?: string) => Promise<unknown>;
};

const SPECS = new Map<string, ApprovalEntitySpec>();

export function registerApprovalEntity(entity: string, spec: ApprovalEntitySpec): void {
  SPECS.set(entity, spec);
}

export function approvalEntity(entity: string): ApprovalEntitySpec | undefined {
  return SPECS.get(entity);
}
