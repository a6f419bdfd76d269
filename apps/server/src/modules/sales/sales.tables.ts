import type { Generated } from 'kysely';

type Meta = { version: number; created_at: string; created_by: number | null; updated_at: string };

export type CustomerTable = Meta & {
  id: Generated<number>;
  name: string;
  name_key: string;
  uscc: string | null;
  industry: string;
  region: string;
  size: string;
  source: string;
  address: string;
  note: string;
  owner_id: number | null;
  last_activity_at: string | null;
  pooled_at: string | null;
};

export type ContactTable = Meta & {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string;
  phone: string;
  email: string;
  is_primary: number;
  note: string;
};

export type LeadTable = Meta & {
  id: Generated<number>;
  code: string;
  status: string;
  title: string;
  channel: string;
  referrer: string;
  registered_by: number | null;
  registered_department_id: number | null;
  customer_id: number;
  contact_name: string;
  contact_phone: string;
  needs: string;
  expected_value_fen: number;
  urgency: string;
  evaluation_reason: string | null;
  evaluated_by: number | null;
  evaluated_at: string | null;
  assignee_id: number | null;
  assigned_at: string | null;
  analyzed_at: string | null;
  converted_at: string | null;
};

export type NeedsAnalysisTable = {
  id: Generated<number>;
  lead_id: number;
  version_no: number;
  content_json: string;
  author_id: number;
  created_at: string;
};

export type ProposalTable = Meta & {
  id: Generated<number>;
  code: string;
  status: string;
  lead_id: number;
  customer_id: number;
  author_id: number;
  version_no: number;
  title: string;
  content_json: string;
  total_fen: number;
  decline_reason: string | null;
  sent_at: string | null;
  decided_at: string | null;
};

export type ProposalVersionTable = {
  id: Generated<number>;
  proposal_id: number;
  version_no: number;
  content_json: string;
  total_fen: number;
  submitted_at: string;
  submitted_by: number;
  decision: string | null;
  decided_by: number | null;
  comment: string | null;
  decided_at: string | null;
};

export type NegotiationTable = {
  id: Generated<number>;
  proposal_id: number;
  date: string;
  participants: string;
  points: string;
  outcome: string;
  created_by: number;
  created_at: string;
};

export type ContractTable = Meta & {
  id: Generated<number>;
  number: string;
  status: string;
  title: string;
  proposal_id: number;
  lead_id: number;
  customer_id: number;
  owner_id: number;
  party_a: string;
  party_b: string;
  amount_fen: number;
  signed_date: string | null;
  start_date: string;
  end_date: string;
  terms: string;
  project_id: number | null;
};

export type ContractInstalmentTable = {
  id: Generated<number>;
  contract_id: number;
  seq: number;
  name: string;
  amount_fen: number;
  due_date: string;
};

/** Customers and contacts, leads with their needs analyses, proposals with versions and negotiations, contracts with instalments. */
export type SalesTables = {
  customers: CustomerTable;
  contacts: ContactTable;
  leads: LeadTable;
  needs_analyses: NeedsAnalysisTable;
  proposals: ProposalTable;
  proposal_versions: ProposalVersionTable;
  negotiations: NegotiationTable;
  contracts: ContractTable;
  contract_instalments: ContractInstalmentTable;
};

export const SALES_TABLES: readonly (keyof SalesTables)[] = ['customers', 'contacts', 'leads', 'needs_analyses', 'proposals', 'proposal_versions', 'negotiations', 'contracts', 'contract_instalments'];

declare module '../../platform/db/schema.js' {
  interface DB extends SalesTables {}
}
