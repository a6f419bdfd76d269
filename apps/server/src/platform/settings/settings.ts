/**
 * Company settings: every "company rule" the regulation leaves open, stored as versions with an
 * effective date. They live in the `policies` table (its name from before "settings" was the
 * word; renaming a table needs a migration, and the data is the same).
 */

import { SETTING_DEFAULTS, type SettingKey, type SettingValue } from '@domain/settings/settings.defaults.js';
import { localDate, versionInForce } from '@domain/settings/settings.rules.js';
import type { Executor } from '../db/executor.js';

export type StoredSettingVersion = {
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
export async function loadSettingVersions(db: Executor, key?: string): Promise<StoredSettingVersion[]> {
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
export function settingValueOn<K extends SettingKey>(key: K, versions: readonly StoredSettingVersion[], onDate: string): { value: SettingValue<K>; version: StoredSettingVersion | null } {
  const def = SETTING_DEFAULTS[key];
  const version = versionInForce(versions, onDate);
  if (version) {
    const parsed = def.schema.safeParse(version.value);
    // A value stored under an older, looser schema falls back to the default rather than break callers.
    if (parsed.success) return { value: parsed.data as SettingValue<K>, version };
  }
  return { value: def.default as SettingValue<K>, version: null };
}

/**
 * The value of a company setting in force on `onDate` (YYYY-MM-DD, default today in the
 * server's time zone): the stored version with the latest effective date not after it, else the default.
 */
export async function getSetting<K extends SettingKey>(db: Executor, key: K, onDate?: string): Promise<SettingValue<K>> {
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
  return settingValueOn(key, versions, date).value;
}

/** Several settings in force on `onDate` (YYYY-MM-DD), read in one query, each falling back to its default. */
export async function getSettings<const K extends SettingKey>(db: Executor, keys: readonly K[], onDate: string): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.selectFrom('policies').select(['id', 'key', 'value_json', 'effective_from']).where('key', 'in', [...keys]).where('effective_from', '<=', onDate).execute();
  const versions = (key: string): StoredSettingVersion[] =>
    rows.filter((r) => r.key === key).map((r) => ({ id: r.id, key, value: JSON.parse(r.value_json) as unknown, effectiveFrom: r.effective_from, note: '', createdBy: null, createdByName: null, createdAt: '' }));
  return Object.fromEntries(keys.map((key) => [key, settingValueOn(key, versions(key), onDate).value])) as { [P in K]: SettingValue<P> };
}

/** Stores a new version of a setting inside the caller's transaction; answers its id. */
export async function insertSettingVersion(trx: Executor, v: { key: SettingKey; value: unknown; effectiveFrom: string; note: string; createdBy: number; at: string }): Promise<number> {
  const { id } = await trx
    .insertInto('policies')
    .values({ key: v.key, value_json: JSON.stringify(v.value), effective_from: v.effectiveFrom, note: v.note, created_by: v.createdBy, created_at: v.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
