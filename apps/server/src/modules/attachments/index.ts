import type { ServerModule } from '../../platform/module.js';
import { attachmentRoutes } from './attachments.routes.js';
import { purgeUnlinkedAttachmentsJob } from '../../platform/files/attachments.jobs.js';

/** Uploads and downloads; storage and linking are the platform's (platform/files), read rules each module's. */
export const attachmentsModule = {
  name: 'attachments',
  routes: attachmentRoutes,
  tables: [],
  jobs: [purgeUnlinkedAttachmentsJob],
} satisfies ServerModule;
