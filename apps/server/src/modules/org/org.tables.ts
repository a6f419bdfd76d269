import type { Generated } from 'kysely';

/** The organisation's tables: departments, users (the directory every module joins for names), API tokens. */
/** Row types of every table, as stored (booleans are 0/1, JSON is text, times are ISO strings). */
export type DepartmentTable = {
  id: Generated<number>;
  name: string;
  code: string | null;
  kind: string;
  parent_id: number | null;
  manager_id: number | null;
  description: string;
  sort_order: number;
  active: number;
  version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
};

export type UserTable = {
  id: Generated<number>;
  username: string;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: string;
  position_title: string | null;
  department_id: number | null;
  supervisor_id: number | null;
  business_areas: string;
  customer_facing: number;
  active: number;
  hire_date: string | null;
  locale: string | null;
  must_change_password: number;
  last_login_at: string | null;
  version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
};

export type ApiTokenTable = {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  user_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type OrgTables = {
  departments: DepartmentTable;
  users: UserTable;
  api_tokens: ApiTokenTable;
};

export const ORG_TABLES: readonly (keyof OrgTables)[] = ['departments', 'users', 'api_tokens'];

declare module '../../platform/db/schema.js' {
  interface DB extends OrgTables {}
}
