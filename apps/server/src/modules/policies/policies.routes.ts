import { policyKeyParams, policyListSchema, policySchema, policyVersionCreateSchema } from '@domain/policies/policy.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createPolicyVersion, listPolicies } from './policies.service.js';

const tags = ['policies'];

export const policyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/policies',
    summary: 'Every policy parameter: the value in force today, the default, and all versions',
    tags,
    access: { permission: 'policy.read' },
    response: policyListSchema,
    handler: async ({ deps, db, meta }) => {
      const items = await listPolicies(deps, db, meta);
      return { items, total: items.length, page: 1, pageSize: items.length };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/policies/:key/versions',
    summary: 'Add a version of a policy parameter, effective from a date (today or later)',
    tags,
    access: { permission: 'policy.update' },
    params: policyKeyParams,
    body: policyVersionCreateSchema,
    response: policySchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createPolicyVersion(deps, db, meta, params.key, body),
  }),
];
