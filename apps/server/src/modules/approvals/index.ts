import { APPROVAL_NOTIFY_KINDS } from '@domain/notify/notify.schema.js';
import type { ServerModule } from '../../platform/module.js';
import { approvalReminderJob } from '../../platform/approvals/approval.jobs.js';
import { approvalRoutes } from './approvals.routes.js';

/** My approvals, transfer (转交) and reminders (催办) over HTTP; the approval component itself is the platform's (platform/approvals) [§7]. */
export const approvalsModule = {
  name: 'approvals',
  routes: approvalRoutes,
  tables: [],
  jobs: [approvalReminderJob],
  notificationKinds: APPROVAL_NOTIFY_KINDS,
} satisfies ServerModule;
