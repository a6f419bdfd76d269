import type { ServerModule } from '../../platform/module.js';
import { notificationRoutes } from './notifications.routes.js';

/** The in-app inbox over HTTP; sending is the platform's (platform/notify). */
export const notificationsModule = {
  name: 'notifications',
  routes: notificationRoutes,
  tables: [],
} satisfies ServerModule;
