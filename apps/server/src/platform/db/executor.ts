import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** A database handle: the connection pool, or a transaction a caller already opened. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** Runs `fn` in a transaction, or inside the caller's when it already is one. */
export function inTransaction<T>(db: Executor, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}
