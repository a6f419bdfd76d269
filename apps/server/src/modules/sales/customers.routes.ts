import { z } from 'zod';
import { contactInputSchema, customerCreateSchema, customerListQuery, customerSchema, customerUpdateSchema } from '@domain/sales/customer.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import { findCustomer, listContacts, listCustomers } from './customers.repo.js';
import { presentCustomer, withCustomerActions } from './customers.presenter.js';
import { addContact, claimCustomer, createCustomer, releaseCustomer, updateCustomer } from './customers.service.js';
import { salesScopeOf } from './sales.scope.js';
import { customerRelated } from './customer-related.js';

const tags = ['customers'];

export const customerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/customers',
    summary: 'Customers in my scope: search by name or credit code, filter, sort, page',
    tags,
    access: { permission: 'customer.read' },
    query: customerListQuery,
    response: listEnvelope(customerSchema),
    handler: async ({ query, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      const { items, total } = await listCustomers(db, scope, query, query.page, query.pageSize, query.sort);
      return { items: items.map((r) => withCustomerActions(presentCustomer(r), actor!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/pool',
    summary: '公海: customers without an owner, with their last activity',
    tags,
    access: { permission: 'customer.claim' },
    query: customerListQuery,
    response: listEnvelope(customerSchema),
    handler: async ({ query, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      const { items, total } = await listCustomers(db, scope, { ...query, pool: true }, query.page, query.pageSize, query.sort ?? 'lastActivityAt');
      return { items: items.map((r) => withCustomerActions(presentCustomer(r), actor!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id',
    summary: 'One customer with contacts and related leads, proposals, contracts, projects',
    tags,
    access: { permission: 'customer.read' },
    params: idParamsSchema,
    response: customerSchema.extend({ related: z.unknown() }),
    handler: async ({ params, deps, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      const row = await findCustomer(db, params.id, scope);
      if (!row) throw notFound();
      return { ...withCustomerActions(presentCustomer(row, await listContacts(db, params.id)), actor!), related: await customerRelated(deps, db, params.id, scope) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers',
    summary: 'Create a customer (duplicates by name or credit code are refused)',
    tags,
    access: { permission: 'customer.create' },
    body: customerCreateSchema,
    response: customerSchema,
    status: 201,
    idempotent: true,
    handler: async ({ body, deps, db, meta }) => withCustomerActions(await createCustomer(deps, db, meta, body), meta.actor),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/customers/:id',
    summary: 'Edit a customer',
    tags,
    access: { permission: 'customer.update' },
    params: idParamsSchema,
    body: customerUpdateSchema,
    response: customerSchema,
    handler: async ({ params, body, deps, db, meta }) => withCustomerActions(await updateCustomer(deps, db, meta, params.id, body), meta.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers/:id/contacts',
    summary: 'Add a contact',
    tags,
    access: { permission: 'customer.update' },
    params: idParamsSchema,
    body: contactInputSchema,
    response: customerSchema,
    status: 201,
    handler: async ({ params, body, deps, db, meta }) => withCustomerActions(await addContact(deps, db, meta, params.id, body), meta.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers/:id/actions/claim',
    summary: 'Claim a customer from the pool (per-person cap by a setting)',
    tags,
    access: { permission: 'customer.claim' },
    params: idParamsSchema,
    response: customerSchema,
    handler: async ({ params, deps, db, meta }) => withCustomerActions(await claimCustomer(deps, db, meta, params.id), meta.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers/:id/actions/release',
    summary: 'Release a customer to the pool',
    tags,
    access: { permission: 'customer.claim' },
    params: idParamsSchema,
    response: customerSchema,
    handler: async ({ params, deps, db, meta }) => withCustomerActions(await releaseCustomer(deps, db, meta, params.id), meta.actor),
  }),
];

