import { z } from 'zod';
import { LIMITS, isoDate, listQueryBase, requiredShortText } from '../shared/common.schema.js';

export const CYCLE_TYPES = ['monthly', 'annual'] as const;
export const cycleTypeSchema = z.enum(CYCLE_TYPES);

/**
 * Where an item's score comes from: `manual` items are scored by the rater; the others are
 * computed from the system's data for the period and shown with their evidence [docs/design.md §3].
 */
export const ITEM_SOURCES = ['manual', 'sales', 'profit', 'marketShare', 'projects', 'projectSchedule', 'projectCost', 'projectQuality', 'satisfaction', 'discipline'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

const key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'field.invalidFormat');
const weight = z.number().int().min(1).max(100);

export const templateItemSchema = z.strictObject({
  key,
  name: requiredShortText,
  weight,
  source: z.enum(ITEM_SOURCES),
  description: z.string().trim().max(LIMITS.medium).default(''),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateDimensionSchema = z.strictObject({
  key,
  name: requiredShortText,
  weight,
  items: z.array(templateItemSchema).min(1).max(20),
});
export type TemplateDimension = z.infer<typeof templateDimensionSchema>;

function sum(values: readonly { weight: number }[]): number {
  return values.reduce((s, v) => s + v.weight, 0);
}

const dimensions = z.array(templateDimensionSchema).min(1).max(10);

/** Dimension weights and, inside each dimension, item weights sum to 100; keys are unique. */
function checkWeights(v: { dimensions: TemplateDimension[] }, ctx: z.RefinementCtx) {
  if (sum(v.dimensions) !== 100) ctx.addIssue({ code: 'custom', message: 'field.weightsSum', path: ['dimensions'] });
  const seen = new Set<string>();
  v.dimensions.forEach((d, i) => {
    if (sum(d.items) !== 100) ctx.addIssue({ code: 'custom', message: 'field.weightsSum', path: ['dimensions', i, 'items'] });
    for (const [path, k] of [[['dimensions', i, 'key'], d.key] as const, ...d.items.map((it, j) => [['dimensions', i, 'items', j, 'key'], it.key] as const)]) {
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'field.taken', path: [...path] });
      seen.add(k);
    }
  });
}

export const templateContentSchema = z.strictObject({ dimensions }).superRefine(checkWeights);
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const templateCreateSchema = z
  .strictObject({
    type: cycleTypeSchema,
    name: requiredShortText,
    effectiveFrom: isoDate,
    note: z.string().trim().max(LIMITS.medium).optional(),
    dimensions,
  })
  .superRefine(checkWeights);
export type TemplateCreate = z.infer<typeof templateCreateSchema>;

export const templateSchema = z.object({
  id: z.number().int(),
  type: cycleTypeSchema,
  versionNo: z.number().int(),
  name: z.string(),
  effectiveFrom: z.string(),
  note: z.string(),
  dimensions: z.array(templateDimensionSchema),
  /** The version a cycle opened today would use. */
  inForce: z.boolean(),
  /** Appraisals that keep this version. */
  appraisalCount: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateSchema>;

export const templateListQuery = z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize, type: cycleTypeSchema.optional() });
