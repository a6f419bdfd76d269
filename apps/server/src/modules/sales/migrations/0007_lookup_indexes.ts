import type { Kysely } from 'kysely';
import type { EngineMigration } from '../../../platform/db/migration.js';

/** Indexes the L-size benchmark asked for: a customer's proposals, the latest-edited proposals. */
export const salesLookupIndexes: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('proposals_customer_idx').on('proposals').columns(['customer_id', 'id']).execute();
    await db.schema.createIndex('proposals_updated_idx').on('proposals').columns(['updated_at', 'id']).execute();
  },
});
