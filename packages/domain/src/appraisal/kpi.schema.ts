import { z } from 'zod';
import { LIMITS, listQueryBase, versionField } from '../shared/common.schema.js';
import { MONTH_PERIOD, YEAR_PERIOD } from './period.rules.js';

export const KPI_PERIOD_TYPES = ['month', 'year'] as const;

const fen = z.number().int().min(0).max(1e13).nullable();
/** Market share in percent with two decimals (stored as hundredths of a percent). */
const percent = z.number().min(0).max(100).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'field.twoDecimals').nullable();
const count = z.number().int().min(0).max(100_000).nullable();

/** The figures of one target row: sales and profit in fen, market share in %, project items as a count. */
export const kpiFigures = {
  salesTargetFen: fen,
  profitTargetFen: fen,
  profitActualFen: z.number().int().min(-1e13).max(1e13).nullable(),
  marketShareTargetPct: percent,
  marketShareActualPct: percent,
  projectsTarget: count,
  projectsActual: count,
};
export type KpiFigure = keyof typeof kpiFigures;
export const KPI_FIGURES = Object.keys(kpiFigures) as KpiFigure[];

export const kpiTargetSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  periodType: z.enum(KPI_PERIOD_TYPES),
  period: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  salesTargetFen: z.number().int().nullable(),
  profitTargetFen: z.number().int().nullable(),
  profitActualFen: z.number().int().nullable(),
  marketShareTargetPct: z.number().nullable(),
  marketShareActualPct: z.number().nullable(),
  projectsTarget: z.number().int().nullable(),
  projectsActual: z.number().int().nullable(),
  /** Signed contract amount in the period, computed (employees: contracts they own; departments: their members'). */
  salesActualFen: z.number().int(),
  note: z.string(),
  updatedAt: z.string(),
});
export type KpiTargetDto = z.infer<typeof kpiTargetSchema>;

const period = z.string().refine((v) => MONTH_PERIOD.test(v) || YEAR_PERIOD.test(v), 'field.periodFormat');

/** One grid row: a new one names its employee or department; an existing one carries id and version. */
export const kpiRowSchema = z
  .strictObject({
    id: z.number().int().positive().optional(),
    version: versionField.optional(),
    userId: z.number().int().positive().optional(),
    departmentId: z.number().int().positive().optional(),
    period,
    note: z.string().trim().max(LIMITS.medium).optional(),
    salesTargetFen: kpiFigures.salesTargetFen.optional(),
    profitTargetFen: kpiFigures.profitTargetFen.optional(),
    profitActualFen: kpiFigures.profitActualFen.optional(),
    marketShareTargetPct: kpiFigures.marketShareTargetPct.optional(),
    marketShareActualPct: kpiFigures.marketShareActualPct.optional(),
    projectsTarget: kpiFigures.projectsTarget.optional(),
    projectsActual: kpiFigures.projectsActual.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.id !== undefined && v.version === undefined) ctx.addIssue({ code: 'custom', message: 'field.required', path: ['version'] });
    if (v.id === undefined && (v.userId === undefined) === (v.departmentId === undefined)) ctx.addIssue({ code: 'custom', message: 'field.subjectEither', path: ['userId'] });
  });

export type KpiRow = z.infer<typeof kpiRowSchema>;

export const kpiGridSaveSchema = z.strictObject({ rows: z.array(kpiRowSchema).min(1).max(2000) });

export const kpiListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  q: listQueryBase.q,
  period: z.string().max(7).optional(),
  userId: z.coerce.number().int().positive().optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  subject: z.enum(['employee', 'department']).optional(),
});

/** The outcome of an import: every row written, or none and the errors per row. */
export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });
