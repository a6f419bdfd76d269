import type { z } from 'zod';
import { SALES_SETTINGS } from '../sales/sales.settings.js';
import { FILE_SETTINGS } from '../files/files.settings.js';
import { DELIVERY_SETTINGS } from '../delivery/delivery.settings.js';
import { APPRAISAL_SETTINGS } from '../appraisal/appraisal.settings.js';
import { CALENDAR_SETTINGS } from '../calendar/calendar.settings.js';

export type { SettingDef } from './setting.def.js';

/**
 * Every company setting the regulation leaves to "company rules" [intro]: stored, versioned
 * with an effective date, editable by an administrator. Each module declares its own in
 * `domain/<module>/<module>.settings.ts` and adds one line here.
 */
export const SETTING_DEFAULTS = {
  ...SALES_SETTINGS,
  ...FILE_SETTINGS,
  ...DELIVERY_SETTINGS,
  ...APPRAISAL_SETTINGS,
  ...CALENDAR_SETTINGS,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_DEFAULTS)[K]['schema']>;

export const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_DEFAULTS, key);
}
