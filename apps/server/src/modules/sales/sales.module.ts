import { registerJob } from '../../platform/scheduler/scheduler.js';
import { registerAttachmentAccess } from '../../platform/files/attachments.js';
import { returnIdleCustomersToPool } from './customers.service.js';
import { salesScopeOf } from './sales.scope.js';
import { findLead } from './leads.repo.js';
import { findContract } from './contracts.repo.js';
import { findProposal } from './proposals.repo.js';

let registered = false;

/** Jobs and attachment rules of the sales module; called once when the app is built. */
export function registerSalesModule(): void {
  if (registered) return;
  registered = true;
  registerJob({ name: 'sales.return-idle-customers-to-pool', pattern: '5 2 * * *', run: async (deps, at) => void (await returnIdleCustomersToPool(deps, at)) });
  registerAttachmentAccess('lead', async (deps, actor, id) => !!(await findLead(deps.db, Number(id), await salesScopeOf(deps.db, actor))));
  registerAttachmentAccess('proposal', async (deps, actor, id) => !!(await findProposal(deps.db, Number(id), await salesScopeOf(deps.db, actor))));
  registerAttachmentAccess('contract', async (deps, actor, id) => !!(await findContract(deps.db, Number(id), await salesScopeOf(deps.db, actor))));
}
