import type { ModuleBench } from './types.js';

/** Appraisal lists as HR sees them company-wide; the dataset has no appraisal part yet (DESIGN §10: 12 monthly cycles at L). */
export const appraisalBench: ModuleBench = {
  module: 'appraisal',
  lists: [
    { name: 'appraisal templates', route: '/api/appraisal-templates', as: 'hr', query: async () => ({}) },
    { name: 'appraisal cycles', route: '/api/appraisal-cycles', as: 'hr', query: async () => ({}) },
    { name: 'appraisals, p1', route: '/api/appraisals', as: 'hr', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'peer reviews (mine)', route: '/api/peer-reviews', as: 'specialist', query: async () => ({}) },
    { name: 'KPI targets', route: '/api/kpi-targets', as: 'hr', query: async () => ({}) },
    { name: 'attendance', route: '/api/attendance', as: 'hr', query: async () => ({}) },
    { name: 'appraisal results', route: '/api/appraisal-results', as: 'hr', query: async () => ({}) },
  ],
  records: [],
  writes: [],
  exempt: [{ route: '/api/public/customer-reviews/:token', reason: 'one signed, expiring review form per token: never a long list' }],
};
