import type { AnyRoute } from './platform/http/route.js';
import { healthRoutes } from './modules/system/health.routes.js';
import { authRoutes } from './modules/org/auth.routes.js';
import { userRoutes } from './modules/org/users.routes.js';
import { departmentRoutes } from './modules/org/departments.routes.js';
import { tokenRoutes } from './modules/org/tokens.routes.js';
import { roleRoutes } from './modules/org/roles.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';

/** Every API route of every module: registration, OpenAPI and the authorization matrix read this. */
export const ALL_ROUTES: AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...departmentRoutes,
  ...tokenRoutes,
  ...roleRoutes,
  ...auditRoutes,
];
