import { appraisalReportQuery, appraisalReportSchema } from '@domain/appraisal/report.schema.js';
import { resultDecideSchema, resultListQuery, resultSchema, resultUpdateSchema } from '@domain/appraisal/result.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { appraisalReport, exportAppraisalReport } from './reports.service.js';
import { decideResult, listResults, updateResult } from './results.service.js';

export const reportResultRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reports/appraisals',
    summary: 'Cycle summary: completion, grade distribution, averages by position and team, ranking, trend per employee',
    tags: ['reports'],
    access: { permission: 'appraisal-report.read' },
    query: appraisalReportQuery,
    response: appraisalReportSchema,
    handler: ({ query, deps, db, meta }) => appraisalReport(deps, db, meta, query.cycleId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/appraisals/export',
    summary: 'The cycle summary’s ranking as .xlsx',
    tags: ['reports'],
    access: { permission: 'appraisal-report.read' },
    query: appraisalReportQuery,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    handler: ({ query, deps, db, meta, reply }) => exportAppraisalReport(deps, db, meta, reply, query.cycleId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/appraisal-results',
    summary: 'Results applied [4.5]: bonus lines, position-adjustment flags, promotion/reward candidates (?cycleId, ?kind)',
    tags: ['appraisal-results'],
    access: { permission: 'appraisal-result.read' },
    query: resultListQuery,
    response: listEnvelope(resultSchema),
    handler: ({ query, db, meta }) => listResults(db, meta, query),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/appraisal-results/:id',
    summary: 'HR or manager: set a pending bonus line’s base (with version)',
    tags: ['appraisal-results'],
    access: { permission: 'appraisal-result.decide' },
    params: idParamsSchema,
    body: resultUpdateSchema,
    response: resultSchema,
    handler: ({ params, body, deps, db, meta }) => updateResult(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisal-results/:id/actions/decide',
    summary: 'HR or manager: record the decision — accepted, or declined with a note',
    tags: ['appraisal-results'],
    access: { permission: 'appraisal-result.decide' },
    params: idParamsSchema,
    body: resultDecideSchema,
    response: resultSchema,
    handler: ({ params, body, deps, db, meta }) => decideResult(deps, db, meta, params.id, body),
  }),
];
