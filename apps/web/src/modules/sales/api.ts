import type { ContactDto, CustomerDto } from '@domain/sales/customer.schema.js';
import type { LeadDto } from '@domain/sales/lead.schema.js';
import type { NeedsAnalysisDto, NeedsAnalysisInput } from '@domain/sales/needs-analysis.schema.js';
import type { ProposalContent, ProposalDto } from '@domain/sales/proposal.schema.js';
import type { ContractDto } from '@domain/sales/contract.schema.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import { api, apiUpload, type ListPage, type QueryParams } from '../../app/api-client';
import type { FieldChange } from './proposal-diff';

export type { ContactDto, CustomerDto, LeadDto, NeedsAnalysisDto, NeedsAnalysisInput, ProposalContent, ProposalDto, ContractDto, AttachmentDto };

export const salesKeys = {
  customers: ['customers'] as const,
  customer: (id: number) => ['customers', 'one', id] as const,
  customerSearch: (q: string) => ['customers', 'search', q] as const,
  leads: ['leads'] as const,
  lead: (id: number) => ['leads', 'one', id] as const,
  needsAnalysis: (id: number) => ['leads', 'needs-analysis', id] as const,
  proposals: ['proposals'] as const,
  proposal: (id: number) => ['proposals', 'one', id] as const,
  proposalHistory: (id: number) => ['proposals', 'history', id] as const,
  contracts: ['contracts'] as const,
  contract: (id: number) => ['contracts', 'one', id] as const,
  pipeline: (from?: string, to?: string) => ['pipeline', from ?? '', to ?? ''] as const,
  kanban: (kind: string) => ['kanban', kind] as const,
};

/** Every cached sales list and record: after a transition several of them change at once. */
export const SALES_ROOT_KEYS = [['customers'], ['leads'], ['proposals'], ['contracts'], ['projects'], ['pipeline'], ['kanban'], ['my-work'], ['approvals'], ['notifications']] as const;

// Customers
export type CustomerRelatedRow = { id: number; code: string; title: string; status: string; valueFen: number; createdAt: string };
export type CustomerDetail = CustomerDto & {
  contacts?: ContactDto[];
  related: { leads: CustomerRelatedRow[]; proposals: CustomerRelatedRow[]; contracts: CustomerRelatedRow[]; projects: CustomerRelatedRow[] };
};
export type CustomerListParams = QueryParams & { page: number; pageSize: number; q?: string; industry?: string; region?: string; ownerId?: number; sort?: string };
export type CustomerInput = {
  name: string;
  uscc?: string;
  industry: CustomerDto['industry'];
  region: string;
  size: CustomerDto['size'];
  source: CustomerDto['source'];
  address?: string;
  note?: string;
  ownerId?: number | null;
  contacts?: ContactInput[];
};
export type ContactInput = { name: string; title?: string; phone?: string; email?: string; isPrimary?: boolean; note?: string };

export const listCustomers = (params: CustomerListParams, signal?: AbortSignal) => api.get<ListPage<CustomerDto>>('/api/customers', params, signal);
export const listPool = (params: CustomerListParams, signal?: AbortSignal) => api.get<ListPage<CustomerDto>>('/api/customers/pool', params, signal);
export const getCustomer = (id: number, signal?: AbortSignal) => api.get<CustomerDetail>(`/api/customers/${id}`, undefined, signal);
export const createCustomer = (input: CustomerInput, idempotencyKey: string) => api.post<CustomerDto>('/api/customers', input, idempotencyKey);
export const updateCustomer = (id: number, input: Partial<CustomerInput> & { version: number }) => api.patch<CustomerDto>(`/api/customers/${id}`, input);
export const addContact = (customerId: number, input: ContactInput) => api.post<CustomerDto>(`/api/customers/${customerId}/contacts`, input);
export const claimCustomer = (id: number) => api.post<CustomerDto>(`/api/customers/${id}/actions/claim`);
export const releaseCustomer = (id: number) => api.post<CustomerDto>(`/api/customers/${id}/actions/release`);

// Leads
export type LeadListParams = QueryParams & { page: number; pageSize: number; q?: string; status?: string; urgency?: string; channel?: string; assigneeId?: number; customerId?: number; sort?: string };
export type NewCustomerInput = { name: string; uscc?: string; industry: CustomerDto['industry']; region: string; size: CustomerDto['size']; address?: string };
export type LeadInput = {
  title: string;
  channel: LeadDto['channel'];
  referrer?: string;
  customerId?: number;
  newCustomer?: NewCustomerInput;
  contactName?: string;
  contactPhone?: string;
  needs: string;
  expectedValueFen: number;
  urgency: LeadDto['urgency'];
  attachmentIds?: number[];
};
export type NeedsAnalysisAnswer = { lead: LeadDto; current: NeedsAnalysisDto | null; versions: NeedsAnalysisDto[] };

export const listLeads = (params: LeadListParams, signal?: AbortSignal) => api.get<ListPage<LeadDto>>('/api/leads', params, signal);
export const getLead = (id: number, signal?: AbortSignal) => api.get<LeadDto>(`/api/leads/${id}`, undefined, signal);
export const registerLead = (input: LeadInput, idempotencyKey: string) => api.post<LeadDto>('/api/leads', input, idempotencyKey);
export const evaluateLead = (id: number, decision: 'accept' | 'reject', reason?: string) =>
  api.post<LeadDto>(`/api/leads/${id}/actions/evaluate`, { decision, ...(reason ? { reason } : {}) });
export const assignLead = (id: number, assigneeId: number, note?: string) => api.post<LeadDto>(`/api/leads/${id}/actions/assign`, { assigneeId, ...(note ? { note } : {}) });
export const getNeedsAnalysis = (id: number, signal?: AbortSignal) => api.get<NeedsAnalysisAnswer>(`/api/leads/${id}/needs-analysis`, undefined, signal);
export const submitNeedsAnalysis = (id: number, input: NeedsAnalysisInput) => api.put<NeedsAnalysisAnswer>(`/api/leads/${id}/needs-analysis`, input);

// Proposals
export type ProposalListParams = QueryParams & { page: number; pageSize: number; q?: string; status?: string; leadId?: number; customerId?: number; authorId?: number; sort?: string };
export type ProposalVersion = {
  versionNo: number;
  content: ProposalContent;
  totalFen: number;
  submittedAt: string;
  submittedById: number;
  decision: 'approved' | 'returned' | null;
  decidedById: number | null;
  decidedByName: string | null;
  comment: string | null;
  decidedAt: string | null;
  changes: FieldChange[];
};
export type Negotiation = { id: number; date: string; participants: string; points: string; outcome: string; createdBy: string | null; createdAt: string };
export type ProposalHistory = { versions: ProposalVersion[]; negotiations: Negotiation[] };
export type NegotiationInput = { date: string; participants: string; points: string; outcome?: string };
export type ProposalAction = 'submit' | 'approve' | 'return' | 'send' | 'customer-accept' | 'customer-decline';

export const listProposals = (params: ProposalListParams, signal?: AbortSignal) => api.get<ListPage<ProposalDto>>('/api/proposals', params, signal);
export const getProposal = (id: number, signal?: AbortSignal) => api.get<ProposalDto>(`/api/proposals/${id}`, undefined, signal);
export const getProposalHistory = (id: number, signal?: AbortSignal) => api.get<ProposalHistory>(`/api/proposals/${id}/history`, undefined, signal);
export const createProposal = (input: ProposalContent & { leadId: number }, idempotencyKey: string) => api.post<ProposalDto>('/api/proposals', input, idempotencyKey);
export const updateProposal = (id: number, input: Partial<ProposalContent> & { version: number }) => api.patch<ProposalDto>(`/api/proposals/${id}`, input);
export const proposalAction = (id: number, action: ProposalAction, body: Record<string, string> = {}) => api.post<ProposalDto>(`/api/proposals/${id}/actions/${action}`, body);
export const addNegotiation = (id: number, input: NegotiationInput) => api.post<ProposalHistory>(`/api/proposals/${id}/negotiations`, input);

// Contracts
export type ContractListParams = QueryParams & { page: number; pageSize: number; q?: string; status?: string; customerId?: number; sort?: string };
export type ContractInput = {
  title: string;
  number?: string;
  partyA: string;
  partyB: string;
  amountFen: number;
  startDate: string;
  endDate: string;
  instalments: { name: string; amountFen: number; dueDate: string }[];
  terms?: string;
  attachmentIds?: number[];
};

export const listContracts = (params: ContractListParams, signal?: AbortSignal) => api.get<ListPage<ContractDto>>('/api/contracts', params, signal);
export const getContract = (id: number, signal?: AbortSignal) => api.get<ContractDto>(`/api/contracts/${id}`, undefined, signal);
export const createContract = (input: ContractInput & { proposalId: number }, idempotencyKey: string) => api.post<ContractDto>('/api/contracts', input, idempotencyKey);
export const updateContract = (id: number, input: Partial<ContractInput> & { version: number }) => api.patch<ContractDto>(`/api/contracts/${id}`, input);
export const signContract = (id: number, signedDate: string) => api.post<ContractDto>(`/api/contracts/${id}/actions/sign`, { signedDate });

// Pipeline
export type PipelineStage = { stage: string; count: number; valueFen: number; conversionFromPrevious: number | null };
export type Pipeline = { from: string | null; to: string | null; stages: PipelineStage[]; rejected: number };
export const getPipeline = (from?: string, to?: string, signal?: AbortSignal) => api.get<Pipeline>('/api/reports/pipeline', { from, to }, signal);

// Attachments
export const uploadAttachment = (file: File) => apiUpload<AttachmentDto>('/api/attachments', file);
