import type { ServerModule } from '../../platform/module.js';
import { auditRoutes } from './audit.routes.js';

/** The audit log's viewer, export and chain verification [2.2]; the log itself is the platform's (platform/audit). */
export const auditModule = {
  name: 'audit',
  routes: auditRoutes,
  tables: [],
} satisfies ServerModule;
