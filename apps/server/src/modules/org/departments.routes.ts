import { departmentCreateSchema, departmentListQuery, departmentSchema, departmentUpdateSchema } from '@domain/org/department.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import { findDepartment, listDepartments } from './departments.repo.js';
import { createDepartment, presentDepartment, updateDepartment } from './departments.service.js';

const tags = ['departments'];

export const departmentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/departments',
    summary: 'List departments (the tree is built from parentId)',
    tags,
    access: { permission: 'department.read' },
    query: departmentListQuery,
    response: listEnvelope(departmentSchema),
    handler: async ({ query, db }) => {
      const active = query.active === undefined ? undefined : query.active === 'true';
      const { items, total } = await listDepartments(db, { q: query.q, kind: query.kind, active }, query.page, query.pageSize, query.sort);
      return { items: items.map(presentDepartment), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/departments/:id',
    summary: 'One department',
    tags,
    access: { permission: 'department.read' },
    params: idParamsSchema,
    response: departmentSchema,
    handler: async ({ params, db }) => {
      const row = await findDepartment(db, params.id);
      if (!row) throw notFound();
      return presentDepartment(row);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/departments',
    summary: 'Create a department',
    tags,
    access: { permission: 'department.create' },
    body: departmentCreateSchema,
    response: departmentSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createDepartment(deps, db, meta, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/departments/:id',
    summary: 'Edit, move or deactivate a department',
    tags,
    access: { permission: 'department.update' },
    params: idParamsSchema,
    body: departmentUpdateSchema,
    response: departmentSchema,
    handler: ({ params, body, deps, db, meta }) => updateDepartment(deps, db, meta, params.id, body),
  }),
];
