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
  /** What the app's modules offer at run time, collected from their entry objects (platform/module.ts). */
  modules: ModuleRegistry;
};

/** Who may read the attachments of one kind of record: usually whoever may see the record. */
export type AttachmentAccessCheck = (deps: Deps, actor: Actor, entityId: number) => Promise<boolean>;

/**
 * Functions a module calls in a module downstream of it. A downstream module imports the
 * upstream one (delivery imports sales), so sales cannot import delivery back: sales declares
 * the function it needs here (by `declare module` augmentation, in its `<module>.hooks.ts`)
 * and delivery provides it through its entry object's `provides`.
 */
export interface ModuleHooks {}

/**
 * Lists several modules add to, each declared by the module that reads it (by `declare module`
 * augmentation, in its `<module>.contributions.ts`): appraisal lists the period's records other
 * modules hold about an employee (commendations, trainings, weekly reports). Unlike a hook, a
 * contribution point may have any number of contributors, including none.
 */
export interface ModuleContributions {}

/** Every contribution offered, by point; a point nobody contributes to is absent (read it with `contributionsTo`). */
export type Contributions = { readonly [K in keyof ModuleContributions]?: readonly ModuleContributions[K][] };

/** The modules' contributions the platform and other modules look up at run time. */
export type ModuleRegistry = {
  /** Attachment read rules by record kind (`lead`, `expense`, …). */
  attachmentAccess: ReadonlyMap<string, AttachmentAccessCheck>;
  hooks: ModuleHooks;
  contributions: Contributions;
};

/** What the modules contribute to one point, in module order; empty when none does. */
export function contributionsTo<K extends keyof ModuleContributions>(deps: Pick<Deps, 'modules'>, point: K): readonly ModuleContributions[K][] {
  return deps.modules.contributions[point] ?? [];
}

/** Who asked, from where, in which language: carried from the route into services and the audit log. */
export type RequestMeta = {
  actor: Actor;
  ip: string | null;
  locale: Locale;
};

/** The one way to make `Deps`: the server, the demo loader, the bench and tests all build them here. */
export function createDeps(input: { database: Pick<Database, 'db' | 'engine'>; config: Config; log: Logger; modules: ModuleRegistry; now?: () => Date }): Deps {
  const { database, config, log, modules, now = () => new Date() } = input;
  const base = { db: database.db, engine: database.engine, config, log, now };
  return { ...base, sessions: new SessionStore(base), modules };
}

/** The injected clock's present moment as stored (ISO-8601 UTC). */
export function nowIso(deps: Pick<Deps, 'now'>): string {
  return deps.now().toISOString();
}
