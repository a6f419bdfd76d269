import { sql } from 'kysely';
import type { z } from 'zod';
import type { ResultDto, resultDecideSchema, resultUpdateSchema } from '@domain/appraisal/result.schema.js';
import { bonusAmountFen } from '@domain/appraisal/results.rules.js';
import type { Actor } from '@domain/shared/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalidTransition, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { fromX100 } from './scores.js';

function resultSelect(db: Executor) {
  return db
    .selectFrom('appraisal_results as r')
    .innerJoin('appraisal_cycles as c', 'c.id', 'r.cycle_id')
    .innerJoin('appraisals as a', 'a.id', 'r.appraisal_id')
    .innerJoin('users as e', 'e.id', 'r.employee_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('users as x', 'x.id', 'r.decided_by')
    .selectAll('r')
    .select(['c.type as cycle_type', 'c.period', 'e.name as employee_name', 'd.name as department_name', 'a.position_title', 'x.name as decided_by_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof resultSelect>['executeTakeFirstOrThrow']>>;

function actionsOf(r: Row, actor: Actor): string[] {
  if (actor.role !== 'hr' && actor.role !== 'manager') return [];
  if (r.employee_id === actor.id) return [];
  const out = ['decide'];
  if (r.kind === 'bonus' && r.decision === 'pending') out.push('edit');
  return out;
}

function present(r: Row, actor: Actor): ResultDto {
  return {
    id: r.id,
    version: r.version,
    cycleId: r.cycle_id,
    cycleType: r.cycle_type as ResultDto['cycleType'],
    period: r.period,
    appraisalId: r.appraisal_id,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    departmentName: r.department_name,
    positionTitle: r.position_title,
    kind: r.kind as ResultDto['kind'],
    grade: r.grade,
    finalScore: fromX100(r.final_score_x100)!,
    baseFen: r.base_fen === null ? null : Number(r.base_fen),
    coefficient: r.coefficient_x10000 === null ? null : r.coefficient_x10000 / 10_000,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    basis: JSON.parse(r.basis_json) as ResultDto['basis'],
    decision: r.decision as ResultDto['decision'],
    note: r.note,
    decidedById: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    actions: actionsOf(r, actor),
  };
}

export async function listResults(db: Executor, meta: Pick<RequestMeta, 'actor'>, q: { cycleId?: number; kind?: string; decision?: string; employeeId?: number; page: number; pageSize: number }) {
  const build = () => {
    let b = resultSelect(db);
    if (q.cycleId) b = b.where('r.cycle_id', '=', q.cycleId);
    if (q.kind) b = b.where('r.kind', '=', q.kind);
    if (q.decision) b = b.where('r.decision', '=', q.decision);
    if (q.employeeId) b = b.where('r.employee_id', '=', q.employeeId);
    return b;
  };
  const [items, count] = await Promise.all([
    build().orderBy('c.period', 'desc').orderBy('r.kind').orderBy('r.final_score_x100', 'desc').orderBy('r.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: items.map((r) => present(r, meta.actor)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function load(db: Executor, id: number) {
  const row = await resultSelect(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** HR sets a bonus line's base (the amount follows from the grade's coefficient) while it is undecided. */
export function updateResult(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof resultUpdateSchema>) {
  return inTransaction(db, async (trx) => {
    const r = await load(trx, id);
    if (!actionsOf(r, meta.actor).includes('edit')) throw r.kind !== 'bonus' || r.decision !== 'pending' ? invalidTransition({ from: r.decision, action: 'edit' }) : notFound();
    if (r.version !== input.version) throw versionConflict();
    const at = nowIso(deps);
    const amount = r.coefficient_x10000 === null ? null : bonusAmountFen(input.baseFen, r.coefficient_x10000 / 10_000);
    const res = await trx.updateTable('appraisal_results').set({ base_fen: input.baseFen, amount_fen: amount, version: r.version + 1, updated_at: at }).where('id', '=', id).where('version', '=', r.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'appraisal_result', entityId: id, before: { baseFen: Number(r.base_fen), amountFen: r.amount_fen }, after: { baseFen: input.baseFen, amountFen: amount } }, at);
    return present(await load(trx, id), meta.actor);
  });
}

/** HR or the manager records the decision (accepted, or declined with a note) [4.5]; it may be revised, each time audited. */
export function decideResult(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof resultDecideSchema>) {
  return inTransaction(db, async (trx) => {
    const r = await load(trx, id);
    if (r.employee_id === meta.actor.id) throw notFound();
    const at = nowIso(deps);
    const res = await trx
      .updateTable('appraisal_results')
      .set({ decision: input.decision, note: input.note?.trim() ?? '', decided_by: meta.actor.id, decided_at: at, version: r.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    await writeAudit(trx, deps.engine, meta, { action: 'transition:decide', entity: 'appraisal_result', entityId: id, before: { decision: r.decision, note: r.note }, after: { decision: input.decision, note: input.note ?? '' } }, at);
    return present(await load(trx, id), meta.actor);
  });
}
