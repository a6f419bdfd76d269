import type { Kysely } from 'kysely';
import type { EngineMigration } from '../migration.js';

/** Indexes the benchmark asked for: audit filters by entity and action, newest first. */
export const indexes: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('audit_entity_action_idx').on('audit_log').columns(['entity', 'action', 'id']).execute();
    await db.schema.createIndex('audit_action_idx').on('audit_log').columns(['action', 'id']).execute();
  },
});
