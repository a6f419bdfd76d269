import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { changeCreateSchema, changeDecisionSchema, changeParamsSchema, changeSchema } from '@domain/delivery/change.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createChange, decideChange, getChange, getChangeById, listChanges } from './changes.service.js';

const tags = ['projects'];

export const changeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/change-requests',
    summary: 'Customer change requests, newest first, with the plan before and after the approved ones',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: listEnvelope(changeSchema),
    handler: ({ params, db, meta }) => listChanges(db, meta, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/change-requests/:changeId',
    summary: 'One change request',
    tags,
    access: { permission: 'project.read' },
    params: changeParamsSchema,
    response: changeSchema,
    handler: ({ params, db, meta }) => getChange(db, meta, params.id, params.changeId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/change-requests/:id',
    summary: 'One change request by its id (as approvals refer to it), with its project',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: changeSchema,
    handler: ({ params, db, meta }) => getChangeById(db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/change-requests',
    summary: 'Log a customer change with its impact on scope, schedule and budget; the manager decides',
    tags,
    access: { permission: 'project-change.create' },
    params: idParamsSchema,
    body: changeCreateSchema,
    response: changeSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createChange(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/change-requests/:changeId/actions/approve',
    summary: 'Approve: the plan and budget change in the same transaction',
    tags,
    access: { permission: 'project-change.decide' },
    params: changeParamsSchema,
    body: changeDecisionSchema,
    response: changeSchema,
    handler: ({ params, body, deps, db, meta }) => decideChange(deps, db, meta, params.id, params.changeId, 'approve', body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/change-requests/:changeId/actions/reject',
    summary: 'Reject with a comment',
    tags,
    access: { permission: 'project-change.decide' },
    params: changeParamsSchema,
    body: changeDecisionSchema,
    response: changeSchema,
    handler: ({ params, body, deps, db, meta }) => decideChange(deps, db, meta, params.id, params.changeId, 'reject', body),
  }),
];
