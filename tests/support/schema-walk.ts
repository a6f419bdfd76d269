import type { z } from 'zod';

/** A path into a request body; `*` stands for every element of an array. */
export type FieldPath = string[];

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Is this key a reference to another record by the API's naming rule (`…Id`, `…Ids`, or an `id` in a list of rows)? */
export function isReferenceKey(key: string, path: FieldPath): boolean {
  return key.endsWith('Id') || key.endsWith('Ids') || (key === 'id' && path.includes('*'));
}

/** Visits every object field of a zod schema (through optional, default, pipe, arrays, unions) with its path and schema. */
export function walkFields(schema: unknown, visit: (path: FieldPath, field: unknown) => void, path: FieldPath = []): void {
  const def = defOf(schema);
  if (!def) return;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        visit([...path, key], value);
        walkFields(value, visit, [...path, key]);
      }
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walkFields(def.innerType, visit, path);
    case 'pipe':
      return walkFields(def.in, visit, path);
    case 'array':
      return walkFields(def.element, visit, [...path, '*']);
    case 'union':
      for (const option of def.options as unknown[]) walkFields(option, visit, path);
      return;
    case 'intersection':
      walkFields(def.left, visit, path);
      return walkFields(def.right, visit, path);
    case 'lazy':
      return walkFields(def.getter(), visit, path);
  }
}

/** The schema inside optional/nullable/default wrappers. */
export function unwrapped(schema: unknown): unknown {
  let s = schema;
  for (let def = defOf(s); def && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type); def = defOf(s)) s = def.innerType;
  return s;
}

/** Is this field a calendar date (`z.iso.date()`, however refined)? */
export function isDateField(schema: unknown): boolean {
  const def = defOf(unwrapped(schema));
  return def?.type === 'string' && def.format === 'date';
}

/** Every field of a zod input schema whose name marks it as a reference to another record. */
export function referenceFields(schema: z.ZodType): FieldPath[] {
  const found = new Map<string, FieldPath>();
  walkFields(schema, (path) => {
    if (isReferenceKey(path[path.length - 1]!, path.slice(0, -1))) found.set(path.join('.'), path);
  });
  return [...found.values()];
}

/**
 * A copy of `body` with the field at `path` set to `id` (a list field gets `[id]`; inside a list of
 * rows the first row is changed). Undefined when the body has no row to change.
 */
export function withReference(body: unknown, path: FieldPath, id: number): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let node: any = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] === '*' ? 0 : path[i]!;
    if (node[key] === undefined || node[key] === null) return undefined;
    node = node[key];
  }
  const last = path[path.length - 1]!;
  node[last] = last.endsWith('Ids') ? [id] : id;
  return copy;
}

/** The error field names the reference: `customerId`, `attachmentIds.0`, `tasks.0.taskId`. */
export function namesField(fields: Record<string, string> | undefined, path: FieldPath): boolean {
  const prefix = path.map((p) => (p === '*' ? '0' : p)).join('.');
  return Object.keys(fields ?? {}).some((k) => k === prefix || k.startsWith(`${prefix}.`));
}
