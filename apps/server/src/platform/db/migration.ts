import type { Migration } from 'kysely';
import type { Engine } from './database.js';

/** A migration written once for both engines: it is given the engine to spell ids and types. */
export type EngineMigration = (engine: Engine) => Migration;

/** Whoever owns migrations: a module's entry object (`name`, `migrations`), or the platform. */
export type MigrationOwner = { name: string; migrations?: Readonly<Record<string, EngineMigration>> };
