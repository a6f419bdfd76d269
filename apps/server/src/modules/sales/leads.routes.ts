import { z } from 'zod';
import { leadAssignSchema, leadCreateSchema, leadEvaluateSchema, leadListQuery, leadSchema } from '@domain/sales/lead.schema.js';
import { needsAnalysisInputSchema, needsAnalysisSchema } from '@domain/sales/needs-analysis.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import { findLead, listLeads } from './leads.repo.js';
import { presentLead } from './leads.presenter.js';
import { assignLead, evaluateLead, getNeedsAnalysis, registerLead, submitNeedsAnalysis } from './leads.service.js';
import { salesScopeOf } from './sales.scope.js';

const tags = ['leads'];
const needsAnalysisAnswer = z.object({ lead: leadSchema, current: needsAnalysisSchema.nullable(), versions: z.array(needsAnalysisSchema) });

export const leadRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/leads',
    summary: 'Leads in my scope; ?status=registered (or a comma list) for the evaluation queue',
    tags,
    access: { permission: 'lead.read' },
    query: leadListQuery,
    response: listEnvelope(leadSchema),
    handler: async ({ query, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      const statuses = query.status ? String(query.status).split(',').filter(Boolean) : undefined;
      const { items, total } = await listLeads(db, scope, { ...query, statuses }, query.page, query.pageSize, query.sort);
      return { items: items.map((r) => presentLead(r, actor!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/leads/:id',
    summary: 'One lead with the actions I may take',
    tags,
    access: { permission: 'lead.read' },
    params: idParamsSchema,
    response: leadSchema,
    handler: async ({ params, db, actor }) => {
      const row = await findLead(db, params.id, await salesScopeOf(db, actor!));
      if (!row) throw notFound();
      return presentLead(row, actor!);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/leads',
    summary: 'Register a lead (《業務線索登記表》) for an existing or a new customer',
    tags,
    access: { permission: 'lead.create' },
    body: leadCreateSchema,
    response: leadSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => registerLead(deps, db, meta, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/leads/:id/actions/evaluate',
    summary: 'Manager: accept, or reject with a reason',
    tags,
    access: { permission: 'lead.evaluate' },
    params: idParamsSchema,
    body: leadEvaluateSchema,
    response: leadSchema,
    handler: ({ params, body, deps, db, meta }) => evaluateLead(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/leads/:id/actions/assign',
    summary: 'Manager: assign an accepted lead to a pm or specialist',
    tags,
    access: { permission: 'lead.assign' },
    params: idParamsSchema,
    body: leadAssignSchema,
    response: leadSchema,
    handler: ({ params, body, deps, db, meta }) => assignLead(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/leads/:id/needs-analysis',
    summary: 'The needs analysis report, current version and history',
    tags,
    access: { permission: 'lead.read' },
    params: idParamsSchema,
    response: needsAnalysisAnswer,
    handler: ({ params, db, meta }) => getNeedsAnalysis(db, meta, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/leads/:id/needs-analysis',
    summary: 'Submit (a new version of) the needs analysis report; the lead becomes analyzed',
    tags,
    access: { permission: 'lead.analyze' },
    params: idParamsSchema,
    body: needsAnalysisInputSchema,
    response: needsAnalysisAnswer,
    handler: ({ params, body, deps, db, meta }) => submitNeedsAnalysis(deps, db, meta, params.id, body),
  }),
];
