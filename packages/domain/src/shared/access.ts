import type { Actor } from './actor.js';
import { actionsFrom, type Machine } from './machine.js';

/**
 * The shape every record's "what may I do" takes: `actions`, the names of the actions this actor
 * may take on the record now. Each module writes its record rules once, in
 * `domain/<module>/<module>.access.ts`: services call them to refuse (403), presenters to list
 * `actions`, so the web shows the buttons the server will accept.
 */
export type RecordActions = string[];

/** The state machine's actions open to the actor's role, narrowed by the record rule `may`. */
export function permittedActions<S extends string, A extends string>(machine: Machine<S, A>, status: string, actor: Actor, may: (action: A) => boolean = () => true): A[] {
  return actionsFrom(machine, status as S, actor.role).filter(may);
}
