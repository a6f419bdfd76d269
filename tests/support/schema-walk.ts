import type { z } from 'zod';

/** A path into a request body; `*` stands for every element of an array. */
export type FieldPath = string[];

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Is this key a reference to another record by the API's naming rule (`…Id`, `…Ids`, or an `id` in a list of rows)? */
export function isReferenceKey(key: string, path: FieldPath): boolean {
  return key.endsWith('Id') || key.endsWith('Ids') || (key === 'id' && path.includes('*'));
}

/** Every field of a zod input schema whose name marks it as a reference to another record. */
export function referenceFields(schema: z.ZodType): FieldPath[] {
  const found = new Map<string, FieldPath>();
  const walk = (s: unknown, path: FieldPath) => {
    const def = defOf(s);
    if (!def) return;
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
          const at = [...path, key];
          if (isReferenceKey(key, path)) found.set(at.join('.'), at);
          walk(value, at);
        }
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return walk(def.innerType, path);
      case 'pipe':
        return walk(def.in, path);
      case 'array':
        return walk(def.element, [...path, '*']);
      case 'union':
        for (const option of def.options as unknown[]) walk(option, path);
        return;
      case 'intersection':
        walk(def.left, path);
        return walk(def.right, path);
      case 'lazy':
        return walk(def.getter(), path);
    }
  };
  walk(schema, []);
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
