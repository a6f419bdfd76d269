import type { ProjectDto, ProjectSummaryDto, MilestoneViewDto } from '@domain/delivery/project.schema.js';
import type { MemberDto } from '@domain/delivery/team.schema.js';
import type { TaskDto } from '@domain/delivery/plan.schema.js';
import type { ProgressReportDto, ReportingStatusDto } from '@domain/delivery/progress.schema.js';
import type { IssueDto } from '@domain/delivery/issue.schema.js';
import type { ChangeDto } from '@domain/delivery/change.schema.js';
import type { ExpenseDto } from '@domain/delivery/expense.schema.js';
import type { AcceptanceDto } from '@domain/delivery/acceptance.schema.js';
import type { InvoiceDto, PaymentDto, SettlementDto } from '@domain/delivery/settlement.schema.js';
import type { DocumentDto } from '@domain/delivery/document.schema.js';
import type { LessonDto, RetrospectiveDto } from '@domain/delivery/retrospective.schema.js';
import type { PortfolioDto } from '@domain/delivery/portfolio.schema.js';
import type { ApprovalDto } from '@domain/approvals/approval.schema.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import { api, apiRequest, apiUpload, newIdempotencyKey, type ListPage, type QueryParams } from '../../app/api-client';

export type {
  ProjectDto,
  ProjectSummaryDto,
  MilestoneViewDto,
  MemberDto,
  TaskDto,
  ProgressReportDto,
  ReportingStatusDto,
  IssueDto,
  ChangeDto,
  ExpenseDto,
  AcceptanceDto,
  InvoiceDto,
  PaymentDto,
  SettlementDto,
  DocumentDto,
  LessonDto,
  RetrospectiveDto,
  PortfolioDto,
  AttachmentDto,
};
export type ExpenseDetailDto = ExpenseDto & { approval: ApprovalDto | null };

export const deliveryKeys = {
  projects: ['projects'] as const,
  project: (id: number) => ['projects', 'one', id] as const,
  part: (id: number, part: string) => ['projects', 'one', id, part] as const,
  expenses: ['expenses'] as const,
  expense: (id: number) => ['expenses', 'one', id] as const,
  lessons: (q: string, page: number) => ['lessons', q, page] as const,
  portfolio: ['reports', 'delivery-portfolio'] as const,
};

/** Roots refreshed after any change, so lists, the project page and "my work" agree. */
export const DELIVERY_ROOT_KEYS = [['projects'], ['expenses'], ['reports'], ['my-work'], ['approvals'], ['notifications']] as const;

const p = (id: number) => `/api/projects/${id}`;
const all = { page: 1, pageSize: 200 };

// Projects
export type ProjectListParams = QueryParams & { page: number; pageSize: number; q?: string; status?: string; health?: string; mine?: 'true'; sort?: string };
export const listProjects = (params: ProjectListParams, signal?: AbortSignal) => api.get<ListPage<ProjectSummaryDto>>('/api/projects', params, signal);
export const getProject = (id: number, signal?: AbortSignal) => api.get<ProjectDto>(p(id), undefined, signal);
export const updateProject = (id: number, body: { version: number; name?: string; pmId?: number }) => api.patch<ProjectDto>(p(id), body);
export const projectAction = (id: number, action: string, body: object = {}) => api.post<ProjectDto>(`${p(id)}/actions/${action}`, body);

// Team
export const listMembers = (id: number, signal?: AbortSignal) => api.get<ListPage<MemberDto>>(`${p(id)}/members`, { includeFormer: 'true' }, signal);
export const addMember = (id: number, body: { userId: number; projectRole: string; responsibilities?: string }) => api.post<MemberDto>(`${p(id)}/members`, body, newIdempotencyKey());
export const updateMember = (id: number, memberId: number, body: { version: number; projectRole?: string; responsibilities?: string }) => api.patch<MemberDto>(`${p(id)}/members/${memberId}`, body);
export const removeMember = (id: number, memberId: number) => apiRequest<MemberDto>('DELETE', `${p(id)}/members/${memberId}`);

// Plan
export const listMilestones = (id: number, signal?: AbortSignal) => api.get<ListPage<MilestoneViewDto>>(`${p(id)}/milestones`, undefined, signal);
export const updateMilestone = (id: number, milestoneId: number, body: object) => api.patch<MilestoneViewDto>(`${p(id)}/milestones/${milestoneId}`, body);
export const createMilestone = (id: number, body: object) => api.post<MilestoneViewDto>(`${p(id)}/milestones`, body, newIdempotencyKey());
export const listTasks = (id: number, signal?: AbortSignal) => api.get<ListPage<TaskDto>>(`${p(id)}/tasks`, undefined, signal);
export const createTask = (id: number, body: object) => api.post<TaskDto>(`${p(id)}/tasks`, body, newIdempotencyKey());
export const updateTask = (id: number, taskId: number, body: object) => api.patch<TaskDto>(`${p(id)}/tasks/${taskId}`, body);
export const deleteTask = (id: number, taskId: number) => apiRequest<{ ok: true }>('DELETE', `${p(id)}/tasks/${taskId}`);

// Progress
export const listReports = (id: number, signal?: AbortSignal) => api.get<ListPage<ProgressReportDto>>(`${p(id)}/progress-reports`, { page: 1, pageSize: 100 }, signal);
export const reportingStatus = (id: number, period?: string, signal?: AbortSignal) => api.get<ReportingStatusDto>(`${p(id)}/progress-reports/status`, { period }, signal);
export const fileReport = (id: number, body: object) => api.post<ProgressReportDto>(`${p(id)}/progress-reports`, body, newIdempotencyKey());

// Issues
export const listIssues = (id: number, signal?: AbortSignal) => api.get<ListPage<IssueDto>>(`${p(id)}/issues`, { page: 1, pageSize: 200 }, signal);
export const createIssue = (id: number, body: object) => api.post<IssueDto>(`${p(id)}/issues`, body, newIdempotencyKey());
export const issueAction = (id: number, issueId: number, action: 'escalate' | 'decide' | 'close', body: object) => api.post<IssueDto>(`${p(id)}/issues/${issueId}/actions/${action}`, body);

// Change requests
export const listChanges = (id: number, signal?: AbortSignal) => api.get<ListPage<ChangeDto>>(`${p(id)}/change-requests`, undefined, signal);
export const createChange = (id: number, body: object) => api.post<ChangeDto>(`${p(id)}/change-requests`, body, newIdempotencyKey());
export const decideChange = (id: number, changeId: number, action: 'approve' | 'reject', comment?: string) =>
  api.post<ChangeDto>(`${p(id)}/change-requests/${changeId}/actions/${action}`, comment ? { comment } : {});

// Expenses
export type ExpenseListParams = QueryParams & { page: number; pageSize: number; status?: string; projectId?: number; mine?: 'claimed' | 'todo'; q?: string; sort?: string };
export const listExpenses = (params: ExpenseListParams, signal?: AbortSignal) => api.get<ListPage<ExpenseDto>>('/api/expenses', params, signal);
export const listProjectExpenses = (id: number, signal?: AbortSignal) => api.get<ListPage<ExpenseDto>>(`${p(id)}/expenses`, all, signal);
export const getExpense = (id: number, signal?: AbortSignal) => api.get<ExpenseDetailDto>(`/api/expenses/${id}`, undefined, signal);
export const claimExpense = (id: number, body: object) => api.post<ExpenseDto>(`${p(id)}/expenses`, body, newIdempotencyKey());
export const expenseAction = (expenseId: number, action: 'approve' | 'reject' | 'pay', body: object = {}) => api.post<ExpenseDto>(`/api/expenses/${expenseId}/actions/${action}`, body);

// Acceptance
export const listAcceptances = (id: number, signal?: AbortSignal) => api.get<ListPage<AcceptanceDto>>(`${p(id)}/acceptances`, undefined, signal);
export const checkAcceptance = (id: number, acceptanceId: number, items: { id: number; result: string; note: string }[]) =>
  api.put<AcceptanceDto>(`${p(id)}/acceptances/${acceptanceId}/items`, { items });
export const addAcceptanceItem = (id: number, acceptanceId: number, body: { name: string; standard?: string }) => api.post<AcceptanceDto>(`${p(id)}/acceptances/${acceptanceId}/items`, body);

// Settlement
export const getSettlement = (id: number, signal?: AbortSignal) => api.get<SettlementDto>(`${p(id)}/settlement`, undefined, signal);
export const createInvoice = (id: number, body: object) => api.post<InvoiceDto>(`${p(id)}/invoices`, body, newIdempotencyKey());
export const recordPayment = (id: number, body: object) => api.post<PaymentDto>(`${p(id)}/payments`, body, newIdempotencyKey());

// Documents
export const listDocuments = (id: number, signal?: AbortSignal) => api.get<ListPage<DocumentDto>>(`${p(id)}/documents`, undefined, signal);
export const createDocument = (id: number, body: { category: string; title: string; attachmentId: number; note?: string }) => api.post<DocumentDto>(`${p(id)}/documents`, body, newIdempotencyKey());
export const addDocumentVersion = (id: number, documentId: number, body: { attachmentId: number; note?: string }) =>
  api.post<DocumentDto>(`${p(id)}/documents/${documentId}/versions`, body, newIdempotencyKey());

// Retrospective and lessons
export const getRetrospective = (id: number, signal?: AbortSignal) => api.get<RetrospectiveDto | null>(`${p(id)}/retrospective`, undefined, signal);
export const saveRetrospective = (id: number, body: object) => api.put<RetrospectiveDto>(`${p(id)}/retrospective`, body);
export const searchLessons = (q: string, page: number, signal?: AbortSignal) => api.get<ListPage<LessonDto>>('/api/lessons', { q: q || undefined, page, pageSize: 10 }, signal);

// Portfolio and files
export const getPortfolio = (signal?: AbortSignal) => api.get<PortfolioDto>('/api/reports/delivery-portfolio', undefined, signal);
export const uploadFile = (file: File) => apiUpload<AttachmentDto>('/api/attachments', file);
export const fileUrl = (attachmentId: number) => `/api/attachments/${attachmentId}`;

// A change request by id alone (approvals know only that), and deciding it from the approval pages.
export const getChangeById = (changeId: number, signal?: AbortSignal) => api.get<ChangeDto>(`/api/change-requests/${changeId}`, undefined, signal);
export const decideChangeById = async (changeId: number, action: 'approve' | 'reject', comment?: string) => decideChange((await getChangeById(changeId)).projectId, changeId, action, comment);
