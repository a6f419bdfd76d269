import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { memberCreateSchema, memberListQuery, memberParamsSchema, memberSchema, memberUpdateSchema } from '@domain/delivery/team.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { addMember, listMembers, removeMember, updateMember } from './members.service.js';

const tags = ['projects'];

export const memberRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/members',
    summary: 'The project team (former members with includeFormer=true)',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: memberListQuery,
    response: listEnvelope(memberSchema),
    handler: ({ params, query, db, meta }) => listMembers(db, meta, params.id, query.includeFormer === 'true'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/members',
    summary: 'The PM adds a department colleague with a project role and responsibilities',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: memberCreateSchema,
    response: memberSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => addMember(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/projects/:id/members/:memberId',
    summary: 'Change a member’s project role or responsibilities',
    tags,
    access: { permission: 'project.manage' },
    params: memberParamsSchema,
    body: memberUpdateSchema,
    response: memberSchema,
    handler: ({ params, body, deps, db, meta }) => updateMember(deps, db, meta, params.id, params.memberId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/projects/:id/members/:memberId',
    summary: 'A member leaves the team (kept with the date they left)',
    tags,
    access: { permission: 'project.manage' },
    params: memberParamsSchema,
    response: memberSchema,
    handler: ({ params, deps, db, meta }) => removeMember(deps, db, meta, params.id, params.memberId),
  }),
];
