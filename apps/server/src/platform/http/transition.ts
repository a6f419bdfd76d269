import type { Actor } from '@domain/shared/actor.js';
import { checkTransition, type Machine } from '@domain/shared/machine.js';
import { forbidden, invalidTransition } from './errors.js';

/** Applies a machine to a loaded record: wrong role → 403, wrong state → 409; answers the next state. */
export function transitionOrThrow<S extends string, A extends string>(machine: Machine<S, A>, from: string, action: A, actor: Actor): S {
  const r = checkTransition(machine, from as S, action, actor.role);
  if (r.ok) return r.to;
  if (r.reason === 'role') throw forbidden();
  throw invalidTransition({ from, action });
}
