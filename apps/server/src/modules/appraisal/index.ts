import { APPRAISAL_NOTIFY_KINDS } from '@domain/appraisal/appraisal.messages.js';
import type { ServerModule } from '../../platform/module.js';
import { seedAppraisal } from './appraisal.demo.js';
import { templateRoutes } from './templates.routes.js';
import { cycleRoutes } from './cycles.routes.js';
import { appraisalRoutes } from './appraisals.routes.js';
import { reviewRoutes } from './reviews.routes.js';
import { kpiAttendanceRoutes } from './kpi-attendance.routes.js';
import { reportResultRoutes } from './reports-results.routes.js';
import { openMonthlyCycleJob, stepRemindersJob } from './appraisal.jobs.js';
import { appraisalAttachmentAccess } from './appraisal.attachments.js';
import { appraisal } from './migrations/0004_appraisal.js';
import { appraisalLookupIndexes } from './migrations/0007_lookup_indexes.js';
import { APPRAISAL_TABLES } from './appraisal.tables.js';

export type { AppraisalTables } from './appraisal.tables.js';
export type { AppraisalEvidenceSource } from './appraisal.contributions.js';

/** Performance appraisal [4]: templates, KPI targets and attendance, cycles, the steps of each appraisal, reports and results applied. */
export const appraisalModule = {
  name: 'appraisal',
  routes: [...templateRoutes, ...cycleRoutes, ...appraisalRoutes, ...reviewRoutes, ...kpiAttendanceRoutes, ...reportResultRoutes],
  tables: APPRAISAL_TABLES,
  migrations: { '0004_appraisal': appraisal, '0007_lookup_indexes': appraisalLookupIndexes },
  jobs: [openMonthlyCycleJob, stepRemindersJob],
  attachmentAccess: appraisalAttachmentAccess,
  notificationKinds: APPRAISAL_NOTIFY_KINDS,
  demo: { seed: seedAppraisal },
} satisfies ServerModule;
