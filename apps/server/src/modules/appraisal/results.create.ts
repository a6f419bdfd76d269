import type { Insertable } from 'kysely';
import type { AppraisalResultTable } from './appraisal.tables.js';
import { bonusAmountFen, consecutiveBelowStandard, previousMonths } from '@domain/appraisal/results.rules.js';
import type { Executor } from '../../platform/db/executor.js';
import type { AppraisalSettings } from './settings.load.js';

type Finalized = { id: number; cycle_id: number; employee_id: number; cycle_type: string; period: string; grade: string; final_score_x100: number };

/**
 * [4.5] what a finalized result leads to, each awaiting a recorded decision: a bonus line
 * (base × the grade's coefficient), a position-adjustment flag after N consecutive monthly
 * results below standard, a promotion/reward candidacy for an excellent annual result.
 */
export async function createResults(trx: Executor, a: Finalized, settings: AppraisalSettings, at: string, actorId: number | null): Promise<void> {
  const type = a.cycle_type as 'monthly' | 'annual';
  const common = { cycle_id: a.cycle_id, appraisal_id: a.id, employee_id: a.employee_id, grade: a.grade, final_score_x100: a.final_score_x100, decision: 'pending', note: '', decided_by: null, decided_at: null, version: 1, created_at: at, created_by: actorId, updated_at: at };
  const base = settings['appraisal.bonusBaseFen'][type];
  const coefficient = settings['appraisal.bonusCoefficients'][a.grade];
  const rows: Insertable<AppraisalResultTable>[] = [
    {
      ...common,
      kind: 'bonus',
      base_fen: base,
      coefficient_x10000: coefficient === undefined ? null : Math.round(coefficient * 10_000),
      amount_fen: coefficient === undefined ? null : bonusAmountFen(base, coefficient),
      basis_json: '[]',
    },
  ];
  const below = settings['appraisal.belowStandardGrades'];
  const n = settings['appraisal.positionAdjustment.consecutiveBelow'];
  if (type === 'monthly' && below.includes(a.grade)) {
    const months = previousMonths(a.period, n - 1);
    const earlier = months.length
      ? await trx
          .selectFrom('appraisals as x')
          .innerJoin('appraisal_cycles as c', 'c.id', 'x.cycle_id')
          .select(['c.period', 'x.grade'])
          .where('x.employee_id', '=', a.employee_id)
          .where('c.type', '=', 'monthly')
          .where('c.period', 'in', months)
          .where('x.status', '=', 'finalized')
          .execute()
      : [];
    const byPeriod = new Map(earlier.map((e) => [e.period, e.grade]));
    const chain = [...months.map((m) => ({ period: m, grade: byPeriod.get(m) ?? null })), { period: a.period, grade: a.grade }];
    if (consecutiveBelowStandard(chain.map((c) => c.grade), below, n)) {
      rows.push({ ...common, kind: 'position_adjustment', base_fen: null, coefficient_x10000: null, amount_fen: null, basis_json: JSON.stringify(chain) });
    }
  }
  if (type === 'annual' && settings['appraisal.promotionGrades'].includes(a.grade)) {
    rows.push({ ...common, kind: 'promotion', base_fen: null, coefficient_x10000: null, amount_fen: null, basis_json: JSON.stringify([{ period: a.period, grade: a.grade }]) });
  }
  await trx.insertInto('appraisal_results').values(rows).execute();
}
