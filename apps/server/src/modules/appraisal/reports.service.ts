import type { FastifyReply } from 'fastify';
import type { AppraisalReportDto } from '@domain/appraisal/report.schema.js';
import { gradeDistribution, meanScore } from '@domain/appraisal/scoring.rules.js';
import { roundHalfUp } from '@domain/shared/money.js';
import { translate } from '@domain/i18n/messages.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { streamXlsx } from '../../platform/files/xlsx-export.js';
import { appraisalScopeOf, appraisalScopeWhere } from './appraisal.scope.js';
import { getAppraisalCycle } from './cycles.service.js';
import { findCycle } from './cycles.repo.js';
import { appraisalSettings } from './settings.load.js';
import { fromX100 } from './scores.js';
import { notFound } from '../../platform/http/errors.js';

const TREND_CYCLES = 6;

function groupAverages<T>(rows: readonly T[], keyOf: (r: T) => { key: string; label: string }, score: (r: T) => number | null) {
  const groups = new Map<string, { label: string; scores: number[]; count: number }>();
  for (const r of rows) {
    const { key, label } = keyOf(r);
    const g = groups.get(key) ?? { label, scores: [], count: 0 };
    g.count++;
    const s = score(r);
    if (s !== null) g.scores.push(s);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, label: g.label, count: g.count, average: meanScore(g.scores) })).sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
}

/** HR's cycle summary [4.4]: completion, grades, averages by position and by team, ranking, and the trend over earlier cycles. */
export async function appraisalReport(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'>, cycleId: number): Promise<AppraisalReportDto> {
  const cycle = await getAppraisalCycle(deps, db, meta, cycleId);
  const scope = await appraisalScopeOf(db, meta.actor);
  const opened = (await findCycle(db, cycleId))!.opened_on;
  const [rows, bands] = await Promise.all([
    db
      .selectFrom('appraisals as a')
      .innerJoin('users as e', 'e.id', 'a.employee_id')
      .leftJoin('departments as d', 'd.id', 'a.department_id')
      .select(['a.id', 'a.employee_id', 'e.name', 'a.department_id', 'd.name as department_name', 'a.position_title', 'a.status', 'a.self_score_x100', 'a.total_score_x100', 'a.final_score_x100', 'a.grade'])
      .where('a.cycle_id', '=', cycleId)
      .where(appraisalScopeWhere(scope))
      .execute(),
    appraisalSettings(db, opened).then((p) => p['appraisal.gradeBands']),
  ]);
  const finalOf = (r: (typeof rows)[number]) => fromX100(r.final_score_x100);
  const finalized = rows.filter((r) => r.status === 'finalized').length;

  const sorted = [...rows].sort((a, b) => (finalOf(b) ?? -1) - (finalOf(a) ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  const ranking = sorted.map((r, i) => {
    if (i === 0 || finalOf(r) !== finalOf(sorted[i - 1]!)) rank = i + 1;
    return {
      rank: finalOf(r) === null ? null : rank,
      appraisalId: r.id,
      employeeId: r.employee_id,
      employeeName: r.name,
      departmentName: r.department_name,
      positionTitle: r.position_title,
      status: r.status,
      selfScore: fromX100(r.self_score_x100),
      totalScore: fromX100(r.total_score_x100),
      finalScore: finalOf(r),
      grade: r.grade,
    };
  });

  const earlier = await db.selectFrom('appraisal_cycles').select(['id', 'period']).where('type', '=', cycle.type).where('period', '<=', cycle.period).orderBy('period', 'desc').limit(TREND_CYCLES).execute();
  const periods = earlier.map((c) => c.period).reverse();
  const employeeIds = rows.map((r) => r.employee_id);
  const history = employeeIds.length
    ? await db
        .selectFrom('appraisals as a')
        .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
        .select(['a.employee_id', 'c.period', 'a.final_score_x100'])
        .where('a.cycle_id', 'in', earlier.map((c) => c.id))
        .where('a.employee_id', 'in', employeeIds)
        .execute()
    : [];
  const byEmployee = new Map<number, Map<string, number | null>>();
  for (const h of history) byEmployee.set(h.employee_id, (byEmployee.get(h.employee_id) ?? new Map()).set(h.period, fromX100(h.final_score_x100)));

  return {
    cycle,
    completion: { total: rows.length, finalized, rate: rows.length ? roundHalfUp((100 * finalized) / rows.length, 2) : 0 },
    gradeDistribution: gradeDistribution(rows.map((r) => r.grade), bands),
    averages: {
      finalScore: meanScore(rows.map(finalOf).filter((v): v is number => v !== null)),
      totalScore: meanScore(rows.map((r) => fromX100(r.total_score_x100)).filter((v): v is number => v !== null)),
      selfScore: meanScore(rows.map((r) => fromX100(r.self_score_x100)).filter((v): v is number => v !== null)),
    },
    byPosition: groupAverages(rows, (r) => ({ key: r.position_title ?? '', label: r.position_title ?? '' }), finalOf),
    byTeam: groupAverages(rows, (r) => ({ key: String(r.department_id ?? ''), label: r.department_name ?? '' }), finalOf),
    ranking,
    trend: {
      periods,
      series: ranking.map((r) => ({ employeeId: r.employeeId, employeeName: r.employeeName, scores: periods.map((p) => byEmployee.get(r.employeeId)?.get(p) ?? null) })),
    },
  };
}

export async function exportAppraisalReport(deps: Deps, db: Executor, meta: RequestMeta, reply: FastifyReply, cycleId: number) {
  if (!(await findCycle(db, cycleId))) throw notFound();
  const report = await appraisalReport(deps, db, meta, cycleId);
  const t = (zh: string, tw: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': tw, 'en-US': en })[meta.locale];
  const columns = [
    { header: t('排名', '排名', 'Rank'), key: 'rank', width: 8 },
    { header: t('姓名', '姓名', 'Name'), key: 'name', width: 12 },
    { header: t('部门', '部門', 'Department'), key: 'department', width: 18 },
    { header: t('岗位', '崗位', 'Position'), key: 'position', width: 14 },
    { header: t('环节', '環節', 'Step'), key: 'status', width: 14 },
    { header: t('自评分', '自評分', 'Self score'), key: 'self', width: 10 },
    { header: t('上级评分', '上級評分', 'Supervisor score'), key: 'total', width: 10 },
    { header: t('最终得分', '最終得分', 'Final score'), key: 'final', width: 10 },
    { header: t('等级', '等級', 'Grade'), key: 'grade', width: 8 },
  ];
  async function* rows() {
    for (const r of report.ranking) {
      yield { rank: r.rank ?? '', name: r.employeeName, department: r.departmentName, position: r.positionTitle, status: translate(meta.locale, `appraisal.step.${r.status}`), self: r.selfScore, total: r.totalScore, final: r.finalScore, grade: r.grade };
    }
  }
  return streamXlsx(reply, `appraisal-${report.cycle.type}-${report.cycle.period}.xlsx`, report.cycle.period, columns, rows());
}
