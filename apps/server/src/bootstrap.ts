import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { isPostgresUrl, openPostgres, openSqlite, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrator.js';
import { MODULES } from './modules.js';
import { orgModule } from './modules/org/index.js';
import { acquireInstanceLock } from './platform/db/instance-lock.js';

export type OpenedDatabase = Database & { release: () => void };

export function openDatabase(config: Config): OpenedDatabase {
  if (isPostgresUrl(config.databaseUrl)) {
    return { ...openPostgres(config.databaseUrl, { max: Number(process.env.YUNYING_PG_POOL ?? 10) }), release: () => {} };
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'yunying.db');
  const release = acquireInstanceLock(file);
  try {
    return { ...openSqlite(file), release };
  } catch (err) {
    release();
    throw err;
  }
}

/** Brings the database to the latest schema: the platform's migrations and every module's. */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrateToLatest(database, MODULES);
}

/** The first start with no users creates the administrator (org's command; see modules/org/administrator.ts). */
export function ensureAdministrator(database: Database, config: Config): Promise<{ created: boolean; password: string | null }> {
  return orgModule.commands.ensureAdministrator(database, config);
}
