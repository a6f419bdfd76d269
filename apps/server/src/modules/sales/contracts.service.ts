import { translate } from '@domain/i18n/messages.js';
import { contractMachine } from '@domain/sales/contract.machine.js';
import { mayEditContract } from '@domain/sales/sales.access.js';
import { formatContractNumber, type ContractCreate, type ContractUpdate } from '@domain/sales/contract.schema.js';
import type { ProposalContent } from '@domain/sales/proposal.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors, forbidden, invalid, invalidTransition, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { linkAttachments } from '../../platform/files/attachments.js';
import { contractSelect, findContract, listInstalments } from './contracts.repo.js';
import { presentContract } from './contracts.presenter.js';
import { findProposal } from './proposals.repo.js';
import { salesScopeOf } from './sales.scope.js';
import { nextCounter } from '../../platform/db/counters.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { touchCustomer } from './customers.service.js';

async function reload(db: Executor, meta: RequestMeta, id: number) {
  const row = (await contractSelect(db).where('k.id', '=', id).executeTakeFirst())!;
  return presentContract(row, await listInstalments(db, id), meta.actor);
}

export async function getContract(db: Executor, meta: RequestMeta, id: number) {
  const row = await findContract(db, id, await salesScopeOf(db, meta.actor));
  if (!row) throw notFound();
  return presentContract(row, await listInstalments(db, id), meta.actor);
}

async function numberTaken(db: Executor, number: string, exceptId?: number) {
  let q = db.selectFrom('contracts').select('id').where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

async function writeInstalments(trx: Executor, contractId: number, instalments: ContractCreate['instalments']) {
  await trx.deleteFrom('contract_instalments').where('contract_id', '=', contractId).execute();
  let seq = 1;
  for (const i of instalments) {
    await trx.insertInto('contract_instalments').values({ contract_id: contractId, seq: seq++, name: i.name, amount_fen: i.amountFen, due_date: i.dueDate }).execute();
  }
}

/** [3.1.6] A contract from the proposal the customer accepted; the number comes from the format in the settings unless given. */
export function createContract(deps: Deps, db: Executor, meta: RequestMeta, input: ContractCreate) {
  return inTransaction(db, async (trx) => {
    const proposal = await findProposal(trx, input.proposalId, await salesScopeOf(trx, meta.actor));
    if (!proposal) throw invalid({ proposalId: 'field.notExists' });
    if (proposal.status !== 'accepted') throw invalid({ proposalId: 'field.proposalNotAccepted' });
    if (proposal.contract_id) throw fieldErrors(409, 'DUPLICATE', (k) => translate(meta.locale, k), { proposalId: ['field.contractExists'] });
    const at = nowIso(deps);
    let number = input.number;
    if (number) {
      if (await numberTaken(trx, number)) throw fieldErrors(409, 'DUPLICATE', (k) => translate(meta.locale, k), { number: ['field.taken'] });
    } else {
      const year = deps.now().getUTCFullYear();
      const format = await getSetting(trx, 'sales.contract.numberFormat');
      do number = formatContractNumber(format, year, await nextCounter(trx, `contract-${year}`));
      while (await numberTaken(trx, number));
    }
    const { id } = await trx
      .insertInto('contracts')
      .values({
        number,
        status: 'draft',
        title: input.title,
        proposal_id: proposal.id,
        lead_id: proposal.lead_id,
        customer_id: proposal.customer_id,
        owner_id: proposal.author_id,
        party_a: input.partyA,
        party_b: input.partyB,
        amount_fen: input.amountFen,
        signed_date: null,
        start_date: input.startDate,
        end_date: input.endDate,
        terms: input.terms,
        project_id: null,
        version: 1,
        created_at: at,
        created_by: meta.actor.id,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeInstalments(trx, id, input.instalments);
    if (input.attachmentIds?.length) await linkAttachments(trx, { ids: input.attachmentIds, entity: 'contract', entityId: id, actor: meta.actor });
    const dto = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'contract', entityId: id, after: dto }, at);
    return dto;
  });
}

export function updateContract(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: ContractUpdate) {
  return inTransaction(db, async (trx) => {
    const row = await findContract(trx, id, await salesScopeOf(trx, meta.actor));
    if (!row) throw notFound();
    if (!mayEditContract(meta.actor, { ownerId: row.owner_id })) throw forbidden();
    transitionOrThrow(contractMachine, row.status, 'edit', meta.actor);
    if (row.version !== input.version) throw versionConflict();
    const before = presentContract(row, await listInstalments(trx, id), meta.actor);
    const amount = input.amountFen ?? before.amountFen;
    const instalments = input.instalments ?? before.instalments;
    if (instalments.reduce((s, i) => s + i.amountFen, 0) !== amount) throw invalid({ instalments: 'field.instalmentsSum' });
    const start = input.startDate ?? before.startDate;
    const end = input.endDate ?? before.endDate;
    if (start > end) throw invalid({ endDate: 'field.dateOrder' });
    if (input.number && (await numberTaken(trx, input.number, id))) throw fieldErrors(409, 'DUPLICATE', (k) => translate(meta.locale, k), { number: ['field.taken'] });
    const at = nowIso(deps);
    const res = await trx
      .updateTable('contracts')
      .set({
        ...(input.number && { number: input.number }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.partyA !== undefined && { party_a: input.partyA }),
        ...(input.partyB !== undefined && { party_b: input.partyB }),
        ...(input.terms !== undefined && { terms: input.terms }),
        amount_fen: amount,
        start_date: start,
        end_date: end,
        version: row.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    if (input.instalments) await writeInstalments(trx, id, input.instalments);
    if (input.attachmentIds?.length) await linkAttachments(trx, { ids: input.attachmentIds, entity: 'contract', entityId: id, actor: meta.actor });
    const after = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'contract', entityId: id, before, after }, at);
    return after;
  });
}

/** Signing activates the contract and, in the same transaction, has delivery start its project [3.2.1] with the proposal's milestones and budget. */
export function signContract(deps: Deps, db: Executor, meta: RequestMeta, id: number, signedDate: string) {
  return inTransaction(db, async (trx) => {
    const row = await findContract(trx, id, await salesScopeOf(trx, meta.actor));
    if (!row) throw notFound();
    const to = transitionOrThrow(contractMachine, row.status, 'sign', meta.actor);
    const at = nowIso(deps);
    const res = await trx.updateTable('contracts').set({ status: to, signed_date: signedDate, version: row.version + 1, updated_at: at }).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    const proposal = await trx.selectFrom('proposals').select(['content_json', 'author_id']).where('id', '=', row.proposal_id).executeTakeFirstOrThrow();
    const content = JSON.parse(proposal.content_json) as ProposalContent;
    const lead = await trx.selectFrom('leads').select('assignee_id').where('id', '=', row.lead_id).executeTakeFirstOrThrow();
    const { id: projectId } = await deps.modules.hooks.createProjectFromContract(trx, deps, meta, {
      contractId: id,
      title: row.title,
      customerId: row.customer_id,
      pmId: lead.assignee_id ?? proposal.author_id,
      startDate: row.start_date,
      endDate: row.end_date,
      milestones: content.milestones,
      budgetLines: content.budgetLines,
    });
    await trx.updateTable('contracts').set({ project_id: projectId }).where('id', '=', id).execute();
    await touchCustomer(trx, row.customer_id, at);
    await writeAudit(trx, deps.engine, meta, { action: 'transition:sign', entity: 'contract', entityId: id, before: { status: row.status }, after: { status: to, signedDate, projectId } }, at);
    return reload(trx, meta, id);
  });
}
