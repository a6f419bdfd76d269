import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './template.defaults.js';
import { templateContentSchema, templateCreateSchema } from './template.schema.js';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function issuesOf(value: unknown): Record<string, string> {
  const r = templateContentSchema.safeParse(value);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('template weights', () => {
  it.each(['monthly', 'annual'] as const)('the default %s template is valid (60 / 30 / 10)', (type) => {
    const t = DEFAULT_TEMPLATES[type];
    expect(issuesOf({ dimensions: t.dimensions })).toEqual({});
    expect(t.dimensions.map((d) => d.weight)).toEqual([60, 30, 10]);
  });

  it('refuses dimension weights that do not sum to 100', () => {
    const dims = clone(DEFAULT_TEMPLATES.monthly.dimensions) as { weight: number }[];
    dims[2]!.weight = 9;
    expect(issuesOf({ dimensions: dims })).toEqual({ dimensions: 'field.weightsSum' });
  });

  it('refuses item weights that do not sum to 100, naming the dimension', () => {
    const dims = clone(DEFAULT_TEMPLATES.monthly.dimensions) as { items: { weight: number }[] }[];
    dims[1]!.items[0]!.weight = 24;
    expect(issuesOf({ dimensions: dims })).toEqual({ 'dimensions.1.items': 'field.weightsSum' });
  });

  it('refuses a key used twice', () => {
    const dims = clone(DEFAULT_TEMPLATES.monthly.dimensions) as { items: { key: string }[] }[];
    dims[2]!.items[0]!.key = 'knowledge';
    expect(issuesOf({ dimensions: dims })).toEqual({ 'dimensions.2.items.0.key': 'field.taken' });
  });

  it('checks the same on create', () => {
    const dims = clone(DEFAULT_TEMPLATES.annual.dimensions) as { weight: number }[];
    dims[0]!.weight = 70;
    const r = templateCreateSchema.safeParse({ type: 'annual', name: '2027 年度模板', effectiveFrom: '2027-01-01', dimensions: dims });
    expect(r.success).toBe(false);
  });
});
