import { z } from 'zod';
import { LIMITS } from '../shared/common.schema.js';
import { PERIOD_PATTERN } from './period.rules.js';

const int = z.number().int();
const percent = z.number().int().min(0).max(100);
export const periodSchema = z.string().trim().regex(PERIOD_PATTERN, 'field.periodFormat');

/** [3.2.2] a member's periodic report: % done of their own tasks, work done, next steps, problems. */
export const progressReportCreateSchema = z
  .strictObject({
    period: periodSchema,
    /** Overall % for members without tasks; with tasks it is computed from them. */
    percentDone: percent.optional(),
    tasks: z.array(z.strictObject({ taskId: z.number().int().positive(), percent })).max(100).default([]),
    workDone: z.string().trim().min(1).max(LIMITS.long),
    nextSteps: z.string().trim().max(LIMITS.long).default(''),
    problems: z.string().trim().max(LIMITS.long).default(''),
  })
  .refine((r) => r.tasks.length > 0 || r.percentDone !== undefined, { message: 'field.required', path: ['percentDone'] })
  .refine((r) => new Set(r.tasks.map((t) => t.taskId)).size === r.tasks.length, { message: 'field.duplicateTask', path: ['tasks'] });
export type ProgressReportCreate = z.infer<typeof progressReportCreateSchema>;

export const progressReportSchema = z.object({
  id: int,
  projectId: int,
  userId: int,
  userName: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  percentDone: z.number(),
  workDone: z.string(),
  nextSteps: z.string(),
  problems: z.string(),
  tasks: z.array(z.object({ taskId: int, taskName: z.string(), percent: int })),
  createdAt: z.string(),
});
export type ProgressReportDto = z.infer<typeof progressReportSchema>;

export const progressReportListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  period: periodSchema.optional(),
  userId: z.coerce.number().int().positive().optional(),
});

const who = z.object({ userId: int, name: z.string(), projectRole: z.string() });

/** Who owes a report for the period (the PM's view). */
export const reportingStatusSchema = z.object({
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  kind: z.enum(['week', 'month']),
  expected: z.array(who),
  reported: z.array(who),
  missing: z.array(who),
});
export type ReportingStatusDto = z.infer<typeof reportingStatusSchema>;
export const reportingStatusQuery = z.strictObject({ period: periodSchema.optional() });
