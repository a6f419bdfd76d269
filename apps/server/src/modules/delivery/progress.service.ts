import { translate } from '@domain/i18n/messages.js';
import { checkPeriod, periodKindOf, periodOf, periodRange } from '@domain/delivery/period.rules.js';
import { weightedPercent } from '@domain/delivery/schedule.rules.js';
import type { ProgressReportCreate, ProgressReportDto, ReportingStatusDto } from '@domain/delivery/progress.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, isUniqueViolation } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { requireOpen, requireTeamMember } from './delivery.scope.js';
import { loadProject, touchFigures } from './projects.service.js';
import { loadTasks } from './project-figures.js';
import { withActualDates } from './plan.service.js';
import { errorWith, todayOf } from './delivery.support.js';
import { sql } from 'kysely';

type StoredTask = { taskId: number; taskName: string; percent: number };

function reportSelect(db: Executor) {
  return db.selectFrom('project_progress_reports as r').innerJoin('users as u', 'u.id', 'r.user_id').selectAll('r').select('u.name as user_name');
}
type ReportRow = Awaited<ReturnType<ReturnType<typeof reportSelect>['executeTakeFirstOrThrow']>>;

function present(r: ReportRow): ProgressReportDto {
  const range = periodRange(r.period);
  return {
    id: r.id,
    projectId: r.project_id,
    userId: r.user_id,
    userName: r.user_name,
    period: r.period,
    periodStart: range.start,
    periodEnd: range.end,
    percentDone: r.percent_tenths / 10,
    workDone: r.work_done,
    nextSteps: r.next_steps,
    problems: r.problems,
    tasks: JSON.parse(r.tasks_json) as StoredTask[],
    createdAt: r.created_at,
  };
}

export async function listReports(db: Executor, meta: RequestMeta, projectId: number, q: { page: number; pageSize: number; period?: string; userId?: number }) {
  await loadProject(db, meta, projectId);
  const build = () => {
    let b = reportSelect(db).where('r.project_id', '=', projectId);
    if (q.period) b = b.where('r.period', '=', q.period);
    if (q.userId) b = b.where('r.user_id', '=', q.userId);
    return b;
  };
  const [rows, count] = await Promise.all([
    build().orderBy('r.period', 'desc').orderBy('r.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(present), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/**
 * [3.2.2] a team member's report for a period: each of their tasks' % done updates the plan (the
 * report's own % is those tasks weighted), so reports roll up into the project's progress.
 */
export function fileReport(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: ProgressReportCreate) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    const today = todayOf(deps);
    const check = checkPeriod(input.period, today);
    if (check === 'invalid') throw invalid({ period: 'field.periodFormat' });
    if (check === 'future') throw invalid({ period: 'field.periodFuture' });
    const kind = await getSetting(trx, 'delivery.progressReport.period', today);
    if (periodKindOf(input.period) !== kind) throw errorWith(meta, 400, 'VALIDATION_FAILED', { period: ['field.periodKind', { kind: translate(meta.locale, `delivery.period.${kind}`) }] });
    const mine = new Map((await loadTasks(trx, projectId)).filter((t) => t.owner_id === meta.actor.id).map((t) => [t.id, t]));
    const fields: Record<string, string> = {};
    input.tasks.forEach((t, i) => {
      if (!mine.has(t.taskId)) fields[`tasks.${i}.taskId`] = 'field.taskNotYours';
    });
    if (Object.keys(fields).length) throw invalid(fields);
    const percent = input.tasks.length ? weightedPercent(input.tasks.map((t) => ({ weight: Number(mine.get(t.taskId)!.weight), percent: t.percent }))) : input.percentDone!;
    const stored: StoredTask[] = input.tasks.map((t) => ({ taskId: t.taskId, taskName: mine.get(t.taskId)!.name, percent: t.percent }));
    const at = nowIso(deps);
    let id: number;
    try {
      ({ id } = await trx
        .insertInto('project_progress_reports')
        .values({ project_id: projectId, user_id: meta.actor.id, period: input.period, percent_tenths: Math.round(percent * 10), work_done: input.workDone, next_steps: input.nextSteps, problems: input.problems, tasks_json: JSON.stringify(stored), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (err) {
      if (isUniqueViolation(err)) throw errorWith(meta, 409, 'DUPLICATE', { period: ['field.reportExists'] });
      throw err;
    }
    for (const t of input.tasks) {
      const row = mine.get(t.taskId)!;
      const dates = withActualDates({ progress: t.percent, actual_start: row.actual_start, actual_end: t.percent < 100 ? null : row.actual_end }, today);
      await trx.updateTable('project_tasks').set({ progress: t.percent, ...dates, version: row.version + 1, updated_at: at }).where('id', '=', row.id).execute();
    }
    const dto = present((await reportSelect(trx).where('r.id', '=', id).executeTakeFirst())!);
    await writeAudit(trx, deps.engine, meta, { action: 'progress-report', entity: 'project', entityId: projectId, after: dto }, at);
    await touchFigures(deps, trx, project);
    return dto;
  });
}

/** Who owes a report for the period: active team members (the PM reads them) who joined by its end. */
export async function reportingStatus(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, period?: string): Promise<ReportingStatusDto> {
  const project = await loadProject(db, meta, projectId);
  const today = todayOf(deps);
  const kind = await getSetting(db, 'delivery.progressReport.period', today);
  const key = period ?? periodOf(today, kind);
  if (checkPeriod(key, today) === 'invalid') throw invalid({ period: 'field.periodFormat' });
  const range = periodRange(key);
  const members = await db
    .selectFrom('project_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'm.project_role'])
    .where('m.project_id', '=', projectId)
    .where('m.active', '=', 1)
    .where('m.user_id', '<>', project.pm_id)
    .where('m.joined_on', '<=', range.end)
    .orderBy('m.id')
    .execute();
  const reported = new Set((await db.selectFrom('project_progress_reports').select('user_id').where('project_id', '=', projectId).where('period', '=', key).execute()).map((r) => r.user_id));
  const who = members.map((m) => ({ userId: m.user_id, name: m.name, projectRole: m.project_role }));
  return { period: key, periodStart: range.start, periodEnd: range.end, kind: periodKindOf(key), expected: who, reported: who.filter((w) => reported.has(w.userId)), missing: who.filter((w) => !reported.has(w.userId)) };
}
