import type { AnyRoute } from './platform/http/route.js';
import { healthRoutes } from './modules/system/health.routes.js';
import { authRoutes } from './modules/org/auth.routes.js';
import { userRoutes } from './modules/org/users.routes.js';
import { departmentRoutes } from './modules/org/departments.routes.js';
import { tokenRoutes } from './modules/org/tokens.routes.js';
import { roleRoutes } from './modules/org/roles.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { settingRoutes } from './modules/settings/settings.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { approvalRoutes } from './modules/approvals/approvals.routes.js';
import { customerRoutes } from './modules/sales/customers.routes.js';
import { leadRoutes } from './modules/sales/leads.routes.js';
import { proposalRoutes } from './modules/sales/proposals.routes.js';
import { contractRoutes } from './modules/sales/contracts.routes.js';
import { pipelineRoutes } from './modules/sales/pipeline.routes.js';
import { projectRoutes } from './modules/delivery/projects.routes.js';
import { deliveryRoutes } from './modules/delivery/delivery.routes.js';
import { appraisalRoutes } from './modules/appraisal/appraisal.routes.js';

/** Every API route of every module: registration, OpenAPI and the authorization matrix read this. */
export const ALL_ROUTES: AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...departmentRoutes,
  ...tokenRoutes,
  ...roleRoutes,
  ...auditRoutes,
  ...settingRoutes,
  ...notificationRoutes,
  ...attachmentRoutes,
  ...approvalRoutes,
  ...customerRoutes,
  ...leadRoutes,
  ...proposalRoutes,
  ...contractRoutes,
  ...pipelineRoutes,
  ...projectRoutes,
  ...deliveryRoutes,
  ...appraisalRoutes,
];
