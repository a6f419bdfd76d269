import type { AttachmentAccessCheck } from '../../platform/context.js';
import { appraisalScopeOf, appraisalScopeWhere } from './appraisal.scope.js';

/** The annual self-assessment's evidence files follow the appraisal's visibility. */
export const appraisalAttachmentAccess: Record<string, AttachmentAccessCheck> = {
  appraisal: async (deps, actor, id) => {
    const row = await deps.db.selectFrom('appraisals as a').select('a.id').where('a.id', '=', Number(id)).where(appraisalScopeWhere(await appraisalScopeOf(deps.db, actor))).executeTakeFirst();
    return !!row;
  },
};
