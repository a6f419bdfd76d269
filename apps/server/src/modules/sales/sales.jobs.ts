import type { Job } from '../../platform/scheduler/scheduler.js';
import { returnIdleCustomersToPool } from './customers.service.js';

/** Nightly: customers idle longer than the setting return to the shared pool (公海). */
export const returnIdleCustomersJob: Job = {
  name: 'sales.return-idle-customers-to-pool',
  pattern: '5 2 * * *',
  run: async (deps, at) => void (await returnIdleCustomersToPool(deps, at)),
};
