import { idParamsSchema, listEnvelope, okSchema } from '@domain/shared/common.schema.js';
import { milestoneViewSchema } from '@domain/delivery/project.schema.js';
import { milestoneCreateSchema, milestoneParamsSchema, milestoneUpdateSchema, taskCreateSchema, taskListQuery, taskParamsSchema, taskSchema, taskUpdateSchema } from '@domain/delivery/plan.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { createMilestone, createTask, deleteTask, listMilestones, listTasks, updateMilestone, updateTask } from './plan.service.js';

const tags = ['projects'];

export const planRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/milestones',
    summary: 'Milestones with plan vs actual: progress, planned % by today, days late',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: listEnvelope(milestoneViewSchema),
    handler: ({ params, deps, db, meta }) => listMilestones(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/milestones',
    summary: 'Add a milestone while planning',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: milestoneCreateSchema,
    response: milestoneViewSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createMilestone(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/projects/:id/milestones/:milestoneId',
    summary: 'Edit a milestone: actual dates and weights any time, planned dates while planning',
    tags,
    access: { permission: 'project.manage' },
    params: milestoneParamsSchema,
    body: milestoneUpdateSchema,
    response: milestoneViewSchema,
    handler: ({ params, body, deps, db, meta }) => updateMilestone(deps, db, meta, params.id, params.milestoneId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/tasks',
    summary: 'The plan’s tasks (owner, planned/actual dates, weight, progress, dependencies)',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: taskListQuery,
    response: listEnvelope(taskSchema),
    handler: ({ params, query, deps, db, meta }) => listTasks(deps, db, meta, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/tasks',
    summary: 'Add a task under a milestone, owned by a team member',
    tags,
    access: { permission: 'project.manage' },
    params: idParamsSchema,
    body: taskCreateSchema,
    response: taskSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createTask(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/projects/:id/tasks/:taskId',
    summary: 'Edit a task (the PM), or record its progress and actual dates (its owner)',
    tags,
    access: { permission: 'project.report' },
    params: taskParamsSchema,
    body: taskUpdateSchema,
    response: taskSchema,
    handler: ({ params, body, deps, db, meta }) => updateTask(deps, db, meta, params.id, params.taskId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/projects/:id/tasks/:taskId',
    summary: 'Remove a task that has not started',
    tags,
    access: { permission: 'project.manage' },
    params: taskParamsSchema,
    response: okSchema,
    handler: ({ params, deps, db, meta }) => deleteTask(deps, db, meta, params.id, params.taskId),
  }),
];
