import { registerJob } from '../../platform/scheduler/scheduler.js';
import { registerAttachmentAccess } from '../../platform/files/attachments.js';
import { projectScopeOf } from './delivery.scope.js';
import { findProject } from './projects.repo.js';
import { findExpense } from './expenses.repo.js';
import { refreshFiguresJob, reportReminderJob } from './delivery.jobs.js';

let registered = false;

/** Jobs and attachment rules of the delivery module; called once when its routes load. */
export function registerDeliveryModule(): void {
  if (registered) return;
  registered = true;
  registerJob(refreshFiguresJob);
  registerJob(reportReminderJob);
  // Receipts: whoever sees the claim. Archive files and signed acceptance papers: whoever sees the project.
  registerAttachmentAccess('expense', async (deps, actor, id) => !!(await findExpense(deps.db, id, await projectScopeOf(deps.db, actor), actor.id)));
  registerAttachmentAccess('project_document', async (deps, actor, id) => {
    const doc = await deps.db.selectFrom('project_documents').select('project_id').where('id', '=', id).executeTakeFirst();
    return !!doc && !!(await findProject(deps.db, doc.project_id, await projectScopeOf(deps.db, actor)));
  });
  registerAttachmentAccess('project_acceptance', async (deps, actor, id) => {
    const round = await deps.db.selectFrom('project_acceptances').select('project_id').where('id', '=', id).executeTakeFirst();
    return !!round && !!(await findProject(deps.db, round.project_id, await projectScopeOf(deps.db, actor)));
  });
}
