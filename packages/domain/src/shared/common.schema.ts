import { z } from 'zod';

/** Limits on every string so no input is unbounded. */
export const LIMITS = { short: 100, medium: 500, long: 5000, text: 20000 } as const;

export const idSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);
export const idParamsSchema = z.strictObject({ id: idSchema });

export const shortText = z.string().trim().max(LIMITS.short);
export const requiredShortText = z.string().trim().min(1).max(LIMITS.short);
export const mediumText = z.string().max(LIMITS.medium);
export const longText = z.string().max(LIMITS.long);

/**
 * Dates of business records: a real calendar date within these bounds (year 0 or 9999 is a typing
 * slip, not a plan); fields whose meaning narrows them check more (an expense not in the future).
 */
export const DATE_BOUNDS = { min: '2000-01-01', max: '2099-12-31' } as const;
export const isoDate = z.iso.date().refine((v) => v >= DATE_BOUNDS.min && v <= DATE_BOUNDS.max, { message: 'field.dateRange' });
/** Dates of a person's history (hire date): a working life may start before 2000. */
export const personalDate = z.iso.date().refine((v) => v >= '1950-01-01' && v <= DATE_BOUNDS.max, { message: 'field.personalDateRange' });
export const isoDateTime = z.string().max(40);

/** Fields every business record carries. */
export const recordMetaSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  createdAt: isoDateTime,
  createdBy: z.number().int().nullable(),
  updatedAt: isoDateTime,
});

export const versionField = z.number().int().min(1);

export const listQueryBase = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(60).regex(/^-?[a-zA-Z]+$/).optional(),
  q: z.string().trim().max(LIMITS.short).optional(),
};

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const okSchema = z.object({ ok: z.literal(true) });
