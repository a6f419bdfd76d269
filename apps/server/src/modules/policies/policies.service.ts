import { POLICY_DEFAULTS, POLICY_KEYS, isPolicyKey } from '@domain/policies/policy.defaults.js';
import type { PolicyDto, PolicyVersionCreate } from '@domain/policies/policy.schema.js';
import { localDate } from '@domain/policies/policy.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validate.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { loadPolicyVersions, policyValueOn } from '../../platform/policies/policies.js';
import { presentPolicy } from './policies.presenter.js';

/** Every policy parameter with today's value, its default and its history. */
export async function listPolicies(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'locale'>): Promise<PolicyDto[]> {
  const today = localDate(deps.now());
  const all = await loadPolicyVersions(db);
  return POLICY_KEYS.map((key) =>
    presentPolicy(
      key,
      all.filter((v) => v.key === key),
      today,
      meta.locale,
    ),
  );
}

/** Stores a new version taking effect on `effectiveFrom` (today or later; history is never rewritten). */
export async function createPolicyVersion(deps: Deps, db: Executor, meta: RequestMeta, key: string, input: PolicyVersionCreate): Promise<PolicyDto> {
  if (!isPolicyKey(key)) throw notFound();
  const value = parseInput(POLICY_DEFAULTS[key].schema, input.value, meta.locale, 'value');
  const today = localDate(deps.now());
  if (input.effectiveFrom < today) throw invalid({ effectiveFrom: 'field.dateNotPast' });
  return inTransaction(db, async (trx) => {
    const before = policyValueOn(key, await loadPolicyVersions(trx, key), input.effectiveFrom).value;
    const at = nowIso(deps);
    const note = input.note ?? '';
    const { id } = await trx
      .insertInto('policies')
      .values({ key, value_json: JSON.stringify(value), effective_from: input.effectiveFrom, note, created_by: meta.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, deps.engine, meta, { action: 'create-version', entity: 'policy', entityId: key, before: { value: before }, after: { id, value, effectiveFrom: input.effectiveFrom, note } }, at);
    return presentPolicy(key, await loadPolicyVersions(trx, key), today, meta.locale);
  });
}
