import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Engine } from './database.js';
import { foundation } from './migrations/0001_foundation.js';

export type EngineMigration = (engine: Engine) => Migration;

/** The one ordered migration set; each migration is written once for both engines. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001_foundation': foundation,
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
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
