import type { Kysely } from 'kysely';
import type { EngineMigration } from '../migration.js';

/**
 * Sign-in limits per account as well as per address (an index for the per-account count), and
 * idempotency keys remember what request they answered (a hash of method, path and body).
 */
export const security: EngineMigration = () => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('login_attempts_username_idx').on('login_attempts').columns(['username', 'at']).execute();
    await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
});
