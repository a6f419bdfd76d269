import { z } from 'zod';
import { calibrationViewSchema, cycleActionSchema, cycleCreateSchema, cycleListQuery, cycleSchema } from '@domain/appraisal/cycle.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { calibrationView, createAppraisalCycle, getAppraisalCycle, listAppraisalCycles } from './cycles.service.js';
import { closeCycle, finalizeAll } from './appraisal-finalize.service.js';

const tags = ['appraisal-cycles'];

export const cycleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-cycles',
    summary: 'Appraisal cycles (?type=monthly|annual&status=open|closed) with progress counts within my scope',
    tags,
    access: { permission: 'appraisal-cycle.read' },
    query: cycleListQuery,
    response: listEnvelope(cycleSchema),
    handler: ({ query, deps, db, meta }) => listAppraisalCycles(deps, db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-cycles/:id',
    summary: 'One cycle: due dates, template version, counts per step and how many are late',
    tags,
    access: { permission: 'appraisal-cycle.read' },
    params: idParamsSchema,
    response: cycleSchema,
    handler: ({ params, deps, db, meta }) => getAppraisalCycle(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisal-cycles',
    summary: 'HR: open a monthly (period YYYY-MM) or annual (YYYY) cycle: one appraisal per active employee in scope',
    tags,
    access: { permission: 'appraisal-cycle.manage' },
    body: cycleCreateSchema,
    response: cycleSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createAppraisalCycle(deps, db, meta, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-cycles/:id/calibration',
    summary: 'Grade distribution before and after HR calibration, and each adjustment with its reason',
    tags,
    access: { permission: 'appraisal-cycle.read' },
    params: idParamsSchema,
    response: calibrationViewSchema,
    handler: ({ params, deps, db, meta }) => calibrationView(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisal-cycles/:id/actions/finalize-all',
    summary: 'HR: finalize every appraisal of the cycle waiting in calibration',
    tags,
    access: { permission: 'appraisal.finalize' },
    params: idParamsSchema,
    body: cycleActionSchema,
    response: z.object({ finalized: z.number().int() }),
    handler: ({ params, deps, db, meta }) => finalizeAll(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisal-cycles/:id/actions/close',
    summary: 'HR: close and lock the cycle (every appraisal finalized, else 409 CYCLE_INCOMPLETE)',
    tags,
    access: { permission: 'appraisal-cycle.manage' },
    params: idParamsSchema,
    body: cycleActionSchema,
    response: cycleSchema,
    handler: async ({ params, deps, db, meta }) => {
      await closeCycle(deps, db, meta, params.id);
      return getAppraisalCycle(deps, db, meta, params.id);
    },
  }),
];

