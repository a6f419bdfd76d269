import type { EngineMigration } from '../migration.js';
import { foundation } from './0001_foundation.js';
import { platform } from './0002_platform.js';
import { counters } from './0003_sales.js';
import { indexes } from './0006_indexes.js';
import { security } from './0008_security.js';

/** The platform's own migrations (its tables: sessions, audit, settings, inbox, files, approvals, jobs, counters). */
export const PLATFORM_MIGRATIONS: Readonly<Record<string, EngineMigration>> = {
  '0001_foundation': foundation,
  '0002_platform': platform,
  '0003_sales': counters,
  '0006_indexes': indexes,
  '0008_security': security,
};
