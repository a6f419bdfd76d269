import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { isoDate } from '@domain/shared/common.schema.js';
import { awaitingDecisionOf } from '../../platform/approvals/my-approvals.js';
import { leadScopeWhere, salesScopeOf } from './sales.scope.js';

const pipelineQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
const stageSchema = z.object({ stage: z.string(), count: z.number().int(), valueFen: z.number().int(), conversionFromPrevious: z.number().nullable() });

/**
 * The funnel [3.1]: leads registered in the period and how far they got. Each stage counts the
 * leads that reached it (a converted lead has also been accepted, assigned and analysed), so
 * the conversion rates are true stage-to-stage rates.
 */
export const pipelineRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reports/pipeline',
    summary: 'Funnel: leads by furthest stage reached, with value and conversion rates; period by registration date',
    tags: ['reports'],
    access: { permission: 'pipeline.read' },
    query: pipelineQuery,
    response: z.object({ from: z.string().nullable(), to: z.string().nullable(), stages: z.array(stageSchema), rejected: z.number().int() }),
    handler: async ({ query, db, actor }) => {
      const scope = await salesScopeOf(db, actor!);
      let q = db
        .selectFrom('leads as l')
        .innerJoin('customers as c', 'c.id', 'l.customer_id')
        .leftJoin('proposals as p', (j) => j.onRef('p.lead_id', '=', 'l.id'))
        .leftJoin('contracts as k', (j) => j.onRef('k.proposal_id', '=', 'p.id'))
        .where(leadScopeWhere(scope))
        .select([
          'l.id',
          'l.status',
          'l.expected_value_fen as expected',
          sql<string | null>`max(p.status)`.as('proposal_status'),
          sql<number>`max(case when p.status = 'accepted' then p.total_fen else 0 end)`.as('accepted_value'),
          sql<number>`max(case when k.status in ('active', 'completed') then k.amount_fen else 0 end)`.as('signed_value'),
          sql<number>`max(case when p.status = 'accepted' then 1 else 0 end)`.as('won'),
          sql<number>`max(case when k.status in ('active', 'completed') then 1 else 0 end)`.as('signed'),
        ])
        .groupBy(['l.id', 'l.status', 'l.expected_value_fen']);
      if (query.from) q = q.where('l.created_at', '>=', `${query.from}T00:00:00.000Z`);
      if (query.to) q = q.where('l.created_at', '<=', `${query.to}T23:59:59.999Z`);
      const rows = await q.execute();
      const order = ['registered', 'accepted', 'assigned', 'analyzed', 'converted'];
      const stages = ['registered', 'accepted', 'assigned', 'analyzed', 'proposal', 'won', 'signed'].map((stage) => ({ stage, count: 0, valueFen: 0 }));
      let rejected = 0;
      for (const r of rows) {
        if (r.status === 'rejected') {
          rejected++;
          stages[0]!.count++;
          stages[0]!.valueFen += Number(r.expected);
          continue;
        }
        const reached = order.indexOf(r.status);
        for (let i = 0; i <= reached && i < 4; i++) {
          stages[i]!.count++;
          stages[i]!.valueFen += Number(r.expected);
        }
        if (r.status === 'converted') {
          stages[4]!.count++;
          stages[4]!.valueFen += Number(r.expected);
        }
        if (Number(r.won)) {
          stages[5]!.count++;
          stages[5]!.valueFen += Number(r.accepted_value);
        }
        if (Number(r.signed)) {
          stages[6]!.count++;
          stages[6]!.valueFen += Number(r.signed_value);
        }
      }
      return {
        from: query.from ?? null,
        to: query.to ?? null,
        rejected,
        stages: stages.map((s, i) => ({ ...s, conversionFromPrevious: i === 0 || stages[i - 1]!.count === 0 ? null : Math.round((s.count / stages[i - 1]!.count) * 1000) / 10 })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/my-work',
    summary: 'What waits for me: evaluations, assignments, analyses, drafts and returned proposals, reviews, contracts to sign',
    tags: ['reports'],
    access: 'authenticated',
    response: z.object({ items: z.array(z.object({ kind: z.string(), entity: z.string(), id: z.number().int(), title: z.string(), status: z.string(), since: z.string() })) }),
    handler: async ({ db, actor }) => {
      const me = actor!;
      const items: Array<{ kind: string; entity: string; id: number; title: string; status: string; since: string }> = [];
      if (me.role === 'manager') {
        const leads = await db.selectFrom('leads').select(['id', 'title', 'status', 'created_at', 'updated_at']).where('status', 'in', ['registered', 'accepted']).orderBy('created_at').limit(100).execute();
        for (const l of leads) items.push({ kind: l.status === 'registered' ? 'evaluate-lead' : 'assign-lead', entity: 'lead', id: l.id, title: l.title, status: l.status, since: l.status === 'registered' ? l.created_at : l.updated_at });
        const contracts = await db.selectFrom('contracts').select(['id', 'title', 'status', 'created_at']).where('status', '=', 'draft').orderBy('created_at').limit(100).execute();
        for (const k of contracts) items.push({ kind: 'sign-contract', entity: 'contract', id: k.id, title: k.title, status: k.status, since: k.created_at });
      }
      const mine = await db.selectFrom('leads').select(['id', 'title', 'status', 'assigned_at']).where('assignee_id', '=', me.id).where('status', '=', 'assigned').limit(100).execute();
      for (const l of mine) items.push({ kind: 'analyze-lead', entity: 'lead', id: l.id, title: l.title, status: l.status, since: l.assigned_at ?? '' });
      const analyzed = await db.selectFrom('leads').select(['id', 'title', 'status', 'analyzed_at']).where('assignee_id', '=', me.id).where('status', '=', 'analyzed').limit(100).execute();
      for (const l of analyzed) items.push({ kind: 'draft-proposal', entity: 'lead', id: l.id, title: l.title, status: l.status, since: l.analyzed_at ?? '' });
      const drafts = await db.selectFrom('proposals').select(['id', 'title', 'status', 'updated_at']).where('author_id', '=', me.id).where('status', 'in', ['draft', 'returned', 'approved', 'sent']).limit(100).execute();
      for (const p of drafts) items.push({ kind: `proposal-${p.status}`, entity: 'proposal', id: p.id, title: p.title, status: p.status, since: p.updated_at });
      const reviews = await awaitingDecisionOf(db, me.id, 100);
      for (const r of reviews) items.push({ kind: `review-${r.entity}`, entity: r.entity, id: Number(r.entity_id), title: r.title, status: 'in_review', since: r.created_at });
      return { items: items.sort((a, b) => a.since.localeCompare(b.since)) };
    },
  }),
];
