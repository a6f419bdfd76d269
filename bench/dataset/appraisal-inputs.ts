import { sql, type Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { periodRange } from '../../packages/domain/src/appraisal/period.rules.js';
import type { DatasetContext } from './types.js';
import { DAY, addMonths, iso, ipOf, monthRange, normal, workingDayOf, type Emp } from './appraisal-people.js';

type Dept = { id: number; parent_id: number | null; kind: string };

const SALES_ROLES = new Set(['specialist', 'pm', 'deputy', 'manager']);
const round = (fen: number, step: number) => Math.max(step, Math.round(fen / step) * step);

/**
 * What each seller signs around a month (the mean of the five months centred on it, at least a
 * third of their overall mean): targets are set from it, so attainment scatters around 100 %.
 */
async function salesLevels(ctx: DatasetContext): Promise<Map<number, (period: string) => number>> {
  const rows = await ctx.db
    .selectFrom('contracts')
    .select(['owner_id', sql<string>`substr(signed_date, 1, 7)`.as('month'), sql<number>`sum(amount_fen)`.as('total')])
    .where('status', 'in', ['active', 'completed'])
    .where('signed_date', 'is not', null)
    .groupBy(['owner_id', sql`substr(signed_date, 1, 7)`])
    .execute();
  const byOwner = new Map<number, Map<string, number>>();
  for (const r of rows) byOwner.set(r.owner_id, (byOwner.get(r.owner_id) ?? new Map()).set(r.month, Number(r.total)));
  const out = new Map<number, (period: string) => number>();
  for (const [owner, months] of byOwner) {
    const keys = [...months.keys()].sort();
    const span = Math.max(1, monthRange(keys[0]!, keys[keys.length - 1]!).length);
    const overall = [...months.values()].reduce((s, v) => s + v, 0) / span;
    out.set(owner, (period) => {
      const around = [-2, -1, 0, 1, 2].map((k) => months.get(addMonths(period, k)) ?? 0);
      return Math.max(overall / 3, around.reduce((s, v) => s + v, 0) / 5);
    });
  }
  return out;
}

/** When HR loads the month's actual figures and the attendance table: the first working days of the next month. */
export function monthImportAt(period: string): number {
  return workingDayOf(addMonths(period, 1), 2, 2);
}

/**
 * KPI targets [4.3] — one row per employee and month (sales staff: sales and profit, others:
 * work items; the year's plan loaded in January, actuals after each month) and one per business
 * department with its market share — and the monthly attendance table of every employee.
 */
export async function kpiAndAttendance(ctx: DatasetContext, people: Emp[], depts: Dept[], kpiMonths: string[], attendanceMonths: string[], hrOf: (ms: number) => Emp[]) {
  const rng = ctx.rng;
  const nowMs = ctx.now.getTime();
  const sellers = await salesLevels(ctx);
  const staff = people.filter((p) => p.role !== 'admin' && p.departmentId !== null);
  const kpi: Insertable<DB['kpi_targets']>[] = [];
  const attendance: Insertable<DB['attendance_records']>[] = [];

  const children = new Map<number, number[]>();
  for (const d of depts) if (d.parent_id !== null) children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d.id]);
  const below = (id: number): number[] => [id, ...(children.get(id) ?? []).flatMap(below)];
  const business = depts.filter((d) => d.kind === 'business');
  const share = new Map(business.map((d) => [d.id, rng.int(3, 30) * 100]));

  /** The year's plan is loaded in the first week of January. */
  const importAt = (period: string) => workingDayOf(`${period.slice(0, 4)}-01`, 5, 2);
  const hrAt = (ms: number) => {
    const hr = hrOf(ms);
    return hr.length ? hr[0]! : null;
  };
  const imports = new Map<string, { ms: number; created: number; updated: number; entity: string }>();
  const count = (ms: number, entity: string, kind: 'created' | 'updated') => {
    const key = `${entity}|${ms}`;
    const c = imports.get(key) ?? { ms, created: 0, updated: 0, entity };
    c[kind]++;
    imports.set(key, c);
  };

  let id = 0;
  for (const period of kpiMonths) {
    const { start, end } = periodRange('monthly', period);
    const startMs = Date.parse(`${start}T00:00:00Z`);
    const endMs = Date.parse(`${end}T23:59:59Z`);
    const actualAt = monthImportAt(period);
    const hasActual = actualAt < nowMs - 3600_000;
    const monthRows = new Map<number, number>();
    for (const p of staff) {
      if (!(p.createdMs <= endMs && (p.leftMs === null || p.leftMs > startMs))) continue;
      const plan = importAt(period);
      // Hired after the year's plan: HR adds the new employee's targets the day after.
      const created = p.createdMs > plan ? p.createdMs + DAY : plan;
      if (created > nowMs - 3600_000) continue;
      const attain = () => Math.max(0.2, Math.min(1.6, 0.97 + normal(rng) * 0.22));
      const row: Insertable<DB['kpi_targets']> = {
        id: ++id,
        period_type: 'month',
        period,
        user_id: p.id,
        department_id: null,
        subject_key: `u:${p.id}`,
        sales_target_fen: null,
        profit_target_fen: null,
        profit_actual_fen: null,
        market_share_target_bp: null,
        market_share_actual_bp: null,
        projects_target: null,
        projects_actual: null,
        note: '',
        version: 1,
        created_at: iso(created),
        created_by: hrAt(created)?.id ?? 1,
        updated_at: iso(created),
      };
      if (SALES_ROLES.has(p.role)) {
        const level = sellers.get(p.id);
        if (level !== undefined) row.sales_target_fen = round(level(period) * (0.8 + rng.next() * 0.4), 1_000_000);
        const profit = row.sales_target_fen ? row.sales_target_fen * (0.18 + rng.next() * 0.12) : p.role === 'specialist' ? null : rng.int(20, 100) * 1_000_000;
        if (profit !== null) {
          row.profit_target_fen = round(profit, 100_000);
          if (hasActual) row.profit_actual_fen = Math.round((row.profit_target_fen * attain()) / 100) * 100;
        }
      } else {
        row.projects_target = rng.int(3, 8);
        if (hasActual) row.projects_actual = Math.round(row.projects_target * attain());
      }
      if (hasActual && (row.profit_actual_fen != null || row.projects_actual != null)) {
        row.version = 2;
        row.updated_at = iso(Math.max(actualAt, created + 3600_000));
        count(Math.max(actualAt, created + 3600_000), 'kpi_target', 'updated');
      }
      count(created, 'kpi_target', 'created');
      monthRows.set(p.id, row.sales_target_fen ?? 0);
      kpi.push(row);
    }
    for (const d of business) {
      const plan = importAt(period);
      if (plan > nowMs - 3600_000) continue;
      const members = new Set(below(d.id));
      const sales = staff.filter((p) => p.departmentId !== null && members.has(p.departmentId)).reduce((s, p) => s + (monthRows.get(p.id) ?? 0), 0);
      const target = share.get(d.id)!;
      const row: Insertable<DB['kpi_targets']> = {
        id: ++id,
        period_type: 'month',
        period,
        user_id: null,
        department_id: d.id,
        subject_key: `d:${d.id}`,
        sales_target_fen: sales > 0 ? sales : null,
        profit_target_fen: null,
        profit_actual_fen: null,
        market_share_target_bp: target,
        market_share_actual_bp: hasActual ? Math.max(0, Math.round(target * (0.95 + normal(rng) * 0.12))) : null,
        projects_target: null,
        projects_actual: null,
        note: '',
        version: hasActual ? 2 : 1,
        created_at: iso(plan),
        created_by: hrAt(plan)?.id ?? 1,
        updated_at: iso(hasActual ? actualAt : plan),
      };
      count(plan, 'kpi_target', 'created');
      if (hasActual) count(actualAt, 'kpi_target', 'updated');
      kpi.push(row);
    }
  }

  let aid = 0;
  for (const period of attendanceMonths) {
    const { start, end } = periodRange('monthly', period);
    const at = monthImportAt(period) + 3600_000;
    if (at > nowMs - 3600_000) continue;
    const startMs = Date.parse(`${start}T00:00:00Z`);
    const endMs = Date.parse(`${end}T23:59:59Z`);
    const hr = hrAt(at);
    for (const p of staff) {
      if (!(p.createdMs <= endMs && (p.leftMs === null || p.leftMs > startMs))) continue;
      const late = rng.weighted([[0, 80], [1, 12], [2, 5], [3, 2], [5, 1]] as const);
      attendance.push({
        id: ++aid,
        user_id: p.id,
        month: period,
        late_count: late,
        absent_half_days: rng.chance(0.01) ? rng.int(1, 2) : 0,
        leave_half_days: rng.chance(0.3) ? rng.int(1, 6) : 0,
        note: rng.chance(0.05) ? rng.pick(['外出拜访客户补卡', '出差期间考勤', '病假已补假条']) : '',
        version: 1,
        created_at: iso(at),
        created_by: hr?.id ?? 1,
        updated_at: iso(at),
      });
      count(at, 'attendance', 'created');
    }
  }

  for (const c of imports.values()) {
    const ms = c.ms;
    const hr = hrAt(ms);
    ctx.audit.push({
      at: iso(ms),
      actor: hr ? { id: hr.id, name: hr.name } : null,
      ip: hr ? ipOf(hr.id) : null,
      action: 'import',
      entity: c.entity,
      entityId: null,
      after: { attachmentId: null, created: c.created, updated: c.updated, rows: c.created + c.updated },
    });
  }
  return { kpi, attendance };
}
