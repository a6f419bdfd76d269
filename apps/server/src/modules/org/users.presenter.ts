import type { UserDto } from '@domain/org/user.schema.js';
import type { Role } from '@domain/shared/roles.js';
import type { Locale } from '@domain/shared/locale.js';
import type { UserRow } from './users.repo.js';

export function presentUser(row: UserRow): UserDto {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    username: row.username,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role as Role,
    positionTitle: row.position_title,
    departmentId: row.department_id,
    departmentName: row.department_name,
    supervisorId: row.supervisor_id,
    supervisorName: row.supervisor_name,
    businessAreas: JSON.parse(row.business_areas) as string[],
    customerFacing: row.customer_facing === 1,
    active: row.active === 1,
    hireDate: row.hire_date,
    locale: row.locale as Locale | null,
    lastLoginAt: row.last_login_at,
    mustChangePassword: row.must_change_password === 1,
  };
}
