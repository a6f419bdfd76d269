import { sql, type CreateTableBuilder } from 'kysely';
import type { Engine } from './database.js';

/** An auto-increment integer primary key, spelled for each engine. */
export function withId<T extends string>(engine: Engine, table: CreateTableBuilder<T, never>) {
  return engine === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Columns every business record carries: version, created/updated stamps. */
export function withRecordMeta<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export const money = 'bigint' as const;
export const emptyText = sql`''`;
