import type { z } from 'zod';
import type { LeadCreate, leadAssignSchema, leadEvaluateSchema } from '@domain/sales/lead.schema.js';
import { leadMachine } from '@domain/sales/lead.machine.js';
import { mayTakeLeads, mayWorkLead } from '@domain/sales/sales.access.js';
import type { Role } from '@domain/shared/roles.js';
import type { NeedsAnalysisInput } from '@domain/sales/needs-analysis.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { linkAttachments } from '../../platform/files/attachments.js';
import { findLead, leadSelect } from './leads.repo.js';
import { presentLead } from './leads.presenter.js';
import { insertCustomer, touchCustomer } from './customers.service.js';
import { findCustomer, findDuplicateCustomer } from './customers.repo.js';
import { salesScopeOf } from './sales.scope.js';
import { nextCode } from '../../platform/db/counters.js';
import { transitionOrThrow } from '../../platform/http/transition.js';

async function activeIdsWithRole(db: Executor, role: string): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', role).where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}

async function reload(trx: Executor, meta: RequestMeta, id: number) {
  return presentLead((await leadSelect(trx).where('l.id', '=', id).executeTakeFirst())!, meta.actor);
}

/**
 * The customer a new lead is about. By id: only a customer the registrant can see (their own, the
 * pool, their region), and any other id answers as one that does not exist. By name and USCC: a new
 * customer in the pool, or — when the company is already a customer, possibly someone else's — that
 * customer, without the registrant learning anything about it or gaining access to it (README › Leads
 * for a customer someone else owns).
 */
async function customerOfNewLead(trx: Executor, deps: Deps, meta: RequestMeta, input: LeadCreate): Promise<number> {
  if (!input.newCustomer) {
    if (!(await findCustomer(trx, input.customerId!, await salesScopeOf(trx, meta.actor)))) throw invalid({ customerId: 'field.notExists' });
    return input.customerId!;
  }
  const existing = await findDuplicateCustomer(trx, input.newCustomer.name, input.newCustomer.uscc);
  if (existing) return existing.id;
  const contacts = input.contactName ? [{ name: input.contactName, phone: input.contactPhone, isPrimary: true }] : [];
  return (await insertCustomer(trx, deps, meta, { ...input.newCustomer, source: 'marketing', ownerId: null, contacts })).id;
}

/** 《業務線索登記表》 [3.1.1]: registered by marketing or any department; the manager is told [3.1.2]. */
export function registerLead(deps: Deps, db: Executor, meta: RequestMeta, input: LeadCreate) {
  return inTransaction(db, async (trx) => {
    const at = nowIso(deps);
    const customerId = await customerOfNewLead(trx, deps, meta, input);
    const registrant = await trx.selectFrom('users').select('department_id').where('id', '=', meta.actor.id).executeTakeFirstOrThrow();
    const code = await nextCode(trx, 'L', deps.now().getUTCFullYear());
    const { id } = await trx
      .insertInto('leads')
      .values({
        code,
        status: 'registered',
        title: input.title,
        channel: input.channel,
        referrer: input.referrer ?? '',
        registered_by: meta.actor.id,
        registered_department_id: registrant.department_id,
        customer_id: customerId,
        contact_name: input.contactName ?? '',
        contact_phone: input.contactPhone ?? '',
        needs: input.needs,
        expected_value_fen: input.expectedValueFen,
        urgency: input.urgency,
        evaluation_reason: null,
        evaluated_by: null,
        evaluated_at: null,
        assignee_id: null,
        assigned_at: null,
        analyzed_at: null,
        converted_at: null,
        version: 1,
        created_at: at,
        created_by: meta.actor.id,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.attachmentIds?.length) await linkAttachments(trx, { ids: input.attachmentIds, entity: 'lead', entityId: id, actor: meta.actor });
    await touchCustomer(trx, customerId, at);
    const dto = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'lead', entityId: id, after: dto }, at);
    await notify(trx, deps, { userIds: await activeIdsWithRole(trx, 'manager'), kind: 'lead.awaiting_evaluation', params: { title: input.title, actor: meta.actor.name }, entity: 'lead', entityId: id, link: `/leads/${id}` });
    return dto;
  });
}

async function loadForAction(trx: Executor, meta: RequestMeta, id: number) {
  const row = await findLead(trx, id, await salesScopeOf(trx, meta.actor));
  if (!row) throw notFound();
  return row;
}

/** Moves the lead only if it is still in the state we read: a concurrent transition makes this 409. */
async function guardedUpdate(trx: Executor, id: number, fromStatus: string, values: Record<string, unknown>) {
  const res = await trx
    .updateTable('leads')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
}

export function evaluateLead(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof leadEvaluateSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const to = transitionOrThrow(leadMachine, row.status, input.decision === 'accept' ? 'accept' : 'reject', meta.actor);
    const at = nowIso(deps);
    await guardedUpdate(trx, id, row.status, { status: to, evaluation_reason: input.reason ?? null, evaluated_by: meta.actor.id, evaluated_at: at, version: row.version + 1, updated_at: at });
    const dto = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: `transition:evaluate`, entity: 'lead', entityId: id, before: { status: row.status }, after: { status: to, reason: input.reason ?? null } }, at);
    return dto;
  });
}

export function assignLead(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof leadAssignSchema>) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const to = transitionOrThrow(leadMachine, row.status, 'assign', meta.actor);
    const assignee = await trx.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', input.assigneeId).executeTakeFirst();
    if (!assignee || assignee.active !== 1) throw invalid({ assigneeId: 'field.notExists' });
    if (!mayTakeLeads(assignee.role as Role)) throw invalid({ assigneeId: 'field.assigneeRole' });
    const at = nowIso(deps);
    await guardedUpdate(trx, id, row.status, { status: to, assignee_id: assignee.id, assigned_at: at, version: row.version + 1, updated_at: at });
    // The assignee becomes the customer's owner when it has none (a customer from the pool or a new one).
    await trx.updateTable('customers').set({ owner_id: assignee.id, pooled_at: null, last_activity_at: at }).where('id', '=', row.customer_id).where('owner_id', 'is', null).execute();
    const dto = await reload(trx, meta, id);
    await writeAudit(trx, deps.engine, meta, { action: 'transition:assign', entity: 'lead', entityId: id, before: { status: row.status, assigneeId: row.assignee_id }, after: { status: to, assigneeId: assignee.id } }, at);
    await notify(trx, deps, { userIds: [assignee.id], kind: 'lead.assigned', params: { title: row.title, actor: meta.actor.name }, entity: 'lead', entityId: id, link: `/leads/${id}` });
    return dto;
  });
}

/** 《客戶需求分析報告》 [3.1.3]: each submission is a new version; the lead becomes `analyzed`. */
export function submitNeedsAnalysis(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: NeedsAnalysisInput) {
  return inTransaction(db, async (trx) => {
    const row = await loadForAction(trx, meta, id);
    const to = transitionOrThrow(leadMachine, row.status, 'analyze', meta.actor);
    if (!mayWorkLead(meta.actor, { assigneeId: row.assignee_id })) throw forbidden();
    const at = nowIso(deps);
    const last = await trx.selectFrom('needs_analyses').select((eb) => eb.fn.max('version_no').as('v')).where('lead_id', '=', id).executeTakeFirst();
    const versionNo = Number(last?.v ?? 0) + 1;
    await trx.insertInto('needs_analyses').values({ lead_id: id, version_no: versionNo, content_json: JSON.stringify(input), author_id: meta.actor.id, created_at: at }).execute();
    await guardedUpdate(trx, id, row.status, { status: to, analyzed_at: at, version: row.version + 1, updated_at: at });
    await touchCustomer(trx, row.customer_id, at);
    await writeAudit(trx, deps.engine, meta, { action: 'transition:analyze', entity: 'lead', entityId: id, before: { status: row.status }, after: { status: to, needsAnalysisVersion: versionNo } }, at);
    return getNeedsAnalysis(trx, meta, id);
  });
}

export async function getNeedsAnalysis(db: Executor, meta: RequestMeta, id: number) {
  const lead = await loadForAction(db, meta, id);
  const rows = await db
    .selectFrom('needs_analyses as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.lead_id', 'n.version_no', 'n.content_json', 'n.author_id', 'u.name as author_name', 'n.created_at'])
    .where('n.lead_id', '=', id)
    .orderBy('n.version_no', 'desc')
    .execute();
  const versions = rows.map((r) => ({ leadId: r.lead_id, versionNo: r.version_no, content: JSON.parse(r.content_json), authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at }));
  return { lead: presentLead(lead, meta.actor), current: versions[0] ?? null, versions };
}
