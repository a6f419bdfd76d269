/**
 * A state machine as data: for each action, the states it may start from, the state it
 * leads to, and the roles that may attempt it. Services ask `can`/`next`; the web shows
 * buttons from `actionsFrom`.
 */
import type { Role } from './roles.js';

export type Transition<S extends string> = { from: readonly S[]; to: S; roles: readonly Role[] };
export type Machine<S extends string, A extends string> = { states: readonly S[]; transitions: Record<A, Transition<S>> };

export type TransitionCheck<S extends string> = { ok: true; to: S } | { ok: false; reason: 'state' | 'role' };

export function checkTransition<S extends string, A extends string>(machine: Machine<S, A>, from: S, action: A, role: Role): TransitionCheck<S> {
  const t = machine.transitions[action];
  if (!t.roles.includes(role)) return { ok: false, reason: 'role' };
  if (!t.from.includes(from)) return { ok: false, reason: 'state' };
  return { ok: true, to: t.to };
}

export function actionsFrom<S extends string, A extends string>(machine: Machine<S, A>, from: S, role: Role): A[] {
  return (Object.keys(machine.transitions) as A[]).filter((a) => checkTransition(machine, from, a, role).ok);
}
