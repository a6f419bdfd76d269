import { SETTING_DEFAULTS, SETTING_KEYS, isSettingKey } from '@domain/settings/settings.defaults.js';
import type { SettingDto, SettingVersionCreate } from '@domain/settings/setting.schema.js';
import { localDate } from '@domain/settings/settings.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validate.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { insertSettingVersion, loadSettingVersions, settingValueOn } from '../../platform/settings/settings.js';
import { presentSetting } from './settings.presenter.js';

/** Every company setting with today's value, its default and its history. */
export async function listSettings(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'locale'>): Promise<SettingDto[]> {
  const today = localDate(deps.now());
  const all = await loadSettingVersions(db);
  return SETTING_KEYS.map((key) =>
    presentSetting(
      key,
      all.filter((v) => v.key === key),
      today,
      meta.locale,
    ),
  );
}

/** Stores a new version taking effect on `effectiveFrom` (today or later; history is never rewritten). */
export async function createSettingVersion(deps: Deps, db: Executor, meta: RequestMeta, key: string, input: SettingVersionCreate): Promise<SettingDto> {
  if (!isSettingKey(key)) throw notFound();
  const value = parseInput(SETTING_DEFAULTS[key].schema, input.value, meta.locale, 'value');
  const today = localDate(deps.now());
  if (input.effectiveFrom < today) throw invalid({ effectiveFrom: 'field.dateNotPast' });
  return inTransaction(db, async (trx) => {
    const before = settingValueOn(key, await loadSettingVersions(trx, key), input.effectiveFrom).value;
    const at = nowIso(deps);
    const note = input.note ?? '';
    const id = await insertSettingVersion(trx, { key, value, effectiveFrom: input.effectiveFrom, note, createdBy: meta.actor.id, at });
    await writeAudit(trx, deps.engine, meta, { action: 'create-version', entity: 'policy', entityId: key, before: { value: before }, after: { id, value, effectiveFrom: input.effectiveFrom, note } }, at);
    return presentSetting(key, await loadSettingVersions(trx, key), today, meta.locale);
  });
}
