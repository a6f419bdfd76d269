import type { AttachmentAccessCheck } from '../../platform/context.js';
import { projectScopeOf } from './delivery.scope.js';
import { findProject } from './projects.repo.js';
import { findExpense } from './expenses.repo.js';

/** Receipts: whoever sees the claim. Archive files and signed acceptance papers: whoever sees the project. */
export const deliveryAttachmentAccess: Record<string, AttachmentAccessCheck> = {
  expense: async (deps, actor, id) => !!(await findExpense(deps.db, id, await projectScopeOf(deps.db, actor), actor.id)),
  project_document: async (deps, actor, id) => {
    const doc = await deps.db.selectFrom('project_documents').select('project_id').where('id', '=', id).executeTakeFirst();
    return !!doc && !!(await findProject(deps.db, doc.project_id, await projectScopeOf(deps.db, actor)));
  },
  project_acceptance: async (deps, actor, id) => {
    const round = await deps.db.selectFrom('project_acceptances').select('project_id').where('id', '=', id).executeTakeFirst();
    return !!round && !!(await findProject(deps.db, round.project_id, await projectScopeOf(deps.db, actor)));
  },
};
