import { sql } from 'kysely';
import type { Database } from '../../apps/server/src/platform/db/database.js';

/** Tables a refused request may legitimately touch: the migrator's own and the login rate limiter's record. */
const IGNORED = new Set(['kysely_migration', 'kysely_migration_lock', 'login_attempts']);

/** Row counts of every table of the database, to prove a refused request wrote nothing. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const listed =
    database.engine === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  const tables = listed.rows.map((r) => r.name).filter((n) => !IGNORED.has(n)).sort();
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}
