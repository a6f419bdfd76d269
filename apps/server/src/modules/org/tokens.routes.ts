import { z } from 'zod';
import { apiTokenCreateSchema, apiTokenCreatedSchema, apiTokenSchema } from '@domain/org/token.schema.js';
import { idParamsSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const tags = ['api-tokens'];

export const tokenRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/api-tokens',
    summary: 'List API tokens (the secret is never shown again)',
    tags,
    access: { permission: 'token.read' },
    response: z.object({ items: z.array(apiTokenSchema), total: z.number().int() }),
    handler: async ({ db }) => {
      const items = await listTokens(db);
      return { items, total: items.length };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/api-tokens',
    summary: 'Issue a token acting as a user; the secret is answered once',
    tags,
    access: { permission: 'token.create' },
    body: apiTokenCreateSchema,
    response: apiTokenCreatedSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createToken(deps, db, meta, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/api-tokens/:id/actions/revoke',
    summary: 'Revoke a token at once',
    tags,
    access: { permission: 'token.revoke' },
    params: idParamsSchema,
    response: apiTokenSchema,
    handler: ({ params, deps, db, meta }) => revokeToken(deps, db, meta, params.id),
  }),
];
