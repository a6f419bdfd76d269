import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase } from '../shared/common.schema.js';
import { APPRAISAL_STATUSES } from './appraisal.machine.js';
import { cycleTypeSchema } from './template.schema.js';
import { isPeriodOf } from './period.rules.js';

export const CYCLE_STATUSES = ['open', 'closed'] as const;

const dueDates = z.object({ self: z.string(), supervisor: z.string(), reviews: z.string().nullable(), feedback: z.string() });

export const cycleSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  type: cycleTypeSchema,
  period: z.string(),
  name: z.string(),
  status: z.enum(CYCLE_STATUSES),
  templateId: z.number().int(),
  templateName: z.string(),
  templateVersionNo: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  openedOn: z.string(),
  dueDates,
  departmentIds: z.array(z.number().int()),
  counts: z.object({
    total: z.number().int(),
    late: z.number().int(),
    byStatus: z.record(z.enum(APPRAISAL_STATUSES), z.number().int()),
  }),
  completionRate: z.number(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  actions: z.array(z.string()),
});
export type CycleDto = z.infer<typeof cycleSchema>;

export const cycleCreateSchema = z
  .strictObject({
    type: cycleTypeSchema,
    period: z.string().max(7),
    name: z.string().trim().max(LIMITS.short).optional(),
    /** Departments whose active staff are appraised (with their sub-departments); default the business department [1.2]. */
    departmentIds: z.array(z.number().int().positive()).min(1).max(200).optional(),
    dueDates: z.strictObject({ self: isoDate.optional(), supervisor: isoDate.optional(), reviews: isoDate.optional(), feedback: isoDate.optional() }).optional(),
  })
  .refine((v) => isPeriodOf(v.type, v.period), { message: 'field.periodFormat', path: ['period'] });
export type CycleCreate = z.infer<typeof cycleCreateSchema>;

export const cycleListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  sort: listQueryBase.sort,
  type: cycleTypeSchema.optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
});

export const cycleActionSchema = z.strictObject({});

/** Grade counts before and after HR's calibration round. */
export const calibrationViewSchema = z.object({
  before: z.array(z.object({ grade: z.string(), count: z.number().int() })),
  after: z.array(z.object({ grade: z.string(), count: z.number().int() })),
  adjusted: z.array(
    z.object({
      appraisalId: z.number().int(),
      employeeName: z.string(),
      computedFinalScore: z.number().nullable(),
      finalScore: z.number().nullable(),
      gradeBefore: z.string().nullable(),
      grade: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
