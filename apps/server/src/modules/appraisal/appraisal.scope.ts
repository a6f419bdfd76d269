import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import type { Executor } from '../../platform/db/executor.js';
import { orgModule } from '../org/index.js';

/**
 * Which appraisals an actor sees (docs/design.md §1): HR and leaders all of them; everyone else their
 * own, those they are the recorded supervisor of, and those of anyone below them in the
 * supervisor chain. Peer reviewers see only their own review form, never the appraisal.
 */
export type AppraisalScope = { all: true } | { all: false; actorId: number; userIds: number[] };

export async function appraisalScopeOf(db: Executor, actor: Actor): Promise<AppraisalScope> {
  if (actor.role === 'hr' || actor.role === 'leader') return { all: true };
  return { all: false, actorId: actor.id, userIds: [actor.id, ...(await orgModule.queries.subordinateIds(db, actor.id))] };
}

/** `a` must be the appraisals alias. */
export function appraisalScopeWhere(scope: AppraisalScope, a = 'a'): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.ref(`${a}.employee_id`)} in (${sql.join(scope.userIds)}) or ${sql.ref(`${a}.supervisor_id`)} = ${scope.actorId})`;
}
