import { sql } from 'kysely';
import type { Executor } from '../../platform/http/context.js';

/** Next value of a named counter, atomically inside the caller's transaction (both engines support RETURNING). */
export async function nextCounter(db: Executor, name: string): Promise<number> {
  await db.insertInto('counters').values({ name, value: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db
    .updateTable('counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function nextCode(db: Executor, prefix: string, year: number, width = 5): Promise<string> {
  const n = await nextCounter(db, `${prefix}-${year}`);
  return `${prefix}${year}-${String(n).padStart(width, '0')}`;
}
