import type { Actor } from '@domain/shared/actor.js';
import type { ContractDto } from '@domain/sales/contract.schema.js';
import { contractActions } from '@domain/sales/sales.access.js';
import type { ContractRow } from './contracts.repo.js';
import { presentRecordMeta } from '../../platform/http/record-meta.js';

type InstalmentRow = { id: number; name: string; amount_fen: number; due_date: string };

export function presentContract(r: ContractRow, instalments: InstalmentRow[], actor: Actor): ContractDto {
  return {
    ...presentRecordMeta(r),
    number: r.number,
    status: r.status as ContractDto['status'],
    title: r.title,
    proposalId: r.proposal_id,
    leadId: r.lead_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    partyA: r.party_a,
    partyB: r.party_b,
    amountFen: Number(r.amount_fen),
    signedDate: r.signed_date,
    startDate: r.start_date,
    endDate: r.end_date,
    instalments: instalments.map((i) => ({ id: i.id, name: i.name, amountFen: Number(i.amount_fen), dueDate: i.due_date })),
    terms: r.terms,
    projectId: r.project_id,
    actions: contractActions(actor, { status: r.status, ownerId: r.owner_id }),
  };
}
