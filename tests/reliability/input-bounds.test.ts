import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ALL_ROUTES } from '../../apps/server/src/modules.js';
import { isDateField, unwrapped, walkFields } from '@support/schema-walk.js';
import { routeKey } from './fixtures/types.js';

/** Every date a request can carry, body or query, of every route. */
function dateFields(): { where: string; schema: z.ZodType }[] {
  const found: { where: string; schema: z.ZodType }[] = [];
  for (const route of ALL_ROUTES) {
    for (const [part, schema] of [['body', route.body], ['query', route.query]] as const) {
      walkFields(schema, (path, field) => {
        if (isDateField(field)) found.push({ where: `${routeKey(route)} ${part}.${path.join('.')}`, schema: unwrapped(field) as z.ZodType });
      });
    }
  }
  return found;
}

describe('input bounds shared by every route', () => {
  it('finds the dates to check', () => {
    expect(dateFields().length).toBeGreaterThan(40);
  });

  it('every date field refuses year 0 and year 9999 and takes an ordinary date', () => {
    const wrong: string[] = [];
    for (const { where, schema } of dateFields()) {
      if (schema.safeParse('0000-01-01').success) wrong.push(`${where}: accepts 0000-01-01`);
      if (schema.safeParse('9999-12-31').success) wrong.push(`${where}: accepts 9999-12-31`);
      if (!schema.safeParse('2026-12-07').success) wrong.push(`${where}: refuses 2026-12-07`);
    }
    expect(wrong).toEqual([]);
  });
});
