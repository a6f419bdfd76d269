import { z } from 'zod';
import { LIMITS, listQueryBase, versionField } from '../shared/common.schema.js';
import { MONTH_PERIOD } from './period.rules.js';

/** Days in steps of half a day. */
const days = z.number().min(0).max(31).refine((v) => Number.isInteger(v * 2), 'field.halfDays');
const month = z.string().regex(MONTH_PERIOD, 'field.periodFormat');

/** A simple monthly attendance table per employee: late arrivals, absent days, leave days. */
export const attendanceSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  departmentName: z.string().nullable(),
  month: z.string(),
  lateCount: z.number().int(),
  absentDays: z.number(),
  leaveDays: z.number(),
  note: z.string(),
  updatedAt: z.string(),
});
export type AttendanceDto = z.infer<typeof attendanceSchema>;

export const attendanceRowSchema = z
  .strictObject({
    id: z.number().int().positive().optional(),
    version: versionField.optional(),
    userId: z.number().int().positive(),
    month,
    lateCount: z.number().int().min(0).max(100),
    absentDays: days,
    leaveDays: days,
    note: z.string().trim().max(LIMITS.medium).optional(),
  })
  .refine((v) => v.id === undefined || v.version !== undefined, { message: 'field.required', path: ['version'] });
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const attendanceGridSaveSchema = z.strictObject({ rows: z.array(attendanceRowSchema).min(1).max(2000) });

export const attendanceListQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  q: listQueryBase.q,
  month: month.optional(),
  userId: z.coerce.number().int().positive().optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});
