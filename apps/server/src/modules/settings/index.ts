import type { ServerModule } from '../../platform/module.js';
import { settingRoutes } from './settings.routes.js';

/** Company settings over HTTP: list them, add a version; the settings themselves are the platform's (platform/settings). */
export const settingsModule = {
  name: 'settings',
  routes: settingRoutes,
  tables: [],
} satisfies ServerModule;
