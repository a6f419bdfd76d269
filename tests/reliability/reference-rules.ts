import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { Params } from './fixtures/types.js';

/**
 * How the server must check a reference field of a request body against the caller:
 * - `record`: the caller must be able to read the record (its GET answers 200); another user's
 *   record answers exactly as an id that does not exist, so neither its content nor its existence leaks;
 * - `parent`: the record must belong to the record named in the path (a milestone of this project),
 *   and one of another parent answers as an id that does not exist;
 * - `directory`: people, departments and grid rows every holder of the route's permission may name.
 */
export type ReferenceRule =
  | { scope: 'record'; table: keyof DB & string; read: string }
  | { scope: 'parent'; foreign: (db: Kysely<DB>, params: Params) => Promise<number | undefined> }
  | { scope: 'directory'; why: string };

const people = { scope: 'directory', why: 'people are named from the company directory' } as const;
const departments = { scope: 'directory', why: 'the department tree is visible to every user' } as const;

/** Another project's row of a project table. */
const ofAnotherProject = (table: 'project_milestones' | 'project_budget_lines' | 'project_tasks' | 'project_invoices') =>
  ({
    scope: 'parent',
    foreign: async (db, params) =>
      (await db.selectFrom(table).select('id').where('project_id', '<>', Number(params.id)).orderBy('id', 'desc').executeTakeFirst())?.id,
  }) satisfies ReferenceRule;

/** By field name; a route's own entry (`METHOD url path`) wins. */
export const REFERENCE_RULES: Record<string, ReferenceRule> = {
  customerId: { scope: 'record', table: 'customers', read: '/api/customers/:id' },
  leadId: { scope: 'record', table: 'leads', read: '/api/leads/:id' },
  proposalId: { scope: 'record', table: 'proposals', read: '/api/proposals/:id' },
  attachmentId: { scope: 'record', table: 'attachments', read: '/api/attachments/:id' },
  attachmentIds: { scope: 'record', table: 'attachments', read: '/api/attachments/:id' },
  milestoneId: ofAnotherProject('project_milestones'),
  budgetLineId: ofAnotherProject('project_budget_lines'),
  taskId: ofAnotherProject('project_tasks'),
  invoiceId: ofAnotherProject('project_invoices'),
  instalmentId: {
    scope: 'parent',
    foreign: async (db, params) => {
      const project = await db.selectFrom('projects').select('contract_id').where('id', '=', Number(params.id)).executeTakeFirst();
      return (await db.selectFrom('contract_instalments').select('id').where('contract_id', '<>', project?.contract_id ?? 0).orderBy('id', 'desc').executeTakeFirst())?.id;
    },
  },
  'PUT /api/projects/:id/acceptances/:acceptanceId/items items.*.id': {
    scope: 'parent',
    foreign: async (db, params) =>
      (await db.selectFrom('project_acceptance_items').select('id').where('acceptance_id', '<>', Number(params.acceptanceId)).orderBy('id', 'desc').executeTakeFirst())?.id,
  },
  'PUT /api/kpi-targets rows.*.id': { scope: 'directory', why: 'the KPI grid is edited company-wide by HR and the manager' },
  'PUT /api/attendance rows.*.id': { scope: 'directory', why: 'the attendance grid is edited company-wide by HR and the manager' },
  userId: people,
  supervisorId: people,
  managerId: people,
  ownerId: people,
  assigneeId: people,
  pmId: people,
  toUserId: people,
  peerReviewerIds: people,
  departmentId: departments,
  departmentIds: departments,
  parentId: departments,
};

export function referenceRuleFor(routeKey: string, path: string[]): ReferenceRule | undefined {
  return REFERENCE_RULES[`${routeKey} ${path.join('.')}`] ?? REFERENCE_RULES[path[path.length - 1]!];
}
