import { APPRAISAL_POLICIES } from '@domain/appraisal/appraisal.policies.js';
import type { PolicyValue } from '@domain/policies/policy.defaults.js';
import type { Executor } from '../../platform/db/executor.js';
import { loadPolicyVersions, policyValueOn } from '../../platform/policies/policies.js';

type AppraisalKey = keyof typeof APPRAISAL_POLICIES;
export type AppraisalPolicies = { [K in AppraisalKey]: PolicyValue<K> };

/**
 * Every appraisal policy in force on `onDate` in one read. A cycle reads them on the day it
 * opened, so a policy version taking effect later never changes a cycle already running.
 */
export async function appraisalPolicies(db: Executor, onDate: string): Promise<AppraisalPolicies> {
  const versions = (await loadPolicyVersions(db)).filter((v) => v.key.startsWith('appraisal.'));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(APPRAISAL_POLICIES) as AppraisalKey[]) {
    out[key] = policyValueOn(
      key,
      versions.filter((v) => v.key === key),
      onDate,
    ).value;
  }
  return out as AppraisalPolicies;
}
