import { z } from 'zod';
import { cycleSchema } from './cycle.schema.js';

const gradeCount = z.object({ grade: z.string(), count: z.number().int() });
const group = z.object({ key: z.string(), label: z.string(), count: z.number().int(), average: z.number().nullable() });

/** HR's summary of one cycle [4.4]: completion, grades, averages by position and team, ranking, trend. */
export const appraisalReportSchema = z.object({
  cycle: cycleSchema,
  completion: z.object({ total: z.number().int(), finalized: z.number().int(), rate: z.number() }),
  gradeDistribution: z.array(gradeCount),
  averages: z.object({ finalScore: z.number().nullable(), totalScore: z.number().nullable(), selfScore: z.number().nullable() }),
  byPosition: z.array(group),
  byTeam: z.array(group),
  /** Scored employees ranked by final score (ties share a rank); the rest follow without a rank. */
  ranking: z.array(
    z.object({
      rank: z.number().int().nullable(),
      appraisalId: z.number().int(),
      employeeId: z.number().int(),
      employeeName: z.string(),
      departmentName: z.string().nullable(),
      positionTitle: z.string().nullable(),
      status: z.string(),
      selfScore: z.number().nullable(),
      totalScore: z.number().nullable(),
      finalScore: z.number().nullable(),
      grade: z.string().nullable(),
    }),
  ),
  /** Earlier cycles of the same type, oldest first, and each employee's final scores in them. */
  trend: z.object({
    periods: z.array(z.string()),
    series: z.array(z.object({ employeeId: z.number().int(), employeeName: z.string(), scores: z.array(z.number().nullable()) })),
  }),
});
export type AppraisalReportDto = z.infer<typeof appraisalReportSchema>;

export const appraisalReportQuery = z.strictObject({ cycleId: z.coerce.number().int().positive() });
