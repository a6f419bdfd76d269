import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { progressReportCreateSchema, progressReportListQuery, progressReportSchema, reportingStatusQuery, reportingStatusSchema } from '@domain/delivery/progress.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { fileReport, listReports, reportingStatus } from './progress.service.js';

const tags = ['projects'];

export const progressRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/progress-reports',
    summary: 'Team members’ progress reports, latest period first',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: progressReportListQuery,
    response: listEnvelope(progressReportSchema),
    handler: ({ params, query, db, meta }) => listReports(db, meta, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/progress-reports',
    summary: 'File my report for a period; the % done of my tasks updates the plan',
    tags,
    access: { permission: 'project.report' },
    params: idParamsSchema,
    body: progressReportCreateSchema,
    response: progressReportSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => fileReport(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/progress-reports/status',
    summary: 'Who has and has not reported for a period (default: the current one)',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: reportingStatusQuery,
    response: reportingStatusSchema,
    handler: ({ params, query, deps, db, meta }) => reportingStatus(deps, db, meta, params.id, query.period),
  }),
];
