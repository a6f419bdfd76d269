import type { z } from 'zod';
import type { Locale } from '@domain/shared/locale.js';
import { issuesToFields } from '@domain/i18n/zod-issues.js';
import { translate } from '@domain/i18n/messages.js';
import { AppError } from './errors.js';

const INT4_MAX = 2 ** 31 - 1;
// Half of a UTF-16 pair on its own would be stored as U+FFFD: refuse it rather than change the text.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Limits every schema shares, checked once here rather than in each: text may not hold U+0000
 * (PostgreSQL refuses it) or an unpaired surrogate, and record references (`…Id`, `…Ids`, `id`) must fit an integer column.
 */
function sharedLimits(value: unknown, path: string[], fields: Record<string, string>, key = ''): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || UNPAIRED_SURROGATE.test(value)) fields[path.join('.') || '_'] ??= 'field.invalidFormat';
  } else if (typeof value === 'number') {
    if ((key === 'id' || key.endsWith('Id') || key.endsWith('Ids')) && Math.abs(value) > INT4_MAX) fields[path.join('.') || '_'] ??= 'field.notExists';
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => sharedLimits(v, [...path, String(i)], fields, key));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) sharedLimits(v, [...path, k], fields, k);
  }
}

/** Parses input with a zod schema; failures become 400 VALIDATION_FAILED with field messages. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, locale: Locale, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  let fields: Record<string, string>;
  if (result.success) {
    const limits: Record<string, string> = {};
    sharedLimits(result.data, [], limits);
    if (Object.keys(limits).length === 0) return result.data;
    fields = Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, translate(locale, v)]));
  } else {
    fields = issuesToFields(result.error.issues, locale);
  }
  const prefixed = prefix ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}${k === '_' ? '' : `.${k}`}`, v])) : fields;
  throw new AppError(400, 'VALIDATION_FAILED', prefixed, { translated: true });
}
