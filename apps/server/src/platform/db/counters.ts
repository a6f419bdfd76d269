/**
 * Named counters (the platform's `counters` table) that number records: lead, proposal, contract,
 * project, expense and change-request codes. Every module numbers through these two functions.
 */

import { sql } from 'kysely';
import type { Executor } from './executor.js';

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

/** A code such as `L2026-00042`: prefix, year, and the year's next number padded to `width`. */
export async function nextCode(db: Executor, prefix: string, year: number, width = 5): Promise<string> {
  const n = await nextCounter(db, `${prefix}-${year}`);
  return `${prefix}${year}-${String(n).padStart(width, '0')}`;
}
