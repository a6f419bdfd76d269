import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './statement-cache.js';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** PostgreSQL schema the connection works in, when not the default. */
  schema?: string;
  close: () => Promise<void>;
};

// int8 (bigint, count(*)) as JS numbers: money in fen and counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function openSqlite(file: string): Database {
  const native = new SQLite(file);
  native.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a process crash (only power loss can drop the last commits).
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 5000');
  native.pragma('foreign_keys = ON');
  // 32 MiB of pages in-process; the OS file cache holds the rest without counting toward our RSS.
  native.pragma('cache_size = -32768');
  native.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(native) }) });
  const close = async () => {
    // Keeps the planner's statistics fresh (SQLite's advice: run it before closing).
    if (native.open && !native.memory) native.pragma('optimize');
    await db.destroy();
  };
  return { db, engine: 'sqlite', close };
}

export function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', schema: options.schema, close: () => db.destroy() };
}

export async function ping(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
