import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { projectCloseSchema, projectListQuery, projectReworkSchema, projectSchema, projectSettleSchema, projectStartSchema, projectSummarySchema, projectUpdateSchema } from '@domain/delivery/project.schema.js';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { getProject, listProjectsFor, updateProject } from './projects.service.js';
import { closeProject, reworkProject, settleProject, startProject, submitCustomerAcceptance, submitInternalAcceptance } from './project-transitions.js';

const tags = ['projects'];
const empty = z.strictObject({});

/** Projects from signing to closing [3.2–3.3]: list with health, the project page, and its transitions. */
export const projectRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects',
    summary: 'Projects in my scope with health, PM, progress, budget use and receivables (mine=true: those I lead or am on)',
    tags,
    access: { permission: 'project.read' },
    query: projectListQuery,
    response: listEnvelope(projectSummarySchema),
    handler: ({ query, db, meta }) => listProjectsFor(db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id',
    summary: 'One project: plan vs actual, cost control, receivables, documents, health, what I may do',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: projectSchema,
    handler: ({ params, deps, db, meta }) => getProject(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/projects/:id',
    summary: 'The manager renames the project or hands it to another PM',
    tags,
    access: { permission: 'project.assign' },
    params: idParamsSchema,
    body: projectUpdateSchema,
    response: projectSchema,
    handler: ({ params, body, deps, db, meta }) => updateProject(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/start',
    summary: 'planning → executing',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: projectStartSchema,
    response: projectSchema,
    handler: ({ params, body, deps, db, meta }) => startProject(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/submit-internal-acceptance',
    summary: 'executing → internal_acceptance: a checklist from the deliverables and quality standards',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: empty,
    response: projectSchema,
    handler: ({ params, deps, db, meta }) => submitInternalAcceptance(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/submit-customer-acceptance',
    summary: 'internal_acceptance → customer_acceptance: every checklist item must have passed',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: empty,
    response: projectSchema,
    handler: ({ params, deps, db, meta }) => submitCustomerAcceptance(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/settle',
    summary: 'customer_acceptance → settlement: the customer signed off (date, signer, signed document)',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: projectSettleSchema,
    response: projectSchema,
    handler: ({ params, body, deps, db, meta }) => settleProject(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/rework',
    summary: 'internal_acceptance | customer_acceptance → executing with the items to redo',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: projectReworkSchema,
    response: projectSchema,
    handler: ({ params, body, deps, db, meta }) => reworkProject(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/actions/close',
    summary: 'settlement → closed: settled (or written off by the manager with a reason), retrospective written, documents complete',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: projectCloseSchema,
    response: projectSchema,
    handler: ({ params, body, deps, db, meta }) => closeProject(deps, db, meta, params.id, body),
  }),
];
