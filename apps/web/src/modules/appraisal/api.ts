import type { AppraisalDetailDto, AppraisalDto, ObjectiveValue, Evidence } from '@domain/appraisal/appraisal.schema.js';
import type { CycleDto } from '@domain/appraisal/cycle.schema.js';
import type { TemplateDto, TemplateDimension } from '@domain/appraisal/template.schema.js';
import type { PeerReviewDto } from '@domain/appraisal/review.schema.js';
import type { KpiTargetDto } from '@domain/appraisal/kpi.schema.js';
import type { AttendanceDto } from '@domain/appraisal/attendance.schema.js';
import type { AppraisalReportDto } from '@domain/appraisal/report.schema.js';
import type { ResultDto } from '@domain/appraisal/result.schema.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import { api, apiDownload, apiUpload, type ListPage, type QueryParams } from '../../app/api-client';

export type { AppraisalDetailDto, AppraisalDto, ObjectiveValue, Evidence, CycleDto, TemplateDto, TemplateDimension, PeerReviewDto, KpiTargetDto, AttendanceDto, AppraisalReportDto, ResultDto };

export const appraisalKeys = {
  root: ['appraisal'] as const,
  list: (params: QueryParams) => ['appraisal', 'appraisals', params] as const,
  one: (id: number) => ['appraisal', 'appraisals', 'one', id] as const,
  cycles: (params: QueryParams) => ['appraisal', 'cycles', params] as const,
  cycle: (id: number) => ['appraisal', 'cycles', 'one', id] as const,
  calibration: (id: number) => ['appraisal', 'cycles', 'calibration', id] as const,
  templates: ['appraisal', 'templates'] as const,
  peerReviews: ['appraisal', 'peer-reviews'] as const,
  peerReview: (id: number) => ['appraisal', 'peer-reviews', 'one', id] as const,
  kpi: (params: QueryParams) => ['appraisal', 'kpi', params] as const,
  attendance: (params: QueryParams) => ['appraisal', 'attendance', params] as const,
  report: (cycleId: number) => ['appraisal', 'report', cycleId] as const,
  results: (params: QueryParams) => ['appraisal', 'results', params] as const,
};

// Appraisals
export type AppraisalListParams = QueryParams & {
  page: number;
  pageSize: number;
  view?: 'mine' | 'to-evaluate' | 'all';
  cycleId?: number;
  employeeId?: number;
  status?: string;
  late?: 'true' | 'false';
  type?: 'monthly' | 'annual';
  q?: string;
  sort?: string;
};
export type ItemInput = { score: number; comment?: string; overrideReason?: string };
export type SelfInput = { items: Record<string, ItemInput>; summary: string; attachmentIds?: number[] };
export type SupervisorInput = { items: Record<string, ItemInput>; comment: string; peerReviewerIds?: number[] };
export type FeedbackInput = { meetingDate: string; strengths: string; problems: string; improvementPlan: string; nextYearGoals?: string; developmentPlan?: string };
export type CustomerLink = { id: number; path: string; token: string; expiresAt: string };

export const listAppraisals = (params: AppraisalListParams, signal?: AbortSignal) => api.get<ListPage<AppraisalDto>>('/api/appraisals', params, signal);
export const getAppraisal = (id: number, signal?: AbortSignal) => api.get<AppraisalDetailDto>(`/api/appraisals/${id}`, undefined, signal);
export const appraisalAction = (id: number, action: string, body: unknown = {}) => api.post<AppraisalDetailDto>(`/api/appraisals/${id}/actions/${action}`, body);
export const createCustomerLink = (id: number, body: { reviewerName: string; customerId?: number; expiresInDays?: number }) => api.post<CustomerLink>(`/api/appraisals/${id}/customer-links`, body);
export const uploadFile = (file: File) => apiUpload<AttachmentDto>('/api/attachments', file);

// Peer reviews
export const listPeerReviews = (params: QueryParams, signal?: AbortSignal) => api.get<ListPage<PeerReviewDto>>('/api/peer-reviews', params, signal);
export const getPeerReview = (id: number, signal?: AbortSignal) => api.get<PeerReviewDto>(`/api/peer-reviews/${id}`, undefined, signal);
export const submitPeerReview = (id: number, body: { teamwork: number; communication: number; comment?: string }) => api.post<PeerReviewDto>(`/api/peer-reviews/${id}/actions/submit`, body);

// Cycles
export type CycleInput = { type: 'monthly' | 'annual'; period: string; name?: string; departmentIds?: number[]; dueDates?: { self?: string; supervisor?: string; reviews?: string; feedback?: string } };
export type CalibrationView = {
  before: { grade: string; count: number }[];
  after: { grade: string; count: number }[];
  adjusted: { appraisalId: number; employeeName: string; computedFinalScore: number | null; finalScore: number | null; gradeBefore: string | null; grade: string | null; reason: string }[];
};
export const listCycles = (params: QueryParams, signal?: AbortSignal) => api.get<ListPage<CycleDto>>('/api/appraisal-cycles', params, signal);
export const getCycle = (id: number, signal?: AbortSignal) => api.get<CycleDto>(`/api/appraisal-cycles/${id}`, undefined, signal);
export const openCycle = (input: CycleInput, idempotencyKey: string) => api.post<CycleDto>('/api/appraisal-cycles', input, idempotencyKey);
export const cycleAction = <T = CycleDto>(id: number, action: 'close' | 'finalize-all') => api.post<T>(`/api/appraisal-cycles/${id}/actions/${action}`, {});
export const getCalibration = (id: number, signal?: AbortSignal) => api.get<CalibrationView>(`/api/appraisal-cycles/${id}/calibration`, undefined, signal);

// Templates
export type TemplateInput = { type: 'monthly' | 'annual'; name: string; effectiveFrom: string; note?: string; dimensions: TemplateDimension[] };
export const listTemplates = (signal?: AbortSignal) => api.get<ListPage<TemplateDto>>('/api/appraisal-templates', { pageSize: 200 }, signal);
export const createTemplate = (input: TemplateInput, idempotencyKey: string) => api.post<TemplateDto>('/api/appraisal-templates', input, idempotencyKey);

// KPI targets and attendance
export type KpiRowInput = Partial<Omit<KpiTargetDto, 'userName' | 'departmentName' | 'salesActualFen' | 'updatedAt' | 'periodType'>> & { period: string };
export type AttendanceRowInput = { id?: number; version?: number; userId: number; month: string; lateCount: number; absentDays: number; leaveDays: number; note?: string };
export type ImportResult = { created: number; updated: number };
export const listKpi = (params: QueryParams, signal?: AbortSignal) => api.get<ListPage<KpiTargetDto>>('/api/kpi-targets', params, signal);
export const saveKpi = (rows: KpiRowInput[]) => api.put<ListPage<KpiTargetDto>>('/api/kpi-targets', { rows });
export const importKpi = (attachmentId: number) => api.post<ImportResult>('/api/kpi-targets/import', { attachmentId });
export const exportKpi = (params: QueryParams) => apiDownload('/api/kpi-targets/export', params, 'kpi-targets.xlsx');
export const listAttendance = (params: QueryParams, signal?: AbortSignal) => api.get<ListPage<AttendanceDto>>('/api/attendance', params, signal);
export const saveAttendance = (rows: AttendanceRowInput[]) => api.put<ListPage<AttendanceDto>>('/api/attendance', { rows });
export const importAttendance = (attachmentId: number) => api.post<ImportResult>('/api/attendance/import', { attachmentId });
export const exportAttendance = (params: QueryParams) => apiDownload('/api/attendance/export', params, 'attendance.xlsx');

// Reports and results
export const getReport = (cycleId: number, signal?: AbortSignal) => api.get<AppraisalReportDto>('/api/reports/appraisals', { cycleId }, signal);
export const exportReport = (cycleId: number) => apiDownload('/api/reports/appraisals/export', { cycleId }, 'appraisal-report.xlsx');
export const listResults = (params: QueryParams, signal?: AbortSignal) => api.get<ListPage<ResultDto>>('/api/appraisal-results', params, signal);
export const updateResult = (id: number, body: { version: number; baseFen: number }) => api.patch<ResultDto>(`/api/appraisal-results/${id}`, body);
export const decideResult = (id: number, body: { decision: 'accepted' | 'declined'; note?: string }) => api.post<ResultDto>(`/api/appraisal-results/${id}/actions/decide`, body);

// The public customer form (no account)
export type CustomerForm = { employeeName: string; positionTitle: string | null; reviewerName: string; customerName: string | null; period: string; expiresAt: string; items: string[] };
export const getCustomerForm = (token: string, signal?: AbortSignal) => api.get<CustomerForm>(`/api/public/customer-reviews/${encodeURIComponent(token)}`, undefined, signal);
export const submitCustomerForm = (token: string, body: { ratings: Record<string, number>; comment?: string; reviewerName?: string }) =>
  api.post<{ ok: true }>(`/api/public/customer-reviews/${encodeURIComponent(token)}`, body);

// People to pick as peer reviewers
export type UserOption = { id: number; name: string; username: string; departmentName: string | null; positionTitle: string | null };
export const searchUsers = (q: string, signal?: AbortSignal) =>
  api.get<ListPage<UserOption>>('/api/users', { page: 1, pageSize: 20, q: q || undefined, active: 'true', sort: 'name' }, signal);

export type DepartmentOption = { id: number; name: string; parentId: number | null; kind: string; active: boolean };
export const listDepartmentOptions = (signal?: AbortSignal) => api.get<ListPage<DepartmentOption>>('/api/departments', { pageSize: 500, sort: 'sortOrder' }, signal);
