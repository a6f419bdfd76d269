import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '@domain/shared/actor.js';
import type { Locale } from '@domain/shared/locale.js';
import type { DB } from '../db/schema.js';
import type { Engine } from '../db/database.js';
import type { Config } from '../../config.js';
import type { SessionStore } from '../auth/sessions.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** What services need from the outside world; the clock is injected so tests can move time. */
export type Deps = {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  log: Logger;
  now: () => Date;
  sessions: SessionStore;
};

/** Who asked, from where, in which language: carried from the route into services and the audit log. */
export type RequestMeta = {
  actor: Actor;
  ip: string | null;
  locale: Locale;
};

/** Runs `fn` in a transaction, or inside the caller's when it already is one. */
export function inTransaction<T>(db: Executor, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}

export function nowIso(deps: Pick<Deps, 'now'>): string {
  return deps.now().toISOString();
}
