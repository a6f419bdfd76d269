import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { issueCloseSchema, issueCreateSchema, issueDecideSchema, issueEscalateSchema, issueListQuery, issueParamsSchema, issueSchema, issueUpdateSchema } from '@domain/delivery/issue.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createIssue, issueAction, listIssues, updateIssue } from './issues.service.js';

const tags = ['projects'];

export const issueRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/issues',
    summary: 'Issues of the project, newest first',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: issueListQuery,
    response: listEnvelope(issueSchema),
    handler: ({ params, query, db, meta }) => listIssues(db, meta, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/issues',
    summary: 'Log an issue; a major one is escalated to the department manager',
    tags,
    access: { permission: 'project.report' },
    params: idParamsSchema,
    body: issueCreateSchema,
    response: issueSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createIssue(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/projects/:id/issues/:issueId',
    summary: 'Edit an issue; raising it to major escalates it',
    tags,
    access: { permission: 'project.report' },
    params: issueParamsSchema,
    body: issueUpdateSchema,
    response: issueSchema,
    handler: ({ params, body, deps, db, meta }) => updateIssue(deps, db, meta, params.id, params.issueId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/issues/:issueId/actions/escalate',
    summary: 'Escalate an open issue to the department manager',
    tags,
    access: { permission: 'project.report' },
    params: issueParamsSchema,
    body: issueEscalateSchema,
    response: issueSchema,
    handler: ({ params, body, deps, db, meta }) => issueAction(deps, db, meta, params.id, params.issueId, { action: 'escalate', ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/issues/:issueId/actions/decide',
    summary: 'The manager records the discussion (date, participants) and the decision',
    tags,
    access: { permission: 'project-issue.decide' },
    params: issueParamsSchema,
    body: issueDecideSchema,
    response: issueSchema,
    handler: ({ params, body, deps, db, meta }) => issueAction(deps, db, meta, params.id, params.issueId, { action: 'decide', ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/issues/:issueId/actions/close',
    summary: 'Close the issue with its resolution',
    tags,
    access: { permission: 'project.report' },
    params: issueParamsSchema,
    body: issueCloseSchema,
    response: issueSchema,
    handler: ({ params, body, deps, db, meta }) => issueAction(deps, db, meta, params.id, params.issueId, { action: 'close', ...body }),
  }),
];
