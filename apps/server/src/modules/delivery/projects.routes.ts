import { sql } from 'kysely';
import { z } from 'zod';
import { idParamsSchema, listEnvelope, listQueryBase } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import type { Executor } from '../../platform/http/context.js';
import { containsText, sortOf } from '../../platform/db/query.js';
import { ownedScopeWhere, salesScopeOf, type SalesScope } from '../sales/sales.scope.js';

/** The project a signed contract created. Execution (team, plan, progress…) belongs to the delivery issue. */
const projectSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  contractId: z.number().int(),
  contractNumber: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  pmId: z.number().int(),
  pmName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  budgetFen: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
  milestones: z.array(z.object({ seq: z.number().int(), name: z.string(), plannedStart: z.string(), plannedEnd: z.string(), deliverable: z.string() })).optional(),
  budgetLines: z.array(z.object({ seq: z.number().int(), item: z.string(), amountFen: z.number().int() })).optional(),
});

function projectSelect(db: Executor, scope: SalesScope) {
  return db
    .selectFrom('projects as j')
    .innerJoin('customers as c', 'c.id', 'j.customer_id')
    .innerJoin('contracts as k', 'k.id', 'j.contract_id')
    .innerJoin('users as u', 'u.id', 'j.pm_id')
    .selectAll('j')
    .select(['c.name as customer_name', 'k.number as contract_number', 'u.name as pm_name'])
    .where(ownedScopeWhere(scope, 'j.pm_id'));
}
type Row = Awaited<ReturnType<ReturnType<typeof projectSelect>['executeTakeFirstOrThrow']>>;

function present(r: Row) {
  return { id: r.id, code: r.code, name: r.name, status: r.status, contractId: r.contract_id, contractNumber: r.contract_number, customerId: r.customer_id, customerName: r.customer_name, pmId: r.pm_id, pmName: r.pm_name, startDate: r.start_date, endDate: r.end_date, budgetFen: Number(r.budget_fen), createdAt: r.created_at, version: r.version };
}

const SORTS = { createdAt: 'j.created_at', startDate: 'j.start_date', code: 'j.code' } as const;
const listQuery = z.strictObject({ ...listQueryBase, status: z.string().max(40).optional(), pmId: z.coerce.number().int().positive().optional() });

export const projectRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects',
    summary: 'Projects in my scope',
    tags: ['projects'],
    access: { permission: 'project.read' },
    query: listQuery,
    response: listEnvelope(projectSchema),
    handler: async ({ query, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      const build = () => {
        let q = projectSelect(db, scope);
        if (query.q) q = q.where((eb) => eb.or([containsText('j.name', query.q!), eb('j.code', '=', query.q!)]));
        if (query.status) q = q.where('j.status', '=', query.status);
        if (query.pmId) q = q.where('j.pm_id', '=', query.pmId);
        return q;
      };
      const { column, direction } = sortOf(query.sort ?? '-createdAt', SORTS, 'createdAt');
      const [rows, count] = await Promise.all([
        build().orderBy(column, direction).orderBy('j.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
      ]);
      return { items: rows.map(present), total: Number(count?.n ?? 0), page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id',
    summary: 'One project with the milestones and budget copied from the proposal',
    tags: ['projects'],
    access: { permission: 'project.read' },
    params: idParamsSchema,
    response: projectSchema,
    handler: async ({ params, db, actor }) => {
      const row = await projectSelect(db, await salesScopeOf(db, actor!)).where('j.id', '=', params.id).executeTakeFirst();
      if (!row) throw notFound();
      const [milestones, lines] = await Promise.all([
        db.selectFrom('project_milestones').selectAll().where('project_id', '=', params.id).orderBy('seq').execute(),
        db.selectFrom('project_budget_lines').selectAll().where('project_id', '=', params.id).orderBy('seq').execute(),
      ]);
      return {
        ...present(row),
        milestones: milestones.map((m) => ({ seq: m.seq, name: m.name, plannedStart: m.planned_start, plannedEnd: m.planned_end, deliverable: m.deliverable })),
        budgetLines: lines.map((l) => ({ seq: l.seq, item: l.item, amountFen: Number(l.amount_fen) })),
      };
    },
  }),
];
