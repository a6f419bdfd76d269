import { z } from 'zod';
import { SETTING_DEFAULTS, type SettingKey } from '@domain/settings/settings.defaults.js';
import type { SettingDto } from '@domain/settings/setting.schema.js';
import type { Locale } from '@domain/shared/locale.js';
import { settingValueOn, type StoredSettingVersion } from '../../platform/settings/settings.js';

const jsonSchemas = new Map<SettingKey, unknown>();

function valueSchemaOf(key: SettingKey): unknown {
  let schema = jsonSchemas.get(key);
  if (!schema) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(SETTING_DEFAULTS[key].schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    schema = rest;
    jsonSchemas.set(key, schema);
  }
  return schema;
}

function describe(key: SettingKey, locale: Locale): string {
  const d = SETTING_DEFAULTS[key].description;
  if (locale === 'en-US') return d.en;
  return locale === 'zh-TW' ? (d.zhTW ?? d.zh) : d.zh;
}

/** One company setting: its value today, its default and every version (`versions` of this key only). */
export function presentSetting(key: SettingKey, versions: readonly StoredSettingVersion[], today: string, locale: Locale): SettingDto {
  const current = settingValueOn(key, versions, today);
  return {
    key,
    description: describe(key, locale),
    value: current.value,
    defaultValue: SETTING_DEFAULTS[key].default,
    effectiveFrom: current.version?.effectiveFrom ?? null,
    valueSchema: valueSchemaOf(key),
    history: versions.map(({ key: _key, ...v }) => v),
  };
}
