import type { z } from 'zod';
import { translate } from '@domain/i18n/messages.js';
import { projectMachine, type ProjectAction } from '@domain/delivery/project.machine.js';
import { mayWriteOff } from '@domain/delivery/delivery.access.js';
import { acceptanceChecklist, unpassedItems } from '@domain/delivery/acceptance.rules.js';
import { missingForClose } from '@domain/delivery/documents.rules.js';
import { addDays } from '@domain/delivery/dates.rules.js';
import type { projectCloseSchema, projectReworkSchema, projectSettleSchema, projectStartSchema } from '@domain/delivery/project.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, invalidTransition } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { linkAttachments } from '../../platform/files/attachments.js';
import { notify } from '../../platform/notify/notify.js';
import { transitionOrThrow } from '../../platform/http/transition.js';
import { requireManage } from './delivery.scope.js';
import { archivedCategories, loadProject, presentDetail } from './projects.service.js';
import { projectSelect, type ProjectRow } from './projects.repo.js';
import { computeFigures, loadMilestones, refreshStats } from './project-figures.js';
import { currentRound, nextRound } from './acceptance.repo.js';
import { errorWith, refuseFutureDates, todayOf, yuan } from './delivery.support.js';
import { fileDocumentVersion } from './documents.service.js';

type Step = { row: ProjectRow; to: string; trx: Executor; at: string; today: string };

/**
 * One project transition: in scope (404), the PM or the manager (403), allowed from this state
 * (409); `apply` does the action's own work; the status moves only if nobody moved it meanwhile.
 */
function transition(deps: Deps, db: Executor, meta: RequestMeta, id: number, action: ProjectAction, apply: (s: Step) => Promise<{ set?: Record<string, unknown>; audit?: Record<string, unknown> }>) {
  return inTransaction(db, async (trx) => {
    const row = await loadProject(trx, meta, id);
    const to = transitionOrThrow(projectMachine, row.status, action, meta.actor);
    requireManage(row, meta.actor);
    const at = nowIso(deps);
    const today = todayOf(deps);
    const { set = {}, audit = {} } = await apply({ row, to, trx, at, today });
    const res = await trx
      .updateTable('projects')
      .set({ ...set, status: to, version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    const figures = await refreshStats(trx, { id, status: to, contract_fen: row.contract_fen, write_off_fen: Number(set.write_off_fen ?? row.write_off_fen) }, today, at);
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'project', entityId: id, before: { status: row.status }, after: { status: to, ...audit } }, at);
    return presentDetail(deps, trx, meta, (await projectSelect(trx).where('j.id', '=', id).executeTakeFirst())!, figures);
  });
}

/** [3.2.1] execution starts. */
export function startProject(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof projectStartSchema>) {
  return transition(deps, db, meta, id, 'start', async ({ today }) => {
    const actualStart = input.actualStart ?? today;
    refuseFutureDates({ actualStart }, today);
    return { set: { actual_start: actualStart }, audit: { actualStart } };
  });
}

/** [3.3.1] work is done: a new internal acceptance round with a checklist from the deliverables and the setting's quality standards. */
export function submitInternalAcceptance(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return transition(deps, db, meta, id, 'submit-internal-acceptance', async ({ row, trx, at, today }) => {
    const [milestones, quality, round] = await Promise.all([loadMilestones(trx, row.id), getSetting(trx, 'delivery.acceptance.qualityItems', today), nextRound(trx, row.id, 'internal')]);
    const items = acceptanceChecklist(milestones, quality);
    const { id: acceptanceId } = await trx
      .insertInto('project_acceptances')
      .values({ project_id: row.id, kind: 'internal', round, status: 'open', accepted_date: null, signer: null, note: '', rework_items_json: '[]', rework_reason: null, decided_by: null, decided_at: null, created_by: meta.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (items.length) {
      await trx
        .insertInto('project_acceptance_items')
        .values(items.map((it, i) => ({ acceptance_id: acceptanceId, seq: i + 1, source: it.source, name: it.name, standard: it.standard, result: 'pending', note: '', checked_by: null, checked_at: null })))
        .execute();
    }
    return { audit: { acceptanceId, round, items: items.length } };
  });
}

/** [3.3.2] internal acceptance passed: every item must have passed; the deliverables go to the customer. */
export function submitCustomerAcceptance(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return transition(deps, db, meta, id, 'submit-customer-acceptance', async ({ row, trx, at }) => {
    const internal = await currentRound(trx, row.id, 'internal');
    if (!internal) throw invalidTransition();
    const items = await trx.selectFrom('project_acceptance_items').select(['seq', 'name', 'result']).where('acceptance_id', '=', internal.id).orderBy('seq').execute();
    const blocking = unpassedItems(items);
    if (items.length === 0 || blocking.length) {
      throw errorWith(meta, 409, 'ACCEPTANCE_NOT_PASSED', Object.fromEntries(blocking.map((i) => [`items.${i.seq}`, ['field.itemsNotPassed', { name: i.name }]])));
    }
    await trx.updateTable('project_acceptances').set({ status: 'passed', decided_by: meta.actor.id, decided_at: at }).where('id', '=', internal.id).where('status', '=', 'open').execute();
    const round = await nextRound(trx, row.id, 'customer');
    const { id: customerId } = await trx
      .insertInto('project_acceptances')
      .values({ project_id: row.id, kind: 'customer', round, status: 'pending', accepted_date: null, signer: null, note: '', rework_items_json: '[]', rework_reason: null, decided_by: null, decided_at: null, created_by: meta.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { audit: { internalAcceptanceId: internal.id, customerAcceptanceId: customerId, round } };
  });
}

/** [3.3.2] the customer signed off: date, signer, the signed document (filed in the archive as acceptance papers). */
export function settleProject(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof projectSettleSchema>) {
  return transition(deps, db, meta, id, 'settle', async ({ row, trx, at, today }) => {
    refuseFutureDates({ acceptedDate: input.acceptedDate }, today);
    const round = await currentRound(trx, row.id, 'customer');
    if (!round) throw invalidTransition();
    const files = await linkAttachments(trx, { ids: input.attachmentIds, entity: 'project_acceptance', entityId: round.id, actor: meta.actor });
    await trx
      .updateTable('project_acceptances')
      .set({ status: 'accepted', accepted_date: input.acceptedDate, signer: input.signer, note: input.note, decided_by: meta.actor.id, decided_at: at })
      .where('id', '=', round.id)
      .execute();
    for (const f of files) await fileDocumentVersion(trx, meta, { projectId: row.id, category: 'acceptance', title: f.name, attachmentId: f.id, note: input.signer, at });
    return { audit: { acceptanceId: round.id, acceptedDate: input.acceptedDate, signer: input.signer, attachmentIds: input.attachmentIds } };
  });
}

/** [3.3.2] acceptance failed: the round records what must be redone, which become tasks of a rework milestone; the team is told. */
export function reworkProject(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof projectReworkSchema>) {
  return transition(deps, db, meta, id, 'rework', async ({ row, trx, at, today }) => {
    const kind = row.status === 'customer_acceptance' ? 'customer' : 'internal';
    const round = await currentRound(trx, row.id, kind);
    if (!round) throw invalidTransition();
    const due = input.dueDate ?? addDays(today, 7);
    if (due < today) throw invalid({ dueDate: 'field.dateNotPast' });
    await trx
      .updateTable('project_acceptances')
      .set({ status: kind === 'customer' ? 'rejected' : 'failed', rework_items_json: JSON.stringify(input.items), rework_reason: input.reason, decided_by: meta.actor.id, decided_at: at })
      .where('id', '=', round.id)
      .execute();
    const seq = await trx.selectFrom('project_milestones').select((eb) => eb.fn.max('seq').as('s')).where('project_id', '=', row.id).executeTakeFirst();
    const name = translate(meta.locale, 'delivery.reworkMilestone', { kind: translate(meta.locale, `delivery.acceptance.${kind}`), round: round.round });
    const { id: milestoneId } = await trx
      .insertInto('project_milestones')
      .values({ project_id: row.id, seq: Number(seq?.s ?? 0) + 1, name, planned_start: today, planned_end: due, deliverable: input.items.join('、') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('project_tasks')
      .values(input.items.map((item, i) => ({ project_id: row.id, milestone_id: milestoneId, seq: i + 1, name: item, owner_id: row.pm_id, planned_start: today, planned_end: due, actual_start: null, actual_end: null, weight: 1, progress: 0, depends_on: '[]', note: input.reason, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })))
      .execute();
    const team = await trx.selectFrom('project_members').select('user_id').where('project_id', '=', row.id).where('active', '=', 1).execute();
    await notify(trx, deps, { userIds: [row.pm_id, ...team.map((m) => m.user_id)].filter((u) => u !== meta.actor.id), kind: 'project.rework', params: { title: row.name, actor: meta.actor.name }, entity: 'project', entityId: row.id, link: `/projects/${row.id}` });
    return { audit: { acceptanceId: round.id, kind, reason: input.reason, items: input.items, milestoneId } };
  });
}

/**
 * [3.3.3–3.3.4] closing: the money is settled (or the manager writes the rest off with a reason),
 * a retrospective exists, and every required document is archived; otherwise 409 naming what is missing.
 */
export function closeProject(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof projectCloseSchema>) {
  return transition(deps, db, meta, id, 'close', async ({ row, trx, at, today }) => {
    const actualEnd = input.actualEnd ?? today;
    refuseFutureDates({ actualEnd }, today);
    const figures = await computeFigures(trx, row, today);
    const unpaid = figures.receivables.contractFen - figures.receivables.receivedFen - Number(row.write_off_fen);
    let writeOff = Number(row.write_off_fen);
    if (unpaid > 0) {
      if (!input.writeOffReason) throw errorWith(meta, 409, 'PROJECT_NOT_SETTLED', { writeOffReason: ['field.notSettled', { outstanding: yuan(unpaid) }] });
      if (!mayWriteOff(meta.actor)) throw forbidden();
      writeOff += unpaid;
    } else if (input.writeOffReason) {
      throw invalid({ writeOffReason: 'field.writeOffNotNeeded' });
    }
    const retro = await trx.selectFrom('project_retrospectives').select('id').where('project_id', '=', row.id).executeTakeFirst();
    if (!retro) throw errorWith(meta, 409, 'RETROSPECTIVE_MISSING', { retrospective: ['field.retrospectiveMissing'] });
    const missing = missingForClose(await getSetting(trx, 'delivery.documents.required', today), await archivedCategories(trx, row.id));
    if (missing.length) {
      throw errorWith(meta, 409, 'DOCUMENTS_MISSING', { documents: ['field.documentsMissing', { missing: missing.map((c) => translate(meta.locale, `delivery.document.${c}`)).join(translate(meta.locale, 'delivery.listSeparator')) }] });
    }
    if (actualEnd < (row.actual_start ?? actualEnd)) throw invalid({ actualEnd: 'field.dateOrder' });
    const writeOffFields = unpaid > 0 ? { write_off_fen: writeOff, write_off_reason: input.writeOffReason } : {};
    return { set: { actual_end: actualEnd, closed_at: at, ...writeOffFields }, audit: { actualEnd, ...(unpaid > 0 ? { writeOffFen: unpaid, writeOffReason: input.writeOffReason } : {}) } };
  });
}

