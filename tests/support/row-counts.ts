import { sql } from 'kysely';
import type { Database } from '../../apps/server/src/platform/db/database.js';

/** Tables a refused request may legitimately touch: the migrator's own and the login rate limiter's record. */
const IGNORED = new Set(['kysely_migration', 'kysely_migration_lock', 'login_attempts']);

const tablesOf = new WeakMap<Database, Promise<string[]>>();

async function listTables(database: Database): Promise<string[]> {
  const listed =
    database.engine === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  return listed.rows.map((r) => r.name).filter((n) => !IGNORED.has(n)).sort();
}

/**
 * Row counts of every table of the database, to prove a refused request wrote nothing: one
 * statement for all tables (the fuzz tests take this snapshot before every request).
 */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  let tables = tablesOf.get(database);
  if (!tables) tablesOf.set(database, (tables = listTables(database)));
  const names = await tables;
  const counts = sql.join(
    names.map((table) => sql`select ${table} as name, count(*) as n from ${sql.table(table)}`),
    sql` union all `,
  );
  const { rows } = await sql<{ name: string; n: number | string }>`${counts}`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}
