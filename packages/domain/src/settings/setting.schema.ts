import { z } from 'zod';
import { LIMITS, isoDate, listEnvelope } from '../shared/common.schema.js';

export const settingKeyParams = z.strictObject({ key: z.string().max(100).regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/, 'field.invalidFormat') });

export const settingVersionSchema = z.object({
  id: z.number().int(),
  value: z.unknown(),
  effectiveFrom: z.string(),
  note: z.string(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type SettingVersionDto = z.infer<typeof settingVersionSchema>;

export const settingSchema = z.object({
  key: z.string(),
  description: z.string(),
  /** The value in force today. */
  value: z.unknown(),
  defaultValue: z.unknown(),
  /** Effective date of the version in force; null while the default applies. */
  effectiveFrom: z.string().nullable(),
  /** JSON Schema of the value, for editors. */
  valueSchema: z.unknown(),
  /** Every stored version, latest effective date first (future ones included). */
  history: z.array(settingVersionSchema),
});
export type SettingDto = z.infer<typeof settingSchema>;

export const settingListSchema = listEnvelope(settingSchema);

export const settingVersionCreateSchema = z.strictObject({
  value: z.unknown().refine((v) => v !== undefined, 'field.required'),
  effectiveFrom: isoDate,
  note: z.string().trim().max(LIMITS.medium).refine((v) => !v.includes('\u0000'), 'field.invalidFormat').optional(),
});
export type SettingVersionCreate = z.infer<typeof settingVersionCreateSchema>;
