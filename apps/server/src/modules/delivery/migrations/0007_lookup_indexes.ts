import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';

/** Indexes the L-size benchmark asked for: a customer's projects, newest projects and expenses. */
export const deliveryLookupIndexes: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('projects_customer_idx').on('projects').columns(['customer_id', 'id']).execute();
    await db.schema.createIndex('projects_created_idx').on('projects').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('project_expenses_created_idx').on('project_expenses').columns(['created_at', 'id']).execute();
  },
});
