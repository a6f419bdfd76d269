import type { z } from 'zod';
import type { calibrateSchema } from '@domain/appraisal/appraisal.schema.js';
import { gradeOf } from '@domain/appraisal/scoring.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { getAppraisalDetail } from './appraisals.read.js';
import { guardedUpdate, loadForAction, typeParam } from './appraisal-actions.js';
import { appraisalSettings, type AppraisalSettings } from './settings.load.js';
import { createResults } from './results.create.js';
import { fromX100, toX100 } from './scores.js';

/** HR's calibration round [docs/design.md §3, inferred]: adjust the final score with a written reason; the computed one is kept beside it. */
export function calibrate(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof calibrateSchema>) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'calibrate');
    const at = nowIso(deps);
    const grade = gradeOf(input.finalScore, l.settings['appraisal.gradeBands']);
    await guardedUpdate(trx, l.row, { final_score_x100: toX100(input.finalScore), grade, calibration_reason: input.reason, calibrated_at: at, calibrated_by: meta.actor.id }, at);
    await writeAudit(
      trx,
      deps.engine,
      meta,
      { action: 'transition:calibrate', entity: 'appraisal', entityId: id, before: { finalScore: fromX100(l.row.final_score_x100), grade: l.row.grade }, after: { finalScore: input.finalScore, grade, reason: input.reason } },
      at,
    );
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

type Row = { id: number; status: string; version: number; cycle_id: number; employee_id: number; cycle_type: string; period: string; grade: string | null; final_score_x100: number | null };

async function finalizeRow(trx: Executor, deps: Deps, meta: RequestMeta, r: Row, settings: AppraisalSettings, at: string): Promise<void> {
  await guardedUpdate(trx, r, { status: 'finalized', finalized_at: at, finalized_by: meta.actor.id, step_due: null }, at);
  await createResults(trx, { ...r, grade: r.grade!, final_score_x100: r.final_score_x100! }, settings, at, meta.actor.id);
  await writeAudit(trx, deps.engine, meta, { action: 'transition:finalize', entity: 'appraisal', entityId: r.id, before: { status: r.status }, after: { status: 'finalized', finalScore: fromX100(r.final_score_x100), grade: r.grade } }, at);
  await notify(trx, deps, {
    userIds: [r.employee_id],
    kind: 'appraisal.finalized',
    params: { period: r.period, type: typeParam(r.cycle_type), grade: r.grade!, score: (fromX100(r.final_score_x100) ?? 0).toFixed(2) },
    entity: 'appraisal',
    entityId: r.id,
    link: `/appraisal/appraisals/${r.id}`,
  });
}

/** HR finalizes: the result is locked and what it leads to (bonus, flags, candidacies) is listed for decision. */
export function finalize(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'finalize');
    await finalizeRow(trx, deps, meta, l.row, l.settings, nowIso(deps));
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

/** Finalizes every appraisal of the cycle waiting in calibration (except HR's own); answers how many. */
export function finalizeAll(deps: Deps, db: Executor, meta: RequestMeta, cycleId: number) {
  return inTransaction(db, async (trx) => {
    const cycle = await trx.selectFrom('appraisal_cycles').select(['id', 'status', 'opened_on']).where('id', '=', cycleId).executeTakeFirst();
    if (!cycle) throw notFound();
    if (cycle.status !== 'open') throw invalidTransition({ from: cycle.status, action: 'finalize-all' });
    const rows = await trx
      .selectFrom('appraisals as a')
      .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
      .select(['a.id', 'a.status', 'a.version', 'a.cycle_id', 'a.employee_id', 'c.type as cycle_type', 'c.period', 'a.grade', 'a.final_score_x100'])
      .where('a.cycle_id', '=', cycleId)
      .where('a.status', '=', 'calibration')
      .where('a.employee_id', '!=', meta.actor.id)
      .orderBy('a.id')
      .execute();
    const settings = await appraisalSettings(trx, cycle.opened_on);
    const at = nowIso(deps);
    for (const r of rows) await finalizeRow(trx, deps, meta, r, settings, at);
    return { finalized: rows.length };
  });
}

/** Closing locks the cycle for good; every appraisal must be finalized first. */
export function closeCycle(deps: Deps, db: Executor, meta: RequestMeta, cycleId: number) {
  return inTransaction(db, async (trx) => {
    if (meta.actor.role !== 'hr') throw forbidden();
    const cycle = await trx.selectFrom('appraisal_cycles').select(['id', 'status', 'version']).where('id', '=', cycleId).executeTakeFirst();
    if (!cycle) throw notFound();
    if (cycle.status !== 'open') throw invalidTransition({ from: cycle.status, action: 'close' });
    const open = await trx.selectFrom('appraisals').select('id').where('cycle_id', '=', cycleId).where('status', '!=', 'finalized').limit(1).execute();
    if (open.length) throw new AppError(409, 'CYCLE_INCOMPLETE');
    const at = nowIso(deps);
    const res = await trx
      .updateTable('appraisal_cycles')
      .set({ status: 'closed', closed_at: at, closed_by: meta.actor.id, version: cycle.version + 1, updated_at: at })
      .where('id', '=', cycleId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    await writeAudit(trx, deps.engine, meta, { action: 'transition:close', entity: 'appraisal_cycle', entityId: cycleId, before: { status: 'open' }, after: { status: 'closed' } }, at);
  });
}
