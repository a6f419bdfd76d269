import { contractCreateSchema, contractListQuery, contractSchema, contractSignSchema, contractUpdateSchema } from '@domain/sales/contract.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { listContracts } from './contracts.repo.js';
import { presentContract } from './contracts.presenter.js';
import { createContract, getContract, signContract, updateContract } from './contracts.service.js';
import { salesScopeOf } from './sales.scope.js';

const tags = ['contracts'];

export const contractRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/contracts',
    summary: 'Contracts in my scope',
    tags,
    access: { permission: 'contract.read' },
    query: contractListQuery,
    response: listEnvelope(contractSchema),
    handler: async ({ query, db, actor }) => {
      const { items, total } = await listContracts(db, await salesScopeOf(db, actor!), query, query.page, query.pageSize, query.sort);
      return { items: items.map((r) => presentContract(r, [], actor!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/contracts/:id',
    summary: 'One contract with its payment schedule',
    tags,
    access: { permission: 'contract.read' },
    params: idParamsSchema,
    response: contractSchema,
    handler: ({ params, db, meta }) => getContract(db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/contracts',
    summary: 'Draft a contract from an accepted proposal; instalments must add up to the amount',
    tags,
    access: { permission: 'contract.create' },
    body: contractCreateSchema,
    response: contractSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createContract(deps, db, meta, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/contracts/:id',
    summary: 'Edit a draft contract',
    tags,
    access: { permission: 'contract.create' },
    params: idParamsSchema,
    body: contractUpdateSchema,
    response: contractSchema,
    handler: ({ params, body, deps, db, meta }) => updateContract(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/contracts/:id/actions/sign',
    summary: 'Sign: the contract becomes active and its project is created (planning)',
    tags,
    access: { permission: 'contract.sign' },
    params: idParamsSchema,
    body: contractSignSchema,
    response: contractSchema,
    handler: ({ params, body, deps, db, meta }) => signContract(deps, db, meta, params.id, body.signedDate),
  }),
];
