import { listEnvelope, idParamsSchema } from '@domain/shared/common.schema.js';
import { templateCreateSchema, templateListQuery, templateSchema } from '@domain/appraisal/template.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createAppraisalTemplate, getAppraisalTemplate, listAppraisalTemplates } from './templates.service.js';

const tags = ['appraisal-templates'];

export const templateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-templates',
    summary: 'Appraisal templates, every version (?type=monthly|annual); `inForce` marks the one a cycle opened today would use',
    tags,
    access: { permission: 'appraisal-template.read' },
    query: templateListQuery,
    response: listEnvelope(templateSchema),
    handler: ({ query, deps, db }) => listAppraisalTemplates(deps, db, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-templates/:id',
    summary: 'One template version: dimensions and items with weights',
    tags,
    access: { permission: 'appraisal-template.read' },
    params: idParamsSchema,
    response: templateSchema,
    handler: ({ params, deps, db }) => getAppraisalTemplate(deps, db, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisal-templates',
    summary: 'HR: a new template version effective from a date (weights sum to 100 at each level)',
    tags,
    access: { permission: 'appraisal-template.create' },
    body: templateCreateSchema,
    response: templateSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createAppraisalTemplate(deps, db, meta, body),
  }),
];
