import { z } from 'zod';
import { resetPasswordResultSchema, resetPasswordSchema, userCreateSchema, userListQuery, userSchema, userUpdateSchema } from '@domain/org/user.schema.js';
import { idParamsSchema, listEnvelope, versionField } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import { findUserById, listUsers } from './users.repo.js';
import { presentUser } from './users.presenter.js';
import { createUser, resetPassword, setUserActive, updateUser } from './users.service.js';

const tags = ['users'];
const versionBody = z.strictObject({ version: versionField });

export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: 'List users (directory)',
    tags,
    access: { permission: 'user.read' },
    query: userListQuery,
    response: listEnvelope(userSchema),
    handler: async ({ query, db }) => {
      const active = query.active === undefined ? undefined : query.active === 'true';
      const { items, total } = await listUsers(db, { q: query.q, role: query.role, departmentId: query.departmentId, active }, query.page, query.pageSize, query.sort);
      return { items: items.map(presentUser), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users/:id',
    summary: 'One user',
    tags,
    access: { permission: 'user.read' },
    params: idParamsSchema,
    response: userSchema,
    handler: async ({ params, db }) => {
      const row = await findUserById(db, params.id);
      if (!row) throw notFound();
      return presentUser(row);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: 'Create a user; without a password a temporary one is generated and answered once',
    tags,
    access: { permission: 'user.create' },
    body: userCreateSchema,
    response: userSchema.extend({ temporaryPassword: z.string().nullable() }),
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createUser(deps, db, meta, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    summary: 'Edit a user (optimistic: send the version you read)',
    tags,
    access: { permission: 'user.update' },
    params: idParamsSchema,
    body: userUpdateSchema,
    response: userSchema,
    handler: ({ params, body, deps, db, meta }) => updateUser(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/actions/deactivate',
    summary: 'Deactivate a user: sign-in refused, sessions end',
    tags,
    access: { permission: 'user.deactivate' },
    params: idParamsSchema,
    body: versionBody,
    response: userSchema,
    handler: ({ params, body, deps, db, meta }) => setUserActive(deps, db, meta, params.id, body.version, false),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/actions/activate',
    summary: 'Re-activate a user',
    tags,
    access: { permission: 'user.deactivate' },
    params: idParamsSchema,
    body: versionBody,
    response: userSchema,
    handler: ({ params, body, deps, db, meta }) => setUserActive(deps, db, meta, params.id, body.version, true),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/actions/reset-password',
    summary: 'Reset a password; the user must change it at next sign-in',
    tags,
    access: { permission: 'user.resetPassword' },
    params: idParamsSchema,
    body: resetPasswordSchema,
    response: resetPasswordResultSchema,
    handler: ({ params, body, deps, db, meta }) => resetPassword(deps, db, meta, params.id, body.version, body.password),
  }),
];
