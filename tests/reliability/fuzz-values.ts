import fc from 'fast-check';

/** Strings that try to escape SQL, HTML or JSON contexts; they must be stored and answered verbatim. */
export const INJECTIONS = [
  "'); drop table users;--",
  "' or '1'='1",
  'Robert"); DELETE FROM departments; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '%s%s%n%x',
  '\\"; \\u0000',
  '../../../etc/passwd',
  '业务部\'; 删除--',
  '𠜎𠜱𠝹 👩‍👩‍👧‍👦 ‮tfel-ot-thgir',
];

const odd = fc.constantFrom('', ' ', '   ', '\u0000', 'a\u0000b', 'x\u0000', '\u202e', '\ufeff', '😀', 'Ω≈ç√', 'null', 'true', '0', '-1', '1e309', 'NaN', '2026-02-30', '9999-99-99', ...INJECTIONS);

export const nastyString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: odd, weight: 3 },
  { arbitrary: fc.integer({ min: 101, max: 300_000 }).map((n) => '长'.repeat(n)), weight: 1 },
);

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  { arbitrary: fc.constantFrom(0, -1, 1.5, 1, 2, 3, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 63), 1e308, -1e-308), weight: 2 },
  fc.double(),
  { arbitrary: nastyString, weight: 3 },
);

/** Any JSON value, biased towards the wrong types, sizes and characters. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 })),
})).value;

/** A raw JSON text nested `depth` levels deep. */
export const deepJson = fc.integer({ min: 50, max: 20_000 }).chain((depth) =>
  fc.constantFrom('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), '['.repeat(depth) + ']'.repeat(depth)),
);

export type FuzzBody = { kind: 'value'; value: unknown } | { kind: 'shaped'; fields: Record<string, unknown>; overlay: boolean } | { kind: 'raw'; text: string };

/** Bodies for one route: arbitrary JSON, objects with the route's own field names holding bad values, deep nesting. */
export function fuzzBody(fieldNames: readonly string[]): fc.Arbitrary<FuzzBody> {
  const shaped = fieldNames.length
    ? fc.record({ fields: fc.dictionary(fc.constantFrom(...fieldNames), nastyValue, { maxKeys: Math.min(4, fieldNames.length), minKeys: 1 }), overlay: fc.boolean() }).map((r) => ({ kind: 'shaped' as const, ...r }))
    : nastyValue.map((value) => ({ kind: 'value' as const, value }));
  return fc.oneof(
    { arbitrary: nastyValue.map((value) => ({ kind: 'value' as const, value })), weight: 3 },
    { arbitrary: shaped, weight: 6 },
    { arbitrary: deepJson.map((text) => ({ kind: 'raw' as const, text })), weight: 1 },
  );
}
