import type { Actor } from '@domain/shared/actor.js';
import type { LeadDto } from '@domain/sales/lead.schema.js';
import { leadActions as permittedLeadActions } from '@domain/sales/sales.access.js';
import type { LeadRow } from './leads.repo.js';
import { presentRecordMeta } from '../../platform/http/record-meta.js';

/** What this actor may do with the lead now (sales.access.ts). */
export function leadActions(row: Pick<LeadRow, 'status' | 'assignee_id'>, actor: Actor): string[] {
  return permittedLeadActions(actor, { status: row.status, assigneeId: row.assignee_id });
}

export function presentLead(r: LeadRow, actor: Actor): LeadDto {
  return {
    ...presentRecordMeta(r),
    code: r.code,
    status: r.status as LeadDto['status'],
    title: r.title,
    channel: r.channel as LeadDto['channel'],
    referrer: r.referrer,
    registeredDepartmentId: r.registered_department_id,
    registeredDepartmentName: r.registered_department_name,
    registeredById: r.registered_by,
    registeredByName: r.registered_by_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerRegion: r.customer_region,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    needs: r.needs,
    expectedValueFen: Number(r.expected_value_fen),
    urgency: r.urgency as LeadDto['urgency'],
    evaluationReason: r.evaluation_reason,
    evaluatedById: r.evaluated_by,
    evaluatedAt: r.evaluated_at,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    assignedAt: r.assigned_at,
    actions: leadActions(r, actor),
  };
}
