import type { AttachmentAccessCheck } from '../../platform/context.js';
import { salesScopeOf } from './sales.scope.js';
import { findLead } from './leads.repo.js';
import { findContract } from './contracts.repo.js';
import { findProposal } from './proposals.repo.js';

/** Files of leads, proposals and contracts: whoever sees the record. */
export const salesAttachmentAccess: Record<string, AttachmentAccessCheck> = {
  lead: async (deps, actor, id) => !!(await findLead(deps.db, Number(id), await salesScopeOf(deps.db, actor))),
  proposal: async (deps, actor, id) => !!(await findProposal(deps.db, Number(id), await salesScopeOf(deps.db, actor))),
  contract: async (deps, actor, id) => !!(await findContract(deps.db, Number(id), await salesScopeOf(deps.db, actor))),
};
