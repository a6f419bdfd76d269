import { sql } from 'kysely';
import type { z } from 'zod';
import type { CustomerCreate, CustomerUpdate, contactInputSchema } from '@domain/sales/customer.schema.js';
import { translate } from '@domain/i18n/messages.js';
import type { Role } from '@domain/shared/roles.js';
import { mayEditCustomer, mayOwnCustomers, mayReassignCustomer, mayReleaseCustomer } from '@domain/sales/sales.access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors, forbidden, invalid, notFound, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { notify } from '../../platform/notify/notify.js';
import { customerSelect, findCustomer, findDuplicateCustomer, listContacts, nameKey } from './customers.repo.js';
import { presentCustomer } from './customers.presenter.js';
import { salesScopeOf } from './sales.scope.js';

type ContactInput = z.infer<typeof contactInputSchema>;

async function refuseDuplicate(db: Executor, meta: RequestMeta, name: string, uscc: string | null | undefined, exceptId?: number) {
  const dup = await findDuplicateCustomer(db, name, uscc, exceptId);
  if (dup) {
    const t = (key: string, params?: Record<string, unknown>) => translate(meta.locale, key, params);
    throw fieldErrors(409, 'DUPLICATE', t, { name: ['field.customerDuplicate', { name: dup.name }] });
  }
}

async function checkOwner(db: Executor, ownerId: number | null | undefined) {
  if (!ownerId) return;
  const u = await db.selectFrom('users').select(['role', 'active']).where('id', '=', ownerId).executeTakeFirst();
  if (!u || u.active !== 1 || !mayOwnCustomers(u.role as Role)) throw invalid({ ownerId: 'field.notExists' });
}

export async function insertContacts(trx: Executor, customerId: number, contacts: ContactInput[], actorId: number, at: string) {
  for (const c of contacts) {
    await trx
      .insertInto('contacts')
      .values({ customer_id: customerId, name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '', is_primary: c.isPrimary ? 1 : 0, note: c.note ?? '', version: 1, created_at: at, created_by: actorId, updated_at: at })
      .execute();
  }
}

/** Creates a customer; used by the customer form and by lead registration with a new customer. */
export async function insertCustomer(trx: Executor, deps: Deps, meta: RequestMeta, input: CustomerCreate) {
  await refuseDuplicate(trx, meta, input.name, input.uscc || null);
  await checkOwner(trx, input.ownerId);
  const at = nowIso(deps);
  const ownerId = input.ownerId === undefined ? (mayOwnCustomers(meta.actor.role) ? meta.actor.id : null) : input.ownerId;
  const { id } = await trx
    .insertInto('customers')
    .values({
      name: input.name,
      name_key: nameKey(input.name),
      uscc: input.uscc || null,
      industry: input.industry,
      region: input.region,
      size: input.size,
      source: input.source,
      address: input.address ?? '',
      note: input.note ?? '',
      owner_id: ownerId,
      last_activity_at: at,
      pooled_at: ownerId ? null : at,
      version: 1,
      created_at: at,
      created_by: meta.actor.id,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertContacts(trx, id, input.contacts ?? [], meta.actor.id, at);
  const row = (await customerSelect(trx).where('c.id', '=', id).executeTakeFirst())!;
  const dto = presentCustomer(row, await listContacts(trx, id));
  await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'customer', entityId: id, after: dto }, at);
  return dto;
}

export function createCustomer(deps: Deps, db: Executor, meta: RequestMeta, input: CustomerCreate) {
  return inTransaction(db, (trx) => insertCustomer(trx, deps, meta, input));
}

export function updateCustomer(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: CustomerUpdate) {
  return inTransaction(db, async (trx) => {
    const scope = await salesScopeOf(trx, meta.actor);
    const current = await findCustomer(trx, id, scope);
    if (!current) throw notFound();
    if (!mayEditCustomer(meta.actor, { ownerId: current.owner_id })) throw forbidden();
    if (current.version !== input.version) throw versionConflict();
    if (input.name !== undefined || input.uscc !== undefined) await refuseDuplicate(trx, meta, input.name ?? current.name, input.uscc === undefined ? current.uscc : input.uscc || null, id);
    if (input.ownerId !== undefined && !mayReassignCustomer(meta.actor)) throw forbidden();
    await checkOwner(trx, input.ownerId);
    const at = nowIso(deps);
    const res = await trx
      .updateTable('customers')
      .set({
        ...(input.name !== undefined && { name: input.name, name_key: nameKey(input.name) }),
        ...(input.uscc !== undefined && { uscc: input.uscc || null }),
        ...(input.industry !== undefined && { industry: input.industry }),
        ...(input.region !== undefined && { region: input.region }),
        ...(input.size !== undefined && { size: input.size }),
        ...(input.source !== undefined && { source: input.source }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.note !== undefined && { note: input.note }),
        ...(input.ownerId !== undefined && { owner_id: input.ownerId, pooled_at: input.ownerId ? null : at }),
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    const after = presentCustomer((await customerSelect(trx).where('c.id', '=', id).executeTakeFirst())!);
    await writeAudit(trx, deps.engine, meta, { action: 'update', entity: 'customer', entityId: id, before: presentCustomer(current), after }, at);
    return after;
  });
}

export function addContact(deps: Deps, db: Executor, meta: RequestMeta, customerId: number, input: ContactInput) {
  return inTransaction(db, async (trx) => {
    const current = await findCustomer(trx, customerId, await salesScopeOf(trx, meta.actor));
    if (!current) throw notFound();
    if (!mayEditCustomer(meta.actor, { ownerId: current.owner_id })) throw forbidden();
    const at = nowIso(deps);
    await insertContacts(trx, customerId, [input], meta.actor.id, at);
    await writeAudit(trx, deps.engine, meta, { action: 'add-contact', entity: 'customer', entityId: customerId, after: input }, at);
    return presentCustomer(current, await listContacts(trx, customerId));
  });
}

/** Marks activity so the customer is not returned to the pool. */
export async function touchCustomer(trx: Executor, customerId: number, at: string) {
  await trx.updateTable('customers').set({ last_activity_at: at }).where('id', '=', customerId).execute();
}

/** 公海: claim a pooled customer, within the per-person cap (setting). */
export function claimCustomer(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    const current = await findCustomer(trx, id, await salesScopeOf(trx, meta.actor));
    if (!current) throw notFound();
    if (current.owner_id !== null) throw invalid({ id: 'field.notInPool' });
    const max = await getSetting(trx, 'sales.pool.maxProtectedCustomers');
    const held = await trx.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', meta.actor.id).executeTakeFirst();
    if (Number(held?.n ?? 0) >= max) {
      throw fieldErrors(409, 'CONFLICT', (k, p) => translate(meta.locale, k, p), { id: ['field.poolCapReached', { max }] });
    }
    const at = nowIso(deps);
    const res = await trx.updateTable('customers').set({ owner_id: meta.actor.id, pooled_at: null, last_activity_at: at, version: current.version + 1, updated_at: at }).where('id', '=', id).where('owner_id', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    await writeAudit(trx, deps.engine, meta, { action: 'claim', entity: 'customer', entityId: id, before: { ownerId: null }, after: { ownerId: meta.actor.id } }, at);
    return presentCustomer((await customerSelect(trx).where('c.id', '=', id).executeTakeFirst())!);
  });
}

export function releaseCustomer(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    const current = await findCustomer(trx, id, await salesScopeOf(trx, meta.actor));
    if (!current) throw notFound();
    if (!mayReleaseCustomer(meta.actor, { ownerId: current.owner_id })) throw forbidden();
    const at = nowIso(deps);
    await trx.updateTable('customers').set({ owner_id: null, pooled_at: at, version: current.version + 1, updated_at: at }).where('id', '=', id).execute();
    await writeAudit(trx, deps.engine, meta, { action: 'release', entity: 'customer', entityId: id, before: { ownerId: current.owner_id }, after: { ownerId: null } }, at);
    return presentCustomer((await customerSelect(trx).where('c.id', '=', id).executeTakeFirst())!);
  });
}

/** The scheduled job: customers idle longer than the setting return to the pool, and their owners are told. */
export async function returnIdleCustomersToPool(deps: Deps, at: Date): Promise<number> {
  const days = await getSetting(deps.db, 'sales.pool.idleDays');
  const cutoff = new Date(at.getTime() - days * 86_400_000).toISOString();
  return inTransaction(deps.db, async (trx) => {
    const idle = await trx.selectFrom('customers').select(['id', 'name', 'owner_id', 'last_activity_at']).where('owner_id', 'is not', null).where('last_activity_at', '<', cutoff).limit(5000).execute();
    const iso = at.toISOString();
    for (const c of idle) {
      await trx.updateTable('customers').set({ owner_id: null, pooled_at: iso, updated_at: iso, version: sql<number>`version + 1` }).where('id', '=', c.id).execute();
      await writeAudit(trx, deps.engine, null, { action: 'return-to-pool', entity: 'customer', entityId: c.id, before: { ownerId: c.owner_id, lastActivityAt: c.last_activity_at }, after: { ownerId: null } }, iso);
      await notify(trx, deps, { userIds: [c.owner_id!], kind: 'customer.returned_to_pool', params: { title: c.name, days }, entity: 'customer', entityId: c.id, link: `/customers/${c.id}` });
    }
    return idle.length;
  });
}
