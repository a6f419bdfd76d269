import type { ServerModule } from '../../platform/module.js';
import { healthRoutes } from './health.routes.js';

/** Liveness: `GET /api/health`. */
export const systemModule = {
  name: 'system',
  routes: healthRoutes,
  tables: [],
} satisfies ServerModule;
