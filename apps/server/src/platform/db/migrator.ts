import { sql, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Engine } from './database.js';
import type { EngineMigration, MigrationOwner } from './migration.js';
import { PLATFORM_MIGRATIONS } from './migrations/index.js';

/**
 * The one ordered migration set: every owner's migrations, by name. Kysely records each name
 * once and runs names in order, so names never change once released. A name may have parts in
 * several owners (the early migrations created tables that now belong to different modules):
 * its parts run one after the other in the order of `modules`, the platform's part last.
 */
export function migrationSet(modules: readonly MigrationOwner[], engine: Engine): Record<string, Migration> {
  const parts = new Map<string, EngineMigration[]>();
  for (const owner of [...modules, { name: 'platform', migrations: PLATFORM_MIGRATIONS }]) {
    for (const [name, m] of Object.entries(owner.migrations ?? {})) {
      if (!/^\d{4}_[a-z0-9_]+$/.test(name)) throw new Error(`migration name ${name} (${owner.name}) is not NNNN_snake_case`);
      parts.set(name, [...(parts.get(name) ?? []), m]);
    }
  }
  const names = [...parts.keys()].sort();
  return Object.fromEntries(
    names.map((name) => {
      const steps = parts.get(name)!.map((m) => m(engine));
      const migration: Migration = {
        async up(db) {
          for (const step of steps) await step.up(db);
        },
      };
      return [name, migration];
    }),
  );
}

export async function migrateToLatest(database: Database, modules: readonly MigrationOwner[]): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationSet(modules, database.engine) };
  // Kysely looks for its bookkeeping table across all schemas; pin it to the one in use.
  let schema = database.schema;
  if (database.engine === 'postgres' && !schema) {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
    schema = rows[0]?.s;
  }
  // Modules are written side by side and land in any order: a database that ran 0011 may meet 0010
  // later. Names stay unique and each migration touches only its own module's tables.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
