export type DiffRow = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field comparison of an audit entry's before and after snapshots.
 * A create has only `after`, a delete only `before`; either may be a non-object value.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return [{ field: '', before: hasBefore ? before : undefined, after: hasAfter ? after : undefined, changed: hasBefore && hasAfter && !same(before, after) }];
  }
  const b = hasBefore ? (before as Record<string, unknown>) : {};
  const a = hasAfter ? (after as Record<string, unknown>) : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: hasBefore && hasAfter && !same(b[field], a[field]),
  }));
}
