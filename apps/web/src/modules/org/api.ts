import type { SessionUser } from '@domain/org/auth.schema.js';
import type { DepartmentDto } from '@domain/org/department.schema.js';
import type { UserDto } from '@domain/org/user.schema.js';
import type { ApiTokenDto } from '@domain/org/token.schema.js';
import type { Locale } from '@domain/shared/locale.js';
import type { Role } from '@domain/shared/roles.js';
import { api, type ListPage, type QueryParams } from '../../app/api-client';

export type { DepartmentDto, UserDto, ApiTokenDto };

export const orgKeys = {
  departments: ['departments'] as const,
  users: ['users'] as const,
  userSearch: (q: string) => ['users', 'search', q] as const,
  user: (id: number) => ['users', 'one', id] as const,
  roles: ['roles'] as const,
  tokens: ['api-tokens'] as const,
};

// Departments
export type DepartmentInput = {
  name: string;
  code?: string;
  kind: DepartmentDto['kind'];
  parentId?: number | null;
  managerId?: number | null;
  description?: string;
  sortOrder?: number;
};

export const listDepartments = (signal?: AbortSignal) =>
  api.get<ListPage<DepartmentDto>>('/api/departments', { pageSize: 500, sort: 'sortOrder' }, signal);
export const createDepartment = (input: DepartmentInput, idempotencyKey: string) =>
  api.post<DepartmentDto>('/api/departments', input, idempotencyKey);
export const updateDepartment = (id: number, input: Partial<DepartmentInput> & { version: number; active?: boolean }) =>
  api.patch<DepartmentDto>(`/api/departments/${id}`, input);

// Users
export type UserListParams = QueryParams & { page: number; pageSize: number; q?: string; role?: Role; departmentId?: number; active?: 'true' | 'false'; sort?: string };

export type UserInput = {
  name: string;
  role: Role;
  email?: string | null;
  phone?: string | null;
  positionTitle?: string | null;
  departmentId?: number | null;
  supervisorId?: number | null;
  businessAreas?: string[];
  customerFacing?: boolean;
  hireDate?: string | null;
};
export type UserCreateInput = UserInput & { username: string; password?: string };
export type UserCreated = UserDto & { temporaryPassword: string | null };

export const getUser = (id: number, signal?: AbortSignal) => api.get<UserDto>(`/api/users/${id}`, undefined, signal);
export const listUsers = (params: UserListParams, signal?: AbortSignal) => api.get<ListPage<UserDto>>('/api/users', params, signal);
export const createUser = (input: UserCreateInput, idempotencyKey: string) => api.post<UserCreated>('/api/users', input, idempotencyKey);
export const updateUser = (id: number, input: Partial<UserInput> & { version: number }) => api.patch<UserDto>(`/api/users/${id}`, input);
export const setUserActive = (user: UserDto, active: boolean) =>
  api.post<UserDto>(`/api/users/${user.id}/actions/${active ? 'activate' : 'deactivate'}`, { version: user.version });
export const resetUserPassword = (user: UserDto) =>
  api.post<{ user: UserDto; temporaryPassword: string | null }>(`/api/users/${user.id}/actions/reset-password`, { version: user.version });

// Roles
export type RoleInfo = { role: Role; permissions: string[]; userCount: number };
export const getRoles = (signal?: AbortSignal) => api.get<{ roles: RoleInfo[]; permissions: string[] }>('/api/roles', undefined, signal);

// API tokens
export type TokenInput = { name: string; userId: number; expiresOn?: string | null };
export const listTokens = (signal?: AbortSignal) => api.get<{ items: ApiTokenDto[]; total: number }>('/api/api-tokens', undefined, signal);
export const createToken = (input: TokenInput, idempotencyKey: string) =>
  api.post<ApiTokenDto & { token: string }>('/api/api-tokens', input, idempotencyKey);
export const revokeToken = (id: number) => api.post<ApiTokenDto>(`/api/api-tokens/${id}/actions/revoke`);

// Me
export type ProfileInput = { name?: string; email?: string | null; phone?: string | null; locale?: Locale | null };
export const updateProfile = (input: ProfileInput) => api.patch<SessionUser>('/api/auth/me', input);
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<{ user: SessionUser }>('/api/auth/change-password', { currentPassword, newPassword });
