import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { isPostgresUrl, openPostgres, openSqlite, type Database, type Engine } from '../../apps/server/src/platform/db/database.js';
import { withStatementCache } from '../../apps/server/src/platform/db/statement-cache.js';
import { recreateSchema, schemaHasTable, urlWithSchema } from '@support/pg-schema.js';

export const SIZES = ['S', 'M', 'L'] as const;
export type Size = (typeof SIZES)[number];

/** Where a dataset of one size lives on one engine, and how a server process is pointed at it. */
export type DatasetTarget = {
  engine: Engine;
  size: Size;
  label: string;
  exists: () => Promise<boolean>;
  /** Removes whatever a previous run left (file or schema). */
  reset: () => Promise<void>;
  /** A read-write connection (for the generator). */
  open: () => Database;
  /** A connection for the bench's own queries (read-only on SQLite), with a query log hook. */
  openForBench: (log: (event: LogEvent) => void) => Database;
  serverEnv: () => Record<string, string>;
};

export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  return isPostgresUrl(url) ? url : undefined;
}

function sqliteTarget(size: Size, dir: string): DatasetTarget {
  const file = path.join(dir, 'yunying.db');
  return {
    engine: 'sqlite',
    size,
    label: `sqlite ${path.relative(process.cwd(), file)}`,
    exists: async () => fs.existsSync(file),
    reset: async () => {
      for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(file + suffix, { force: true });
      fs.mkdirSync(dir, { recursive: true });
    },
    open: () => openSqlite(file),
    openForBench: (log) => {
      const native = new SQLite(file, { readonly: true });
      native.pragma('cache_size = -65536');
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(native) }), log });
      return { db, engine: 'sqlite', close: () => db.destroy() };
    },
    serverEnv: () => ({ YUNYING_DATA_DIR: dir, DATABASE_URL: '' }),
  };
}

function postgresTarget(size: Size, url: string): DatasetTarget {
  const schema = `bench_${size.toLowerCase()}`;
  return {
    engine: 'postgres',
    size,
    label: `postgres schema ${schema}`,
    exists: () => schemaHasTable(url, schema, 'users'),
    reset: () => recreateSchema(url, schema),
    open: () => openPostgres(url, { schema, max: 4 }),
    openForBench: (log) => {
      const pool = new pg.Pool({ connectionString: urlWithSchema(url, schema), max: 10 });
      const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
      return { db, engine: 'postgres', schema, close: () => db.destroy() };
    },
    serverEnv: () => ({ DATABASE_URL: urlWithSchema(url, schema) }),
  };
}

export function datasetTarget(engine: Engine, size: Size, outDir?: string): DatasetTarget {
  if (engine === 'sqlite') return sqliteTarget(size, path.resolve(outDir ?? path.join('data', 'bench', size)));
  const url = postgresUrl();
  if (!url) throw new Error('PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL (postgres://…)');
  return postgresTarget(size, url);
}
