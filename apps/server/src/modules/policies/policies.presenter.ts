import { z } from 'zod';
import { POLICY_DEFAULTS, type PolicyKey } from '@domain/policies/policy.defaults.js';
import type { PolicyDto } from '@domain/policies/policy.schema.js';
import type { Locale } from '@domain/shared/locale.js';
import { policyValueOn, type StoredPolicyVersion } from '../../platform/policies/policies.js';

const jsonSchemas = new Map<PolicyKey, unknown>();

function valueSchemaOf(key: PolicyKey): unknown {
  let schema = jsonSchemas.get(key);
  if (!schema) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(POLICY_DEFAULTS[key].schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    schema = rest;
    jsonSchemas.set(key, schema);
  }
  return schema;
}

function describe(key: PolicyKey, locale: Locale): string {
  const d = POLICY_DEFAULTS[key].description;
  if (locale === 'en-US') return d.en;
  return locale === 'zh-TW' ? (d.zhTW ?? d.zh) : d.zh;
}

/** One policy parameter: its value today, its default and every version (`versions` of this key only). */
export function presentPolicy(key: PolicyKey, versions: readonly StoredPolicyVersion[], today: string, locale: Locale): PolicyDto {
  const current = policyValueOn(key, versions, today);
  return {
    key,
    description: describe(key, locale),
    value: current.value,
    defaultValue: POLICY_DEFAULTS[key].default,
    effectiveFrom: current.version?.effectiveFrom ?? null,
    valueSchema: valueSchemaOf(key),
    history: versions.map(({ key: _key, ...v }) => v),
  };
}
