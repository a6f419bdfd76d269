import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { Engine } from '../../apps/server/src/platform/db/database.js';
import type { Progress } from './progress.js';

/** Rows per INSERT: PostgreSQL allows 65,535 parameters per statement; SQLite 32,766. */
function batchSize(engine: Engine, columns: number): number {
  const limit = engine === 'postgres' ? 65_000 : 32_000;
  return Math.max(1, Math.min(1000, Math.floor(limit / Math.max(1, columns))));
}

/**
 * Inserts rows in multi-row INSERTs (1,000 a statement where the parameter limit allows).
 * On SQLite the caller's transaction makes it one big commit; on PostgreSQL each batch commits.
 */
export async function insertBulk<T extends keyof DB & string>(
  db: Kysely<DB>,
  engine: Engine,
  table: T,
  rows: Insertable<DB[T]>[],
  progress?: Progress,
): Promise<void> {
  if (rows.length === 0) return;
  const size = batchSize(engine, Object.keys(rows[0]!).length);
  const run = async (exec: Kysely<DB>) => {
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      await exec.insertInto(table).values(chunk as never).execute();
      progress?.tick(chunk.length);
    }
  };
  if (engine === 'sqlite') await db.transaction().execute((trx) => run(trx));
  else await run(db);
}

/** After inserting explicit ids on PostgreSQL, moves each identity sequence past the largest id. */
export async function resetSequences(db: Kysely<DB>, engine: Engine, tables: readonly (keyof DB & string)[]): Promise<void> {
  if (engine !== 'postgres') return;
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES'`.execute(db);
  const withIdentity = new Set(rows.map((r) => r.table_name));
  for (const table of tables) {
    if (!withIdentity.has(table)) continue;
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
