import { APPRAISAL_SETTINGS } from '@domain/appraisal/appraisal.settings.js';
import type { SettingValue } from '@domain/settings/settings.defaults.js';
import type { Executor } from '../../platform/db/executor.js';
import { loadSettingVersions, settingValueOn } from '../../platform/settings/settings.js';

type AppraisalKey = keyof typeof APPRAISAL_SETTINGS;
export type AppraisalSettings = { [K in AppraisalKey]: SettingValue<K> };

/**
 * Every appraisal setting in force on `onDate` in one read. A cycle reads them on the day it
 * opened, so a setting's version taking effect later never changes a cycle already running.
 */
export async function appraisalSettings(db: Executor, onDate: string): Promise<AppraisalSettings> {
  const versions = (await loadSettingVersions(db)).filter((v) => v.key.startsWith('appraisal.'));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(APPRAISAL_SETTINGS) as AppraisalKey[]) {
    out[key] = settingValueOn(
      key,
      versions.filter((v) => v.key === key),
      onDate,
    ).value;
  }
  return out as AppraisalSettings;
}
