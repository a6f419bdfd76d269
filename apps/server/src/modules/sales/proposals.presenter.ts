import type { Actor } from '@domain/shared/actor.js';
import type { ProposalDto, ProposalContent } from '@domain/sales/proposal.schema.js';
import { proposalActions as permittedProposalActions } from '@domain/sales/sales.access.js';
import type { ProposalRow } from './proposals.repo.js';
import { presentRecordMeta } from '../../platform/http/record-meta.js';

/** What this actor may do with the proposal now (sales.access.ts). */
export function proposalActions(row: Pick<ProposalRow, 'status' | 'author_id'>, actor: Actor, pendingApproverIds: number[] = []): string[] {
  return permittedProposalActions(actor, { status: row.status, authorId: row.author_id }, pendingApproverIds);
}

export function presentProposal(r: ProposalRow, actor: Actor, pendingApproverIds: number[] = []): ProposalDto {
  const c = JSON.parse(r.content_json) as ProposalContent;
  return {
    ...presentRecordMeta(r),
    code: r.code,
    status: r.status as ProposalDto['status'],
    leadId: r.lead_id,
    leadTitle: r.lead_title,
    customerId: r.customer_id,
    customerName: r.customer_name,
    authorId: r.author_id,
    authorName: r.author_name,
    versionNo: r.version_no,
    title: c.title,
    goals: c.goals,
    workContent: c.workContent,
    milestones: c.milestones,
    budgetLines: c.budgetLines,
    assumptions: c.assumptions,
    totalFen: Number(r.total_fen),
    declineReason: r.decline_reason,
    contractId: r.contract_id ?? null,
    actions: proposalActions(r, actor, pendingApproverIds),
  };
}
