import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { ping } from '../../platform/db/database.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database engine',
    tags: ['system'],
    access: 'public',
    response: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) }),
    handler: async ({ deps }) => {
      await ping({ db: deps.db, engine: deps.engine, close: async () => {} });
      return { status: 'ok' as const, db: deps.engine };
    },
  }),
];
