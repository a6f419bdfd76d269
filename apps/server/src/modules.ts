import type { ServerModule } from './platform/module.js';
import { jobsOf, moduleRegistry, routesOf } from './platform/module.js';
import { systemModule } from './modules/system/index.js';
import { orgModule } from './modules/org/index.js';
import { auditModule } from './modules/audit/index.js';
import { settingsModule } from './modules/settings/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { attachmentsModule } from './modules/attachments/index.js';
import { approvalsModule } from './modules/approvals/index.js';
import { salesModule } from './modules/sales/index.js';
import { deliveryModule } from './modules/delivery/index.js';
import { appraisalModule } from './modules/appraisal/index.js';

/**
 * Every server module, in the order they build on each other (a module comes after those it
 * uses). A new module adds its `modules/<module>/index.ts` here and nothing else; the web's
 * list is apps/web/src/app/modules.ts.
 */
export const MODULES: readonly ServerModule[] = [systemModule, orgModule, auditModule, settingsModule, notificationsModule, attachmentsModule, approvalsModule, salesModule, deliveryModule, appraisalModule];

/** Every API route: registration, OpenAPI and the authorization matrix read this. */
export const ALL_ROUTES = routesOf(MODULES);

/** The platform's scheduled jobs and every module's. */
export const ALL_JOBS = jobsOf(MODULES);

/** What the modules offer each other at run time (attachment rules, hooks). */
export const MODULE_REGISTRY = moduleRegistry(MODULES);
