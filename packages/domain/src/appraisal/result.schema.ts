import { z } from 'zod';
import { LIMITS, listQueryBase, versionField } from '../shared/common.schema.js';
import { cycleTypeSchema } from './template.schema.js';

/** [4.5] what the results lead to: a bonus, a position-adjustment flag, a promotion/reward candidacy. */
export const RESULT_KINDS = ['bonus', 'position_adjustment', 'promotion'] as const;
export const RESULT_DECISIONS = ['pending', 'accepted', 'declined'] as const;

export const resultSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  cycleId: z.number().int(),
  cycleType: cycleTypeSchema,
  period: z.string(),
  appraisalId: z.number().int(),
  employeeId: z.number().int(),
  employeeName: z.string(),
  departmentName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  kind: z.enum(RESULT_KINDS),
  grade: z.string(),
  finalScore: z.number(),
  /** Bonus only: base, the grade's coefficient, and base × coefficient in fen. */
  baseFen: z.number().int().nullable(),
  coefficient: z.number().nullable(),
  amountFen: z.number().int().nullable(),
  /** Position adjustment: the consecutive periods below standard that raised the flag. */
  basis: z.array(z.object({ period: z.string(), grade: z.string() })),
  decision: z.enum(RESULT_DECISIONS),
  note: z.string(),
  decidedById: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  actions: z.array(z.string()),
});
export type ResultDto = z.infer<typeof resultSchema>;

export const resultListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  cycleId: z.coerce.number().int().positive().optional(),
  kind: z.enum(RESULT_KINDS).optional(),
  decision: z.enum(RESULT_DECISIONS).optional(),
  employeeId: z.coerce.number().int().positive().optional(),
});

/** HR may set a bonus row's base before deciding. */
export const resultUpdateSchema = z.strictObject({ version: versionField, baseFen: z.number().int().min(0).max(1e11) });

export const resultDecideSchema = z
  .strictObject({ decision: z.enum(['accepted', 'declined']), note: z.string().trim().max(LIMITS.medium).optional() })
  .refine((v) => v.decision === 'accepted' || (v.note ?? '').length > 0, { message: 'field.reasonRequired', path: ['note'] });
