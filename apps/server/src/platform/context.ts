import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '@domain/shared/actor.js';
import type { Locale } from '@domain/shared/locale.js';
import type { DB } from './db/schema.js';
import type { Database, Engine } from './db/database.js';
import type { Config } from '../config.js';
import { SessionStore } from './auth/sessions.js';

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

/** The one way to make `Deps`: the server, the demo loader, the bench and tests all build them here. */
export function createDeps(input: { database: Pick<Database, 'db' | 'engine'>; config: Config; log: Logger; now?: () => Date }): Deps {
  const { database, config, log, now = () => new Date() } = input;
  const base = { db: database.db, engine: database.engine, config, log, now };
  return { ...base, sessions: new SessionStore(base) };
}

/** The injected clock's present moment as stored (ISO-8601 UTC). */
export function nowIso(deps: Pick<Deps, 'now'>): string {
  return deps.now().toISOString();
}
