import type { Kysely } from 'kysely';
import type { EngineMigration } from '../migration.js';

/** The platform's named counters (record codes), created with the sales tables in 0003_sales. */
export const counters: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
});
