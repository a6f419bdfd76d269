import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import type { SalesScope } from './sales.scope.js';

/** A contract being signed, as the project it starts needs it: the accepted proposal's plan and budget. */
export type SignedContract = {
  contractId: number;
  title: string;
  customerId: number;
  pmId: number;
  startDate: string;
  endDate: string;
  milestones: { name: string; start: string; end: string; deliverable: string }[];
  budgetLines: { item: string; amountFen: number }[];
};

/** A row of the customer page's related lists. */
export type CustomerRelatedRow = { id: number; code: string; title: string; status: string; valueFen: number; createdAt: string };

/**
 * What sales asks of delivery, which imports sales and so cannot be imported back: delivery
 * provides both through its entry object's `provides` (see ModuleHooks).
 */
declare module '../../platform/context.js' {
  interface ModuleHooks {
    /** Signing starts the contract's project in the signing transaction [3.2.1]; answers the project's id and code. */
    createProjectFromContract: (trx: Executor, deps: Deps, meta: RequestMeta, contract: SignedContract) => Promise<{ id: number; code: string }>;
    /** A customer's projects led by someone in the sales scope (or, for a deputy, in their regions), newest first. */
    projectsOfCustomer: (db: Executor, customerId: number, scope: SalesScope, limit: number) => Promise<CustomerRelatedRow[]>;
  }
}
