import type { ModuleBench } from './types.js';

/** Delivery lists; the dataset has no delivery part yet (DESIGN §10: 20,000 projects at L). */
export const deliveryBench: ModuleBench = {
  module: 'delivery',
  lists: [{ name: 'projects, p1', route: '/api/projects', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) }],
  records: [],
  writes: [],
};
