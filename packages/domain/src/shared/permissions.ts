import type { Role } from './roles.js';

/**
 * The one registry of `resource.action` permissions and the roles granted each.
 * Record-level rules (owner, team, supervisor, area) live in each module's access file (domain/<module>/<module>.access.ts);
 * this table only answers "may this role attempt the action at all".
 */
export const PERMISSIONS = {
  'profile.read': 'all',
  'profile.update': 'all',
  'user.read': 'all',
  'user.create': ['admin', 'hr'],
  'user.update': ['admin', 'hr'],
  'user.deactivate': ['admin', 'hr'],
  'user.resetPassword': ['admin', 'hr'],
  'department.read': 'all',
  'department.create': ['admin'],
  'department.update': ['admin'],
  'role.read': 'all',
  'token.read': ['admin'],
  'token.create': ['admin'],
  'token.revoke': ['admin'],
  'audit.read': ['admin', 'leader'],
  'audit.verify': ['admin'],
  'setting.read': 'all',
  'setting.update': ['admin'],
  'notification.read': 'all',
  'attachment.upload': 'all',
  'attachment.read': 'all',
  'approval.read': 'all',
  'approval.transfer': 'all',
  'approval.remind': 'all',
  'customer.read': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'marketing', 'finance'],
  'customer.create': ['manager', 'deputy', 'pm', 'specialist', 'marketing'],
  'customer.update': ['manager', 'deputy', 'pm', 'specialist', 'marketing'],
  'customer.claim': ['manager', 'deputy', 'pm', 'specialist'],
  'lead.read': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'marketing', 'hr', 'finance'],
  'lead.create': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'marketing', 'hr', 'finance'],
  'lead.evaluate': ['manager'],
  'lead.assign': ['manager'],
  'lead.analyze': ['manager', 'deputy', 'pm', 'specialist'],
  'proposal.read': ['manager', 'deputy', 'pm', 'specialist', 'leader'],
  'proposal.create': ['manager', 'deputy', 'pm', 'specialist'],
  'proposal.review': ['manager', 'leader'],
  'contract.read': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'finance'],
  'contract.create': ['manager', 'deputy', 'pm', 'specialist'],
  'contract.sign': ['manager'],
  'project.read': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'finance'],
  'project.manage': ['manager', 'pm', 'specialist'],
  'project.report': ['manager', 'deputy', 'pm', 'specialist'],
  'project.writeOff': ['manager'],
  'project.assign': ['manager'],
  'project-issue.decide': ['manager'],
  'project-change.create': ['manager', 'pm', 'specialist'],
  'project-change.decide': ['manager'],
  'expense.read': ['manager', 'deputy', 'pm', 'specialist', 'leader', 'finance'],
  'expense.create': ['manager', 'deputy', 'pm', 'specialist'],
  'expense.approve': ['manager', 'pm', 'specialist'],
  'expense.reject': ['manager', 'pm', 'specialist', 'finance'],
  'expense.pay': ['finance'],
  'invoice.create': ['manager', 'pm', 'specialist', 'finance'],
  'payment.create': ['manager', 'finance'],
  'lesson.read': ['manager', 'deputy', 'pm', 'specialist', 'leader'],
  'delivery-report.read': ['manager', 'deputy', 'pm', 'leader', 'finance'],
  'pipeline.read': ['manager', 'deputy', 'pm', 'specialist', 'leader'],
  'appraisal.read': ['manager', 'deputy', 'pm', 'specialist', 'hr', 'leader', 'marketing', 'finance'],
  'appraisal.act': ['manager', 'deputy', 'pm', 'specialist', 'hr', 'leader', 'marketing', 'finance'],
  'appraisal.calibrate': ['hr'],
  'appraisal.finalize': ['hr'],
  'peer-review.read': ['manager', 'deputy', 'pm', 'specialist', 'hr', 'leader', 'marketing', 'finance'],
  'appraisal-template.read': ['hr', 'manager', 'deputy', 'leader'],
  'appraisal-template.create': ['hr'],
  'appraisal-cycle.read': ['hr', 'manager', 'deputy', 'leader'],
  'appraisal-cycle.manage': ['hr'],
  'kpi-target.read': ['hr', 'manager', 'deputy', 'leader'],
  'kpi-target.write': ['hr', 'manager'],
  'attendance.read': ['hr', 'manager', 'deputy', 'leader'],
  'attendance.write': ['hr', 'manager'],
  'appraisal-report.read': ['hr', 'manager', 'leader'],
  'appraisal-result.read': ['hr', 'manager', 'leader'],
  'appraisal-result.decide': ['hr', 'manager'],
} as const satisfies Record<string, readonly Role[] | 'all'>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  const granted: readonly Role[] | 'all' = PERMISSIONS[permission];
  return granted === 'all' || granted.includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(role, p));
}
