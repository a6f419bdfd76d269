import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { acceptanceCheckSchema, acceptanceItemAddSchema, acceptanceParamsSchema, acceptanceSchema } from '@domain/delivery/acceptance.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { addItem, checkItems, listAcceptances } from './acceptance.service.js';

const tags = ['projects'];

export const acceptanceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/acceptances',
    summary: 'Acceptance rounds, latest first: internal checklists, customer sign-off or rework items',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: listEnvelope(acceptanceSchema),
    handler: ({ params, db, meta }) => listAcceptances(db, meta, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/projects/:id/acceptances/:acceptanceId/items',
    summary: 'Check items of the open internal checklist: pass or fail, with notes',
    tags,
    access: { permission: 'project.report' },
    params: acceptanceParamsSchema,
    body: acceptanceCheckSchema,
    response: acceptanceSchema,
    handler: ({ params, body, deps, db, meta }) => checkItems(deps, db, meta, params.id, params.acceptanceId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/acceptances/:acceptanceId/items',
    summary: 'Add a quality item to the open internal checklist',
    tags,
    access: { permission: 'project.manage' },
    params: acceptanceParamsSchema,
    body: acceptanceItemAddSchema,
    response: acceptanceSchema,
    status: 201,
    handler: ({ params, body, deps, db, meta }) => addItem(deps, db, meta, params.id, params.acceptanceId, body),
  }),
];
