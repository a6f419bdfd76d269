import { sql } from 'kysely';
import type { AppraisalListQuery } from '@domain/appraisal/appraisal.schema.js';
import type { Actor } from '@domain/shared/actor.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsText, sortOf } from '../../platform/db/query.js';
import { appraisalScopeWhere, type AppraisalScope } from './appraisal.scope.js';

/** The list columns: no JSON blobs. */
export function appraisalSelect(db: Executor) {
  return db
    .selectFrom('appraisals as a')
    .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('users as e', 'e.id', 'a.employee_id')
    .leftJoin('users as s', 's.id', 'a.supervisor_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'a.id',
      'a.version',
      'a.cycle_id',
      'a.employee_id',
      'a.supervisor_id',
      'a.template_id',
      'a.status',
      'a.department_id',
      'a.position_title',
      'a.customer_facing',
      'a.self_score_x100',
      'a.total_score_x100',
      'a.peer_score_x100',
      'a.customer_score_x100',
      'a.computed_final_x100',
      'a.final_score_x100',
      'a.grade',
      'a.feedback_at',
      'a.disputed',
      'a.step_due',
      'a.created_at',
      'a.updated_at',
      'c.type as cycle_type',
      'c.period',
      'c.status as cycle_status',
      'c.opened_on',
      'e.name as employee_name',
      's.name as supervisor_name',
      'd.name as department_name',
    ]);
}
export type AppraisalRow = Awaited<ReturnType<ReturnType<typeof appraisalSelect>['executeTakeFirstOrThrow']>>;

/** One appraisal with its forms, if the actor's scope reaches it. */
export function findAppraisal(db: Executor, id: number, scope: AppraisalScope) {
  return appraisalSelect(db)
    .select([
      'a.objective_json',
      'a.self_json',
      'a.self_submitted_at',
      'a.supervisor_json',
      'a.supervisor_submitted_at',
      'a.supervisor_submitted_by',
      'a.rater_weights_json',
      'a.feedback_json',
      'a.feedback_by',
      'a.acknowledged_at',
      'a.employee_comment',
      'a.calibration_reason',
      'a.calibrated_at',
      'a.calibrated_by',
      'a.finalized_at',
      'c.self_due',
      'c.supervisor_due',
      'c.reviews_due',
      'c.feedback_due',
    ])
    .where('a.id', '=', id)
    .where(appraisalScopeWhere(scope))
    .executeTakeFirst();
}
export type AppraisalFullRow = NonNullable<Awaited<ReturnType<typeof findAppraisal>>>;

const SORTS = {
  employeeName: 'e.name',
  finalScore: 'a.final_score_x100',
  totalScore: 'a.total_score_x100',
  status: 'a.status',
  stepDue: 'a.step_due',
  period: 'c.period',
  updatedAt: 'a.updated_at',
} as const;

const EVALUATING = ['supervisor_review', 'peer_review', 'feedback'];

export async function listAppraisals(db: Executor, scope: AppraisalScope, actor: Actor, f: AppraisalListQuery, today: string) {
  const build = () => {
    let q = appraisalSelect(db).where(appraisalScopeWhere(scope));
    if (f.view === 'mine') q = q.where('a.employee_id', '=', actor.id);
    if (f.view === 'to-evaluate') {
      q = q.where('a.status', 'in', EVALUATING).where('a.employee_id', '!=', actor.id).where('c.status', '=', 'open');
      q = actor.role === 'hr' ? q.where((eb) => eb.or([eb('a.supervisor_id', '=', actor.id), eb('a.supervisor_id', 'is', null)])) : q.where('a.supervisor_id', '=', actor.id);
    }
    if (f.cycleId) q = q.where('a.cycle_id', '=', f.cycleId);
    if (f.employeeId) q = q.where('a.employee_id', '=', f.employeeId);
    if (f.departmentId) q = q.where('a.department_id', '=', f.departmentId);
    if (f.type) q = q.where('c.type', '=', f.type);
    if (f.grade) q = q.where('a.grade', '=', f.grade);
    if (f.status) q = q.where('a.status', 'in', f.status.split(',').filter(Boolean));
    if (f.late === true) q = q.where('a.step_due', '<', today);
    if (f.late === false) q = q.where((eb) => eb.or([eb('a.step_due', 'is', null), eb('a.step_due', '>=', today)]));
    if (f.q) q = q.where(containsText('e.name', f.q));
    return q;
  };
  const { column, direction } = sortOf(f.sort ?? '-period', SORTS, 'period');
  const [items, count] = await Promise.all([
    build().orderBy(column, direction).orderBy('e.name').orderBy('a.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}
