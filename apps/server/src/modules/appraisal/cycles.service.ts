import type { CycleCreate, CycleDto } from '@domain/appraisal/cycle.schema.js';
import { gradeDistribution, gradeOf } from '@domain/appraisal/scoring.rules.js';
import { localDate } from '@domain/settings/settings.rules.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/http/errors.js';
import { appraisalScopeOf, appraisalScopeWhere } from './appraisal.scope.js';
import { cycleCounts, findCycle, listCycles } from './cycles.repo.js';
import { presentCycle } from './cycles.presenter.js';
import { openCycle } from './cycle-open.js';
import { appraisalSettings } from './settings.load.js';
import { fromX100 } from './scores.js';

export async function listAppraisalCycles(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'>, q: { type?: string; status?: string; page: number; pageSize: number; sort?: string }) {
  const { items, total } = await listCycles(db, q, q.page, q.pageSize, q.sort);
  const counts = await cycleCounts(db, items.map((c) => c.id), await appraisalScopeOf(db, meta.actor), localDate(deps.now()));
  return { items: items.map((c) => presentCycle(c, counts.get(c.id)!, meta.actor)), total, page: q.page, pageSize: q.pageSize };
}

export async function getAppraisalCycle(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'>, id: number): Promise<CycleDto> {
  const row = await findCycle(db, id);
  if (!row) throw notFound();
  const counts = await cycleCounts(db, [id], await appraisalScopeOf(db, meta.actor), localDate(deps.now()));
  return presentCycle(row, counts.get(id)!, meta.actor);
}

export async function createAppraisalCycle(deps: Deps, db: Executor, meta: RequestMeta, input: CycleCreate): Promise<CycleDto> {
  const id = await openCycle(deps, db, meta, input);
  return getAppraisalCycle(deps, db, meta, id);
}

/** Grades before HR's calibration (from the computed final scores) and after, with each adjustment and its reason. */
export async function calibrationView(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'>, cycleId: number) {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound();
  const bands = (await appraisalSettings(db, cycle.opened_on))['appraisal.gradeBands'];
  const rows = await db
    .selectFrom('appraisals as a')
    .innerJoin('users as e', 'e.id', 'a.employee_id')
    .select(['a.id', 'e.name', 'a.computed_final_x100', 'a.final_score_x100', 'a.grade', 'a.calibration_reason'])
    .where('a.cycle_id', '=', cycleId)
    .where('a.computed_final_x100', 'is not', null)
    .where(appraisalScopeWhere(await appraisalScopeOf(db, meta.actor)))
    .orderBy('e.name')
    .execute();
  const before = rows.map((r) => gradeOf(fromX100(r.computed_final_x100)!, bands));
  return {
    before: gradeDistribution(before, bands),
    after: gradeDistribution(rows.map((r) => r.grade), bands),
    adjusted: rows
      .map((r, i) => ({ r, gradeBefore: before[i]! }))
      .filter(({ r }) => r.calibration_reason !== null)
      .map(({ r, gradeBefore }) => ({
        appraisalId: r.id,
        employeeName: r.name,
        computedFinalScore: fromX100(r.computed_final_x100),
        finalScore: fromX100(r.final_score_x100),
        gradeBefore,
        grade: r.grade,
        reason: r.calibration_reason!,
      })),
  };
}
