import type { KpiTargetDto } from '@domain/appraisal/kpi.schema.js';
import type { KpiRow } from './kpi.repo.js';

const num = (v: number | null) => (v === null ? null : Number(v));
const pct = (bp: number | null) => (bp === null ? null : Number(bp) / 100);

export function presentKpi(r: KpiRow, salesActualFen: number): KpiTargetDto {
  return {
    id: r.id,
    version: r.version,
    periodType: r.period_type as KpiTargetDto['periodType'],
    period: r.period,
    userId: r.user_id,
    userName: r.user_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    salesTargetFen: num(r.sales_target_fen),
    profitTargetFen: num(r.profit_target_fen),
    profitActualFen: num(r.profit_actual_fen),
    marketShareTargetPct: pct(r.market_share_target_bp),
    marketShareActualPct: pct(r.market_share_actual_bp),
    projectsTarget: num(r.projects_target),
    projectsActual: num(r.projects_actual),
    salesActualFen,
    note: r.note,
    updatedAt: r.updated_at,
  };
}
