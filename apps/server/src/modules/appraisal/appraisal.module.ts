import { registerJob } from '../../platform/scheduler/scheduler.js';
import { registerAttachmentAccess } from '../../platform/files/attachments.js';
import { appraisalScopeOf, appraisalScopeWhere } from './appraisal.scope.js';
import { openMonthlyCycleJob, stepRemindersJob } from './appraisal.jobs.js';

let registered = false;

/** Jobs and attachment rules of the appraisal module (the annual self-assessment's evidence files follow the appraisal's visibility). */
export function registerAppraisalModule(): void {
  if (registered) return;
  registered = true;
  registerJob(openMonthlyCycleJob);
  registerJob(stepRemindersJob);
  registerAttachmentAccess('appraisal', async (deps, actor, id) => {
    const row = await deps.db.selectFrom('appraisals as a').select('a.id').where('a.id', '=', Number(id)).where(appraisalScopeWhere(await appraisalScopeOf(deps.db, actor))).executeTakeFirst();
    return !!row;
  });
}
