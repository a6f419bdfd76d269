import type { z } from 'zod';
import type { ProposalContent, negotiationSchema, proposalCreateSchema, proposalUpdateSchema } from '@domain/sales/proposal.schema.js';
import { proposalMachine } from '@domain/sales/proposal.machine.js';
import { mayAuthorProposal, mayWorkLead } from '@domain/sales/sales.access.js';
import { diffProposalContent, proposalTotalFen } from '@domain/sales/proposal.rules.js';
import { leadMachine } from '@domain/sales/lead.machine.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, invalidTransition, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { findLead } from './leads.repo.js';
import { findProposal, listNegotiations, listProposalVersions, proposalSelect } from './proposals.repo.js';
import { presentProposal } from './proposals.presenter.js';
import { salesScopeOf } from './sales.scope.js';
import { nextCode } from '../../platform/db/counters.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { touchCustomer } from './customers.service.js';
import { decideProposalReview, pendingReviewers, startProposalReview } from './proposal-review.js';

async function reload(db: Executor, meta: RequestMeta, id: number) {
  const row = (await proposalSelect(db).where('p.id', '=', id).executeTakeFirst())!;
  return presentProposal(row, meta.actor, await pendingReviewers(db, id));
}

export async function getProposal(db: Executor, meta: RequestMeta, id: number) {
  const row = await findProposal(db, id, await salesScopeOf(db, meta.actor));
  if (!row) throw notFound();
  return presentProposal(row, meta.actor, await pendingReviewers(db, id));
}

async function load(trx: Executor, meta: RequestMeta, id: number) {
  const row = await findProposal(trx, id, await salesScopeOf(trx, meta.actor));
  if (!row) throw notFound();
  return row;
}

function mustBeAuthor(meta: RequestMeta, authorId: number) {
  if (!mayAuthorProposal(meta.actor, { authorId })) throw forbidden();
}

async function guarded(trx: Executor, id: number, fromStatus: string, version: number, values: Record<string, unknown>) {
  const res = await trx.updateTable('proposals').set({ ...values, version: version + 1 }).where('id', '=', id).where('status', '=', fromStatus).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
}

/** [3.1.4] The assignee drafts a proposal from the analysed lead; the lead is converted. */
export function createProposal(deps: Deps, db: Executor, meta: RequestMeta, input: z.infer<typeof proposalCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const lead = await findLead(trx, input.leadId, await salesScopeOf(trx, meta.actor));
    if (!lead) throw invalid({ leadId: 'field.notExists' });
    if (!mayWorkLead(meta.actor, { assigneeId: lead.assignee_id })) throw forbidden();
    if (lead.status !== 'analyzed' && lead.status !== 'converted') throw invalid({ leadId: 'field.leadNotReady' });
    const { leadId, ...content } = input;
    const at = nowIso(deps);
    const code = await nextCode(trx, 'P', deps.now().getUTCFullYear());
    const { id } = await trx
      .insertInto('proposals')
      .values({ code, status: 'draft', lead_id: leadId, customer_id: lead.customer_id, author_id: meta.actor.id, version_no: 1, title: content.title, content_json: JSON.stringify(content), total_fen: proposalTotalFen(content.budgetLines), decline_reason: null, sent_at: null, decided_at: null, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (lead.status === 'analyzed') {
      transitionOrThrow(leadMachine, lead.status, 'convert', meta.actor);
      await trx.updateTable('leads').set({ status: 'converted', converted_at: at, version: lead.version + 1, updated_at: at }).where('id', '=', leadId).where('status', '=', 'analyzed').execute();
      await writeAudit(trx, deps.engine, meta, { action: 'transition:convert', entity: 'lead', entityId: leadId, before: { status: 'analyzed' }, after: { status: 'converted', proposalId: id } }, at);
    }
    await touchCustomer(trx, lead.customer_id, at);
    const dto = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'proposal', entityId: id, after: dto }, at);
    return dto;
  });
}

export function updateProposal(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof proposalUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await load(trx, meta, id);
    mustBeAuthor(meta, row.author_id);
    if (row.version !== input.version) throw versionConflict();
    transitionOrThrow(proposalMachine, row.status, 'edit', meta.actor);
    const { version, ...patch } = input;
    const before = JSON.parse(row.content_json) as ProposalContent;
    const content = { ...before, ...patch } as ProposalContent;
    const at = nowIso(deps);
    // A returned proposal keeps its status until resubmitted, so the reviewer's comment stays visible.
    await guarded(trx, id, row.status, version, { title: content.title, content_json: JSON.stringify(content), total_fen: proposalTotalFen(content.budgetLines), updated_at: at });
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'proposal', entityId: id, before: { content: before }, after: { content } }, at);
    return reload(trx, meta, id);
  });
}

export function submitProposal(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    const row = await load(trx, meta, id);
    mustBeAuthor(meta, row.author_id);
    const to = transitionOrThrow(proposalMachine, row.status, 'submit', meta.actor);
    const at = nowIso(deps);
    const last = await trx.selectFrom('proposal_versions').select((eb) => eb.fn.max('version_no').as('v')).where('proposal_id', '=', id).executeTakeFirst();
    const versionNo = Number(last?.v ?? 0) + 1;
    await trx.insertInto('proposal_versions').values({ proposal_id: id, version_no: versionNo, content_json: row.content_json, total_fen: row.total_fen, submitted_at: at, submitted_by: meta.actor.id, decision: null, decided_by: null, comment: null, decided_at: null }).execute();
    await guarded(trx, id, row.status, row.version, { status: to, version_no: versionNo, updated_at: at });
    await startProposalReview(trx, deps, meta, { id, title: row.title, totalFen: Number(row.total_fen) });
    await writeAudit(trx, deps.engine, meta, { action: 'transition:submit', entity: 'proposal', entityId: id, before: { status: row.status }, after: { status: to, versionNo } }, at);
    return reload(trx, meta, id);
  });
}

/** approve / return: the reviewer decides the current step; the proposal moves when the approval finishes. */
export function reviewProposal(deps: Deps, db: Executor, meta: RequestMeta, id: number, decision: 'approve' | 'return', comment?: string) {
  return inTransaction(db, async (trx) => {
    const row = await load(trx, meta, id);
    transitionOrThrow(proposalMachine, row.status, decision, meta.actor);
    const { outcome } = await decideProposalReview(trx, deps, meta, id, decision, comment);
    const at = nowIso(deps);
    if (outcome !== 'pending') {
      const to = outcome === 'approved' ? 'approved' : 'returned';
      await guarded(trx, id, row.status, row.version, { status: to, decided_at: at, updated_at: at });
      await trx
        .updateTable('proposal_versions')
        .set({ decision: to, decided_by: meta.actor.id, comment: comment ?? null, decided_at: at })
        .where('proposal_id', '=', id)
        .where('version_no', '=', row.version_no)
        .execute();
      await notify(trx, deps, { userIds: [row.author_id], kind: to === 'approved' ? 'proposal.approved' : 'proposal.returned', params: { title: row.title, actor: meta.actor.name }, entity: 'proposal', entityId: id, link: `/proposals/${id}` });
    }
    await writeAudit(trx, deps.engine, meta, { action: `transition:${decision}`, entity: 'proposal', entityId: id, before: { status: row.status }, after: { outcome, comment: comment ?? null } }, at);
    return reload(trx, meta, id);
  });
}

export function sendProposal(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return simpleTransition(deps, db, meta, id, 'send', { sent_at: nowIso(deps) });
}

export function customerDecision(deps: Deps, db: Executor, meta: RequestMeta, id: number, action: 'customer-accept' | 'customer-decline', reason?: string) {
  return simpleTransition(deps, db, meta, id, action, action === 'customer-decline' ? { decline_reason: reason ?? null } : {});
}

async function simpleTransition(deps: Deps, db: Executor, meta: RequestMeta, id: number, action: 'send' | 'customer-accept' | 'customer-decline', values: Record<string, unknown>) {
  return inTransaction(db, async (trx) => {
    const row = await load(trx, meta, id);
    mustBeAuthor(meta, row.author_id);
    const to = transitionOrThrow(proposalMachine, row.status, action, meta.actor);
    const at = nowIso(deps);
    await guarded(trx, id, row.status, row.version, { ...values, status: to, updated_at: at });
    await touchCustomer(trx, row.customer_id, at);
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'proposal', entityId: id, before: { status: row.status }, after: { status: to, ...values } }, at);
    return reload(trx, meta, id);
  });
}

/** [3.1.5] 商務洽談: one round of negotiation on a sent proposal. */
export function addNegotiation(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof negotiationSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await load(trx, meta, id);
    mustBeAuthor(meta, row.author_id);
    transitionOrThrow(proposalMachine, row.status, 'negotiate', meta.actor);
    const at = nowIso(deps);
    await trx.insertInto('negotiations').values({ proposal_id: id, date: input.date, participants: input.participants, points: input.points, outcome: input.outcome, created_by: meta.actor.id, created_at: at }).execute();
    await touchCustomer(trx, row.customer_id, at);
    await writeAudit(trx, deps.engine, meta, { action: 'negotiate', entity: 'proposal', entityId: id, after: input }, at);
    return proposalHistory(trx, meta, id);
  });
}

/** Versions with the review comments they received, each diffed against the one before; negotiation rounds. */
export async function proposalHistory(db: Executor, meta: RequestMeta, id: number) {
  await load(db, meta, id);
  const versions = await listProposalVersions(db, id);
  const asc = [...versions].reverse();
  const withDiff = asc.map((v, i) => ({
    versionNo: v.version_no,
    content: JSON.parse(v.content_json) as ProposalContent,
    totalFen: Number(v.total_fen),
    submittedAt: v.submitted_at,
    submittedById: v.submitted_by,
    decision: v.decision as 'approved' | 'returned' | null,
    decidedById: v.decided_by,
    decidedByName: v.decided_by_name,
    comment: v.comment,
    decidedAt: v.decided_at,
    changes: i === 0 ? [] : diffProposalContent(JSON.parse(asc[i - 1]!.content_json) as ProposalContent, JSON.parse(v.content_json) as ProposalContent),
  }));
  const negotiations = (await listNegotiations(db, id)).map((n) => ({ id: n.id, date: n.date, participants: n.participants, points: n.points, outcome: n.outcome, createdBy: n.created_by_name, createdAt: n.created_at }));
  return { versions: withDiff.reverse(), negotiations };
}
