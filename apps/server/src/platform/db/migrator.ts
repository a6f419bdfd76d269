import { sql, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Engine } from './database.js';
import { foundation } from './migrations/0001_foundation.js';
import { platform } from './migrations/0002_platform.js';
import { sales } from './migrations/0003_sales.js';
import { appraisal } from './migrations/0004_appraisal.js';
import { delivery } from './migrations/0005_delivery.js';
import { indexes } from './migrations/0006_indexes.js';
import { lookupIndexes } from './migrations/0007_lookup_indexes.js';
import { security } from './migrations/0008_security.js';

export type EngineMigration = (engine: Engine) => Migration;

/** The one ordered migration set; each migration is written once for both engines. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001_foundation': foundation,
  '0002_platform': platform,
  '0003_sales': sales,
  '0004_appraisal': appraisal,
  '0005_delivery': delivery,
  '0006_indexes': indexes,
  '0007_lookup_indexes': lookupIndexes,
  '0008_security': security,
};

export function registerMigration(name: string, migration: EngineMigration): void {
  if (MIGRATIONS[name]) throw new Error(`duplicate migration ${name}`);
  MIGRATIONS[name] = migration;
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, m(database.engine)])),
  };
  // Kysely looks for its bookkeeping table across all schemas; pin it to the one in use.
  let schema = database.schema;
  if (database.engine === 'postgres' && !schema) {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
    schema = rows[0]?.s;
  }
  const migrator = new Migrator({ db: database.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
