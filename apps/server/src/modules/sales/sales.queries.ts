/**
 * Reads of sales data other modules embed in their own SQL: scalar subqueries on a column that
 * holds a customer, contract or instalment id, so a list stays one statement. They are the only
 * way another module reads `customers`, `contracts` and `contract_instalments`.
 */
import { sql } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import type { Executor } from '../../platform/db/executor.js';
import { findCustomer } from './customers.repo.js';
import { salesScopeOf } from './sales.scope.js';

/** The customer's name, for `select … as customer_name`. */
export function customerNameOf(customerIdColumn: string) {
  return sql<string>`(select qc.name from customers qc where qc.id = ${sql.ref(customerIdColumn)})`;
}

/** The customer's region. */
export function customerRegionOf(customerIdColumn: string) {
  return sql<string>`(select qc.region from customers qc where qc.id = ${sql.ref(customerIdColumn)})`;
}

/** The contract's number. */
export function contractNumberOf(contractIdColumn: string) {
  return sql<string>`(select qk.number from contracts qk where qk.id = ${sql.ref(contractIdColumn)})`;
}

/** The contract's amount in fen. */
export function contractAmountOf(contractIdColumn: string) {
  return sql<number>`(select qk.amount_fen from contracts qk where qk.id = ${sql.ref(contractIdColumn)})`;
}

/** The instalment's name. */
export function instalmentNameOf(instalmentIdColumn: string) {
  return sql<string>`(select qi.name from contract_instalments qi where qi.id = ${sql.ref(instalmentIdColumn)})`;
}

/** A contract's payment schedule, in order. */
export function contractInstalments(db: Executor, contractId: number) {
  return db.selectFrom('contract_instalments').selectAll().where('contract_id', '=', contractId).orderBy('seq').execute();
}

/** One instalment of a contract (undefined when it belongs to another contract). */
export function contractInstalment(db: Executor, contractId: number, instalmentId: number) {
  return db.selectFrom('contract_instalments').selectAll().where('id', '=', instalmentId).where('contract_id', '=', contractId).executeTakeFirst();
}

/** Customer names by id (for rows that keep a customer id). */
export async function customerNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Does the actor see the customer (the sales scope: owned, in the pool, in their regions, or with a lead of theirs)? */
export async function customerVisibleTo(db: Executor, id: number, actor: Actor): Promise<boolean> {
  return !!(await findCustomer(db, id, await salesScopeOf(db, actor)));
}

/** Signed contract amounts per owner and month within [from, to] (dates), for the given owners. */
export async function signedSalesByOwnerMonth(db: Executor, ownerIds: number[], from: string, to: string): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('contracts')
    .select(['owner_id', sql<string>`substr(signed_date, 1, 7)`.as('month'), sql<number>`sum(amount_fen)`.as('total')])
    .where('status', 'in', ['active', 'completed'])
    .where('owner_id', 'in', ownerIds)
    .where('signed_date', '>=', from)
    .where('signed_date', '<=', to)
    .groupBy(['owner_id', sql`substr(signed_date, 1, 7)`])
    .execute();
  for (const r of rows) {
    const m = out.get(r.owner_id) ?? new Map<string, number>();
    m.set(r.month, Number(r.total));
    out.set(r.owner_id, m);
  }
  return out;
}

/** Contracts signed (active or completed) between two dates, in signing order: the sales KPI's evidence. */
export async function signedContractsBetween(db: Executor, start: string, end: string) {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'number', 'title', 'owner_id', 'amount_fen', 'signed_date'])
    .where('status', 'in', ['active', 'completed'])
    .where('signed_date', '>=', start)
    .where('signed_date', '<=', end)
    .orderBy('signed_date')
    .orderBy('id')
    .execute();
  return rows.map((c) => ({ ...c, amount_fen: Number(c.amount_fen) }));
}

/** The first customers a user owns (the appraisal demo's customer reviewer). */
export function customersOwnedBy(db: Executor, ownerId: number, limit: number) {
  return db.selectFrom('customers').select(['id', 'name']).where('owner_id', '=', ownerId).orderBy('id').limit(limit).execute();
}
