import { z } from 'zod';
import { LIMITS, isoDate, requiredShortText, versionField } from '../shared/common.schema.js';
import type { MilestoneViewDto } from './project.schema.js';

const int = z.number().int();
const weight = z.number().int().min(1).max(100);
const percent = z.number().int().min(0).max(100);

function datesInOrder(v: { plannedStart?: string; plannedEnd?: string; actualStart?: string | null; actualEnd?: string | null }, ctx: z.RefinementCtx) {
  if (v.plannedStart && v.plannedEnd && v.plannedStart > v.plannedEnd) ctx.addIssue({ code: 'custom', message: 'field.dateOrder', path: ['plannedEnd'] });
  if (v.actualStart && v.actualEnd && v.actualStart > v.actualEnd) ctx.addIssue({ code: 'custom', message: 'field.dateOrder', path: ['actualEnd'] });
}

/** A milestone added to the plan (the proposal's come with the project). */
export const milestoneCreateSchema = z
  .strictObject({
    name: requiredShortText,
    plannedStart: isoDate,
    plannedEnd: isoDate,
    deliverable: z.string().trim().max(LIMITS.medium).default(''),
    weight: weight.default(1),
  })
  .superRefine(datesInOrder);

/** Planned dates change freely while planning; once executing, only through an approved change request. */
export const milestoneUpdateSchema = z
  .strictObject({
    version: versionField,
    name: requiredShortText.optional(),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional(),
    deliverable: z.string().trim().max(LIMITS.medium).optional(),
    weight: weight.optional(),
    actualStart: isoDate.nullable().optional(),
    actualEnd: isoDate.nullable().optional(),
  })
  .superRefine(datesInOrder);

export const taskCreateSchema = z
  .strictObject({
    milestoneId: z.number().int().positive(),
    name: requiredShortText,
    ownerId: z.number().int().positive(),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    weight: weight.default(1),
    dependsOn: z.array(z.number().int().positive()).max(20).default([]),
    note: z.string().trim().max(LIMITS.medium).default(''),
    /** A task entered once under way: its actual dates and progress so far. */
    actualStart: isoDate.optional(),
    actualEnd: isoDate.optional(),
    progress: percent.optional(),
  })
  .superRefine(datesInOrder);

export const taskUpdateSchema = z
  .strictObject({
    version: versionField,
    milestoneId: z.number().int().positive().optional(),
    name: requiredShortText.optional(),
    ownerId: z.number().int().positive().optional(),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional(),
    weight: weight.optional(),
    dependsOn: z.array(z.number().int().positive()).max(20).optional(),
    note: z.string().trim().max(LIMITS.medium).optional(),
    progress: percent.optional(),
    actualStart: isoDate.nullable().optional(),
    actualEnd: isoDate.nullable().optional(),
  })
  .superRefine(datesInOrder);

export const taskSchema = z.object({
  id: int,
  version: int,
  projectId: int,
  milestoneId: int,
  seq: int,
  name: z.string(),
  ownerId: int,
  ownerName: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  weight: int,
  progress: int,
  status: z.enum(['not_started', 'in_progress', 'done']),
  daysLate: int,
  dependsOn: z.array(int),
  note: z.string(),
});
export type TaskDto = z.infer<typeof taskSchema>;

export const taskParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), taskId: z.coerce.number().int().positive() });
export const milestoneParamsSchema = z.strictObject({ id: z.coerce.number().int().positive(), milestoneId: z.coerce.number().int().positive() });
export const taskListQuery = z.strictObject({ ownerId: z.coerce.number().int().positive().optional(), milestoneId: z.coerce.number().int().positive().optional() });

export type PlanDto = { milestones: MilestoneViewDto[]; tasks: TaskDto[] };
