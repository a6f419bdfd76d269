import type { Evidence, ObjectiveValue } from '@domain/appraisal/appraisal.schema.js';
import type { TemplateItem } from '@domain/appraisal/template.schema.js';
import { attainmentPercent, attainmentScore, disciplineScore, type AttainmentRule, type DisciplineRule } from '@domain/appraisal/objective.rules.js';
import { meanScore } from '@domain/appraisal/scoring.rules.js';
import type { ObjectiveData, PeriodScope } from './objective.data.js';
import type { ProjectOutcomes } from '../delivery/index.js';
import { projectItem } from './objective.projects.js';

export type ObjectiveSettings = { attainment: AttainmentRule; discipline: DisciplineRule; costOverrunPenalty: number };
export type ObjectiveMap = Record<string, ObjectiveValue>;

type Kpi = ObjectiveData['kpi'][number];
type KpiField = 'sales_target_fen' | 'profit_target_fen' | 'profit_actual_fen' | 'market_share_target_bp' | 'market_share_actual_bp' | 'projects_target' | 'projects_actual';

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/**
 * A figure of a target row for the cycle: the month's row; for a year the year's row, or when it
 * lacks the figure the sum of the months that have it (market share, a ratio, never sums).
 */
function figure(rows: readonly Kpi[], scope: PeriodScope, field: KpiField): { value: number | null; rows: Kpi[] } {
  const own = rows.find((r) => r.period === scope.period && r[field] !== null);
  if (own) return { value: own[field], rows: [own] };
  if (scope.type === 'monthly' || field.startsWith('market_share')) return { value: null, rows: [] };
  const months = rows.filter((r) => r.period !== scope.period && r[field] !== null);
  if (months.length === 0) return { value: null, rows: [] };
  return { value: months.reduce((s, r) => s + (r[field] ?? 0), 0), rows: months };
}

function targetEvidence(rows: readonly Kpi[], kind: 'kpiTarget' | 'departmentTarget', label: string, fields: readonly KpiField[]): Evidence[] {
  return rows.map((r) => ({ kind, id: r.id, label, date: r.period, value: null, detail: Object.fromEntries(fields.map((f) => [f, r[f]])) }));
}

function value(source: ObjectiveValue['source'], at: string, v: Partial<ObjectiveValue>): ObjectiveValue {
  return { source, score: null, actual: null, target: null, attainmentPercent: null, unit: 'score', noDataReason: null, evidence: [], computedAt: at, ...v };
}

function attained(source: ObjectiveValue['source'], at: string, unit: ObjectiveValue['unit'], actual: number | null, target: number | null, rule: AttainmentRule, evidence: Evidence[]): ObjectiveValue {
  const noDataReason = target === null || target <= 0 ? 'appraisal.noData.noTarget' : actual === null ? 'appraisal.noData.noActual' : null;
  return value(source, at, {
    unit,
    actual,
    target,
    attainmentPercent: noDataReason ? null : attainmentPercent(actual!, target!),
    score: noDataReason ? null : attainmentScore(actual, target, rule),
    noDataReason,
    evidence,
  });
}

export type ComputeInput = {
  scope: PeriodScope;
  items: readonly TemplateItem[];
  employeeIds: readonly number[];
  data: ObjectiveData;
  projects: ProjectOutcomes;
  settings: ObjectiveSettings;
  names: ReadonlyMap<number, string>;
  at: string;
};

/** Every objective item of every employee, with the evidence it rests on; "no data" where a source is empty. */
export function computeObjectives(input: ComputeInput): Map<number, ObjectiveMap> {
  const { scope, data, settings, at } = input;
  const contractsByOwner = groupBy(data.contracts, (c) => c.owner_id);
  const kpiByUser = groupBy(data.kpi.filter((k) => k.user_id !== null), (k) => k.user_id!);
  const kpiByDept = groupBy(data.kpi.filter((k) => k.department_id !== null), (k) => k.department_id!);
  const attendanceByUser = groupBy(data.attendance, (a) => a.user_id);
  const ratingsByUser = groupBy(data.ratings, (r) => r.employee_id);
  const objectiveItems = input.items.filter((i) => i.source !== 'manual');

  const salesOf = (ids: readonly number[]) => {
    const contracts = ids.flatMap((id) => contractsByOwner.get(id) ?? []);
    return {
      actual: contracts.reduce((s, c) => s + c.amount_fen, 0),
      evidence: contracts.map((c): Evidence => ({ kind: 'contract', id: c.id, label: `${c.number} ${c.title}`, date: c.signed_date, value: c.amount_fen, detail: null })),
    };
  };

  /** The employee's own target; else the target of a department they manage, measured on its members. */
  const targetFor = (userId: number, field: KpiField) => {
    const own = figure(kpiByUser.get(userId) ?? [], scope, field);
    if (own.value !== null) return { ...own, memberIds: [userId], kind: 'kpiTarget' as const, label: input.names.get(userId) ?? '' };
    for (const m of data.managed.get(userId) ?? []) {
      const dept = figure(kpiByDept.get(m.departmentId) ?? [], scope, field);
      if (dept.value !== null) return { ...dept, memberIds: m.memberIds, kind: 'departmentTarget' as const, label: m.departmentName };
    }
    return { value: null, rows: [] as Kpi[], memberIds: [userId], kind: 'kpiTarget' as const, label: input.names.get(userId) ?? '' };
  };

  const out = new Map<number, ObjectiveMap>();
  for (const userId of input.employeeIds) {
    const map: ObjectiveMap = {};
    for (const item of objectiveItems) {
      switch (item.source) {
        case 'sales': {
          const t = targetFor(userId, 'sales_target_fen');
          const s = salesOf(t.memberIds);
          map[item.key] = attained('sales', at, 'fen', s.actual, t.value, settings.attainment, [...targetEvidence(t.rows, t.kind, t.label, ['sales_target_fen']), ...s.evidence]);
          break;
        }
        case 'profit':
        case 'marketShare':
        case 'projects': {
          const [tf, af, unit] = (
            { profit: ['profit_target_fen', 'profit_actual_fen', 'fen'], marketShare: ['market_share_target_bp', 'market_share_actual_bp', 'percent'], projects: ['projects_target', 'projects_actual', 'count'] } as const
          )[item.source];
          const t = targetFor(userId, tf);
          const rows = t.kind === 'kpiTarget' ? (kpiByUser.get(userId) ?? []) : (kpiByDept.get(t.rows[0]?.department_id ?? -1) ?? []);
          const a = figure(rows, scope, af);
          const scale = unit === 'percent' ? 100 : 1;
          const evidence = targetEvidence([...new Set([...t.rows, ...a.rows])], t.kind, t.label, [tf, af]);
          map[item.key] = attained(item.source, at, unit, a.value === null ? null : a.value / scale, t.value === null ? null : t.value / scale, settings.attainment, evidence);
          break;
        }
        case 'satisfaction': {
          const ratings = ratingsByUser.get(userId) ?? [];
          const score = meanScore(ratings.map((r) => r.score_x100 / 100));
          map[item.key] = value('satisfaction', at, {
            score,
            actual: score,
            noDataReason: score === null ? 'appraisal.noData.noRatings' : null,
            evidence: ratings.map((r) => ({ kind: 'customerReview', id: r.id, label: r.customer_name ?? '', date: r.submitted_at.slice(0, 10), value: r.score_x100 / 100, detail: null })),
          });
          break;
        }
        case 'discipline': {
          const months = attendanceByUser.get(userId) ?? [];
          const totals = months.length
            ? { lateCount: months.reduce((s, m) => s + m.late_count, 0), absentDays: months.reduce((s, m) => s + m.absent_half_days, 0) / 2, leaveDays: months.reduce((s, m) => s + m.leave_half_days, 0) / 2 }
            : null;
          const score = disciplineScore(totals, settings.discipline);
          map[item.key] = value('discipline', at, {
            score,
            noDataReason: score === null ? 'appraisal.noData.noAttendance' : null,
            evidence: months.map((m) => ({ kind: 'attendance', id: m.id, label: m.month, date: m.month, value: null, detail: { lateCount: m.late_count, absentDays: m.absent_half_days / 2, leaveDays: m.leave_half_days / 2 } })),
          });
          break;
        }
        case 'projectSchedule':
        case 'projectCost':
        case 'projectQuality':
          map[item.key] = projectItem(item.source, userId, input.projects, settings.costOverrunPenalty, at);
          break;
      }
    }
    out.set(userId, map);
  }
  return out;
}
