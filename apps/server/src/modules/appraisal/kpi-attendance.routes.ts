import { z } from 'zod';
import { importResultSchema, kpiGridSaveSchema, kpiListQuery, kpiTargetSchema } from '@domain/appraisal/kpi.schema.js';
import { attendanceGridSaveSchema, attendanceListQuery, attendanceSchema } from '@domain/appraisal/attendance.schema.js';
import { listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { exportKpiTargets, importKpiTargets, listKpiTargets, saveKpiGrid } from './kpi.service.js';
import { exportAttendance, importAttendance, listAttendance, saveAttendanceGrid } from './attendance.service.js';

const importSchema = z.strictObject({ attachmentId: z.number().int().positive() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const kpiAttendanceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/kpi-targets',
    summary: 'KPI targets per employee or department and period (YYYY-MM or YYYY), with the signed sales to date',
    tags: ['kpi-targets'],
    access: { permission: 'kpi-target.read' },
    query: kpiListQuery,
    response: listEnvelope(kpiTargetSchema),
    handler: ({ query, db }) => listKpiTargets(db, query),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/kpi-targets',
    summary: 'Save the target grid: rows with id+version are updated, others created; all or nothing',
    tags: ['kpi-targets'],
    access: { permission: 'kpi-target.write' },
    body: kpiGridSaveSchema,
    response: listEnvelope(kpiTargetSchema),
    handler: ({ body, deps, db, meta }) => saveKpiGrid(deps, db, meta, body.rows),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/kpi-targets/import',
    summary: 'Import targets from an uploaded .xlsx (attachmentId from POST /api/attachments); row errors as `row.<line>.<column>`',
    tags: ['kpi-targets'],
    access: { permission: 'kpi-target.write' },
    body: importSchema,
    response: importResultSchema,
    handler: ({ body, deps, db, meta }) => importKpiTargets(deps, db, meta, body.attachmentId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/kpi-targets/export',
    summary: 'KPI targets as .xlsx (the import layout)',
    tags: ['kpi-targets'],
    access: { permission: 'kpi-target.read' },
    query: kpiListQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    handler: ({ query, db, meta, reply }) => exportKpiTargets(db, meta, reply, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/attendance',
    summary: 'Monthly attendance per employee (?month=YYYY-MM): late arrivals, absent and leave days',
    tags: ['attendance'],
    access: { permission: 'attendance.read' },
    query: attendanceListQuery,
    response: listEnvelope(attendanceSchema),
    handler: ({ query, db }) => listAttendance(db, query),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/attendance',
    summary: 'Save the attendance grid: rows with id+version are updated, others created; all or nothing',
    tags: ['attendance'],
    access: { permission: 'attendance.write' },
    body: attendanceGridSaveSchema,
    response: listEnvelope(attendanceSchema),
    handler: ({ body, deps, db, meta }) => saveAttendanceGrid(deps, db, meta, body.rows),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/attendance/import',
    summary: 'Import attendance from an uploaded .xlsx (attachmentId); row errors as `row.<line>.<column>`',
    tags: ['attendance'],
    access: { permission: 'attendance.write' },
    body: importSchema,
    response: importResultSchema,
    handler: ({ body, deps, db, meta }) => importAttendance(deps, db, meta, body.attachmentId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/attendance/export',
    summary: 'Attendance as .xlsx (the import layout)',
    tags: ['attendance'],
    access: { permission: 'attendance.read' },
    query: attendanceListQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    handler: ({ query, db, meta, reply }) => exportAttendance(db, meta, reply, query),
  }),
];
