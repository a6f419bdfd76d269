import { z } from 'zod';

/** An item score: 0–100 with at most two decimals. */
export const scoreSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'field.twoDecimals');

export const itemKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'field.invalidFormat');
