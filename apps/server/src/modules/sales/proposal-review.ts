import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { decideApproval, getApproval, startApproval } from '../../platform/approvals/approvals.js';
import { getSetting } from '../../platform/settings/settings.js';

/**
 * Proposal review [3.1.4–3.1.5] through the shared approval component: the department manager
 * approves; above the amount in the settings a company leader approves after them.
 */
export async function startProposalReview(trx: Executor, deps: Deps, meta: RequestMeta, p: { id: number; title: string; totalFen: number }) {
  const active = (role: string) => trx.selectFrom('users').select('id').where('role', '=', role).where('active', '=', 1).execute();
  const managers = (await active('manager')).map((r) => r.id);
  const steps: Array<{ approverIds: number[]; mode: 'all' | 'any' }> = [{ approverIds: managers, mode: 'any' }];
  const threshold = await getSetting(trx, 'sales.proposal.leaderApprovalAboveFen');
  if (p.totalFen > threshold) steps.push({ approverIds: (await active('leader')).map((r) => r.id), mode: 'any' });
  return startApproval(trx, deps, meta, { entity: 'proposal', entityId: p.id, title: p.title, amountFen: p.totalFen, steps });
}

export function decideProposalReview(trx: Executor, deps: Deps, meta: RequestMeta, proposalId: number, decision: 'approve' | 'return', comment?: string) {
  return decideApproval(trx, deps, meta, { entity: 'proposal', entityId: proposalId, decision, comment });
}

/** Who may decide the proposal's review right now. */
export async function pendingReviewers(db: Executor, proposalId: number): Promise<number[]> {
  const approval = await getApproval(db, 'proposal', proposalId);
  if (!approval || approval.status !== 'pending') return [];
  return approval.pendingApproverIds;
}
