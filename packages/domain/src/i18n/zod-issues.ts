import type { core } from 'zod';
import type { Locale } from '../shared/locale.js';
import { hasMessage, translate } from './messages.js';

type Issue = core.$ZodIssue;

/** Turns zod issues into `{ "a.b.0": "message" }` in the request's language. */
export function issuesToFields(issues: readonly Issue[], locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[pathOf([...issue.path, key])] ??= translate(locale, 'field.unknown');
      continue;
    }
    const path = pathOf(issue.path) || '_';
    fields[path] ??= messageOf(issue, locale);
  }
  return fields;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function messageOf(issue: Issue, locale: Locale): string {
  // Custom refinements carry an i18n key as their message.
  if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return translate(locale, 'field.required');
      if (issue.expected === 'int' && typeof (issue as { input?: unknown }).input === 'number') return translate(locale, 'field.notInteger');
      return translate(locale, 'field.invalidType', { expected: translate(locale, `expected.${expectedKey(issue.expected)}`) });
    case 'too_big':
      if (issue.origin === 'string') return translate(locale, 'field.tooLong', { max: issue.maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return translate(locale, 'field.tooManyItems', { max: issue.maximum });
      return translate(locale, 'field.tooBig', { max: issue.maximum });
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? translate(locale, 'field.required') : translate(locale, 'field.tooShort', { min: issue.minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return translate(locale, 'field.tooFewItems', { min: issue.minimum });
      return translate(locale, 'field.tooSmall', { min: issue.minimum });
    case 'invalid_value':
      return translate(locale, 'field.invalidOption', { options: issue.values.map(String).join(' / ') });
    case 'invalid_format':
      if (issue.format === 'email') return translate(locale, 'field.invalidEmail');
      if (issue.format === 'date') return translate(locale, 'field.invalidDate');
      return translate(locale, 'field.invalidFormat');
    default:
      return translate(locale, 'field.invalid');
  }
}

function expectedKey(expected: string): string {
  if (expected === 'int' || expected === 'number' || expected === 'bigint') return 'number';
  if (expected === 'string' || expected === 'boolean' || expected === 'array' || expected === 'object') return expected;
  return 'string';
}
