import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { lessonSchema, lessonSearchQuery, retrospectiveSchema, retrospectiveUpsertSchema } from '@domain/delivery/retrospective.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { getRetrospective, saveRetrospective } from './retrospective.service.js';
import { searchLessons } from './lessons.service.js';

export const retrospectiveRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/retrospective',
    summary: 'The project’s retrospective, or null while none is written',
    tags: ['projects'],
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: retrospectiveSchema.nullable(),
    handler: ({ params, db, meta }) => getRetrospective(db, meta, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/projects/:id/retrospective',
    summary: 'Write or revise the retrospective (went well, went wrong, lessons, reusable assets); revising needs its version',
    tags: ['projects'],
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: retrospectiveUpsertSchema,
    response: retrospectiveSchema,
    handler: ({ params, body, deps, db, meta }) => saveRetrospective(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/lessons',
    summary: 'The lessons knowledge base: retrospectives of closed projects; q finds any 2+ character substring',
    tags: ['lessons'],
    access: { permission: 'lesson.read' },
    query: lessonSearchQuery,
    response: listEnvelope(lessonSchema),
    handler: ({ query, deps, db }) => searchLessons(deps, db, query),
  }),
];
