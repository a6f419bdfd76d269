import { DELIVERY_NOTIFY_KINDS } from '@domain/delivery/delivery.messages.js';
import type { ServerModule } from '../../platform/module.js';
import { seedDelivery } from './delivery.demo.js';
import { projectRoutes } from './projects.routes.js';
import { memberRoutes } from './members.routes.js';
import { planRoutes } from './plan.routes.js';
import { progressRoutes } from './progress.routes.js';
import { issueRoutes } from './issues.routes.js';
import { changeRoutes } from './changes.routes.js';
import { expenseRoutes } from './expenses.routes.js';
import { acceptanceRoutes } from './acceptance.routes.js';
import { settlementRoutes } from './settlement.routes.js';
import { documentRoutes } from './documents.routes.js';
import { retrospectiveRoutes } from './retrospective.routes.js';
import { portfolioRoutes } from './portfolio.routes.js';
import { refreshFiguresJob, reportReminderJob } from './delivery.jobs.js';
import { deliveryAttachmentAccess } from './delivery.attachments.js';
import { projectTables } from './migrations/0003_sales.js';
import { delivery } from './migrations/0005_delivery.js';
import { deliveryLookupIndexes } from './migrations/0007_lookup_indexes.js';
import { DELIVERY_TABLES } from './delivery.tables.js';
import { createProjectFromContract, projectsOfCustomer } from './project-start.js';
import { projectOutcomes } from './project-outcomes.js';

export type { DeliveryTables } from './delivery.tables.js';
export type { ProjectOutcomes } from './project-outcomes.js';

/**
 * Execution and delivery [3.2–3.3]: projects from signing to closing — team, plan, progress,
 * issues, changes, expenses, acceptance, settlement, documents, retrospective — and the portfolio.
 */
export const deliveryModule = {
  name: 'delivery',
  routes: [
    ...projectRoutes,
    ...memberRoutes,
    ...planRoutes,
    ...progressRoutes,
    ...issueRoutes,
    ...changeRoutes,
    ...expenseRoutes,
    ...acceptanceRoutes,
    ...settlementRoutes,
    ...documentRoutes,
    ...retrospectiveRoutes,
    ...portfolioRoutes,
  ],
  tables: DELIVERY_TABLES,
  migrations: { '0003_sales': projectTables, '0005_delivery': delivery, '0007_lookup_indexes': deliveryLookupIndexes },
  jobs: [refreshFiguresJob, reportReminderJob],
  attachmentAccess: deliveryAttachmentAccess,
  notificationKinds: DELIVERY_NOTIFY_KINDS,
  provides: { createProjectFromContract, projectsOfCustomer },
  queries: { projectOutcomes },
  demo: { seed: seedDelivery },
} satisfies ServerModule;
