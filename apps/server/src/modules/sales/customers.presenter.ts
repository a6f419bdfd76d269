import type { Actor } from '@domain/shared/actor.js';
import type { ContactDto, CustomerDto } from '@domain/sales/customer.schema.js';
import { customerActions } from '@domain/sales/sales.access.js';
import type { CustomerRow } from './customers.repo.js';
import { presentRecordMeta } from '../../platform/http/record-meta.js';

type ContactRow = { id: number; customer_id: number; name: string; title: string; phone: string; email: string; is_primary: number; note: string; version: number };

export function presentContact(r: ContactRow): ContactDto {
  return { id: r.id, customerId: r.customer_id, name: r.name, title: r.title, phone: r.phone, email: r.email, isPrimary: r.is_primary === 1, note: r.note, version: r.version };
}

export function presentCustomer(r: CustomerRow, contacts?: ContactRow[]): CustomerDto {
  return {
    ...presentRecordMeta(r),
    name: r.name,
    uscc: r.uscc,
    industry: r.industry as CustomerDto['industry'],
    region: r.region,
    size: r.size as CustomerDto['size'],
    source: r.source as CustomerDto['source'],
    address: r.address,
    note: r.note,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    inPool: r.owner_id === null,
    lastActivityAt: r.last_activity_at,
    ...(contacts ? { contacts: contacts.map(presentContact) } : {}),
  };
}

/** The customer as the API answers it: with what this reader may do. */
export function withCustomerActions(dto: CustomerDto, actor: Actor): CustomerDto {
  return { ...dto, actions: customerActions(actor, { ownerId: dto.ownerId }) };
}
