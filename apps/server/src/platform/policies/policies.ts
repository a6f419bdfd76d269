import { POLICY_DEFAULTS, type PolicyKey, type PolicyValue } from '@domain/policies/policy.defaults.js';
import { localDate, versionInForce } from '@domain/policies/policy.rules.js';
import type { Executor } from '../db/executor.js';

export type StoredPolicyVersion = {
  id: number;
  key: string;
  value: unknown;
  effectiveFrom: string;
  note: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
};

/** Every stored version of `key` (or of all keys), latest effective date first. */
export async function loadPolicyVersions(db: Executor, key?: string): Promise<StoredPolicyVersion[]> {
  let q = db
    .selectFrom('policies as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.key', 'p.value_json', 'p.effective_from', 'p.note', 'p.created_by', 'p.created_at', 'u.name as created_by_name']);
  if (key) q = q.where('p.key', '=', key);
  const rows = await q.orderBy('p.effective_from', 'desc').orderBy('p.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    value: JSON.parse(r.value_json) as unknown,
    effectiveFrom: r.effective_from,
    note: r.note,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}

/** The value among `versions` in force on `onDate`, checked against the key's schema; else the default. */
export function policyValueOn<K extends PolicyKey>(key: K, versions: readonly StoredPolicyVersion[], onDate: string): { value: PolicyValue<K>; version: StoredPolicyVersion | null } {
  const def = POLICY_DEFAULTS[key];
  const version = versionInForce(versions, onDate);
  if (version) {
    const parsed = def.schema.safeParse(version.value);
    // A value stored under an older, looser schema falls back to the default rather than break callers.
    if (parsed.success) return { value: parsed.data as PolicyValue<K>, version };
  }
  return { value: def.default as PolicyValue<K>, version: null };
}

/**
 * The value of a policy parameter in force on `onDate` (YYYY-MM-DD, default today in the
 * server's time zone): the stored version with the latest effective date not after it, else the default.
 */
export async function getPolicy<K extends PolicyKey>(db: Executor, key: K, onDate?: string): Promise<PolicyValue<K>> {
  const date = onDate ?? localDate(new Date());
  const rows = await db
    .selectFrom('policies')
    .select(['id', 'value_json', 'effective_from'])
    .where('key', '=', key)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const versions = rows.map((r) => ({ id: r.id, key, value: JSON.parse(r.value_json) as unknown, effectiveFrom: r.effective_from, note: '', createdBy: null, createdByName: null, createdAt: '' }));
  return policyValueOn(key, versions, date).value;
}
