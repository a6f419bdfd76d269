import type { z } from 'zod';
import type { Locale } from '@domain/shared/locale.js';
import { issuesToFields } from '@domain/i18n/zod-issues.js';
import { AppError } from './errors.js';

/** Parses input with a zod schema; failures become 400 VALIDATION_FAILED with field messages. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, locale: Locale, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const fields = issuesToFields(result.error.issues, locale);
  const prefixed = prefix ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}${k === '_' ? '' : `.${k}`}`, v])) : fields;
  throw new AppError(400, 'VALIDATION_FAILED', prefixed, { translated: true });
}
