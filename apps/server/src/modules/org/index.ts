import type { ServerModule } from '../../platform/module.js';
import { seedOrg, seedOrgDemo } from './org.demo.js';
import { authRoutes } from './auth.routes.js';
import { userRoutes } from './users.routes.js';
import { departmentRoutes } from './departments.routes.js';
import { tokenRoutes } from './tokens.routes.js';
import { roleRoutes } from './roles.routes.js';
import { orgFoundation } from './migrations/0001_foundation.js';
import { ORG_TABLES } from './org.tables.js';
import { subordinateIds } from './users.repo.js';
import { ensureAdministrator } from './administrator.js';

export type { OrgTables } from './org.tables.js';

/**
 * People and access [2]: sign-in, users, departments, API tokens, roles. Its `users` and
 * `departments` are the directory every module may join to show names (read only).
 */
export const orgModule = {
  name: 'org',
  routes: [...authRoutes, ...userRoutes, ...departmentRoutes, ...tokenRoutes, ...roleRoutes],
  tables: ORG_TABLES,
  migrations: { '0001_foundation': orgFoundation },
  queries: { subordinateIds },
  commands: { ensureAdministrator },
  demo: { seed: seedOrgDemo, seedOrg },
} satisfies ServerModule;
