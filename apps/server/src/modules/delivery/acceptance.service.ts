import type { z } from 'zod';
import type { AcceptanceItemResult, AcceptanceItemSource } from '@domain/delivery/acceptance.rules.js';
import type { AcceptanceDto, acceptanceCheckSchema, acceptanceItemAddSchema } from '@domain/delivery/acceptance.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { attachmentsOf } from '../../platform/files/attachments.js';
import { requireManage, requireTeamMember } from './delivery.scope.js';
import { loadProject } from './projects.service.js';
import { acceptanceItems, acceptanceRounds, type AcceptanceItemRow, type AcceptanceRow } from './acceptance.repo.js';

async function present(db: Executor, rounds: AcceptanceRow[]): Promise<AcceptanceDto[]> {
  const ids = rounds.map((r) => r.id);
  const [items, files] = await Promise.all([
    acceptanceItems(db, ids),
    attachmentsOf(db, 'project_acceptance', ids),
  ]);
  return rounds.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    kind: r.kind as AcceptanceDto['kind'],
    round: r.round,
    status: r.status as AcceptanceDto['status'],
    items: items.filter((i) => i.acceptance_id === r.id).map(presentItem),
    acceptedDate: r.accepted_date,
    signer: r.signer,
    note: r.note,
    reworkItems: JSON.parse(r.rework_items_json) as string[],
    reworkReason: r.rework_reason,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    documents: files.get(r.id) ?? [],
  }));
}

function presentItem(i: AcceptanceItemRow) {
  return {
    id: i.id,
    seq: i.seq,
    source: i.source as AcceptanceItemSource,
    name: i.name,
    standard: i.standard,
    result: i.result as AcceptanceItemResult,
    note: i.note,
    checkedBy: i.checked_by,
    checkedByName: i.checked_by_name,
    checkedAt: i.checked_at,
  };
}

/** Every acceptance round, latest first: internal checklists and customer sign-offs or rejections. */
export async function listAcceptances(db: Executor, meta: RequestMeta, projectId: number) {
  await loadProject(db, meta, projectId);
  const items = await present(db, await acceptanceRounds(db, projectId));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** The open internal round of a project in internal acceptance, or 409. */
async function openInternalRound(trx: Executor, projectId: number, acceptanceId: number, status: string) {
  const round = await trx.selectFrom('project_acceptances').selectAll().where('id', '=', acceptanceId).where('project_id', '=', projectId).executeTakeFirst();
  if (!round) throw notFound();
  if (round.kind !== 'internal' || round.status !== 'open' || status !== 'internal_acceptance') throw invalidTransition({ from: round.status, action: 'check' });
  return round;
}

async function reloadRound(db: Executor, projectId: number, id: number) {
  const rounds = await acceptanceRounds(db, projectId);
  return (await present(db, rounds.filter((r) => r.id === id)))[0]!;
}

/** [3.3.1] team members check items: pass or fail, with notes. */
export function checkItems(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, acceptanceId: number, input: z.infer<typeof acceptanceCheckSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    await openInternalRound(trx, projectId, acceptanceId, project.status);
    const existing = await trx.selectFrom('project_acceptance_items').select(['id', 'seq', 'name', 'result', 'note']).where('acceptance_id', '=', acceptanceId).execute();
    const known = new Map(existing.map((i) => [i.id, i]));
    const fields: Record<string, string> = {};
    input.items.forEach((it, i) => {
      if (!known.has(it.id)) fields[`items.${i}.id`] = 'field.notInProject';
    });
    if (Object.keys(fields).length) throw invalid(fields);
    const at = nowIso(deps);
    for (const it of input.items) {
      await trx
        .updateTable('project_acceptance_items')
        .set({ result: it.result, note: it.note, checked_by: it.result === 'pending' ? null : meta.actor.id, checked_at: it.result === 'pending' ? null : at })
        .where('id', '=', it.id)
        .execute();
    }
    await writeAudit(trx, deps.engine, meta, { action: 'check-acceptance', entity: 'project', entityId: projectId, before: { acceptanceId, items: input.items.map((it) => known.get(it.id)) }, after: { acceptanceId, items: input.items } }, at);
    return reloadRound(trx, projectId, acceptanceId);
  });
}

/** The PM adds a quality item to the open checklist. */
export function addItem(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, acceptanceId: number, input: z.infer<typeof acceptanceItemAddSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    await openInternalRound(trx, projectId, acceptanceId, project.status);
    const last = await trx.selectFrom('project_acceptance_items').select((eb) => eb.fn.max('seq').as('s')).where('acceptance_id', '=', acceptanceId).executeTakeFirst();
    const at = nowIso(deps);
    await trx.insertInto('project_acceptance_items').values({ acceptance_id: acceptanceId, seq: Number(last?.s ?? 0) + 1, source: 'added', name: input.name, standard: input.standard, result: 'pending', note: '', checked_by: null, checked_at: null }).execute();
    await writeAudit(trx, deps.engine, meta, { action: 'add-acceptance-item', entity: 'project', entityId: projectId, after: { acceptanceId, ...input } }, at);
    return reloadRound(trx, projectId, acceptanceId);
  });
}
