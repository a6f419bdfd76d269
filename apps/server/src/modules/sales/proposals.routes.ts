import { z } from 'zod';
import { negotiationSchema, proposalCreateSchema, proposalListQuery, proposalSchema, proposalUpdateSchema } from '@domain/sales/proposal.schema.js';
import { LIMITS, idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import type { Permission } from '@domain/shared/permissions.js';
import { defineRoute } from '../../platform/http/route.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { listProposals } from './proposals.repo.js';
import { presentProposal } from './proposals.presenter.js';
import { addNegotiation, createProposal, customerDecision, getProposal, proposalHistory, reviewProposal, sendProposal, submitProposal, updateProposal } from './proposals.service.js';
import { salesScopeOf } from './sales.scope.js';

const tags = ['proposals'];
const returnBody = z.strictObject({ comment: z.string().trim().min(1, 'field.commentRequired').max(LIMITS.long) });
const approveBody = z.strictObject({ comment: z.string().trim().max(LIMITS.long).optional() });
const declineBody = z.strictObject({ reason: z.string().trim().min(1, 'field.reasonRequired').max(LIMITS.long) });
type ActionContext = { deps: Deps; db: Executor; meta: RequestMeta; id: number; body: unknown };
type ActionSpec = [string, string, Permission, z.ZodType | undefined, (c: ActionContext) => Promise<unknown>];
const historySchema = z.object({ versions: z.array(z.unknown()), negotiations: z.array(z.unknown()) });

export const proposalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/proposals',
    summary: 'Proposals in my scope',
    tags,
    access: { permission: 'proposal.read' },
    query: proposalListQuery,
    response: listEnvelope(proposalSchema),
    handler: async ({ query, db, actor }) => {
      const statuses = query.status ? query.status.split(',').filter(Boolean) : undefined;
      const { items, total } = await listProposals(db, await salesScopeOf(db, actor!), { ...query, statuses }, query.page, query.pageSize, query.sort);
      return { items: items.map((r) => presentProposal(r, actor!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/proposals/:id',
    summary: 'One proposal with the actions I may take',
    tags,
    access: { permission: 'proposal.read' },
    params: idParamsSchema,
    response: proposalSchema,
    handler: ({ params, db, meta }) => getProposal(db, meta, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/proposals/:id/history',
    summary: 'Submitted versions with review comments and diffs, and negotiation rounds',
    tags,
    access: { permission: 'proposal.read' },
    params: idParamsSchema,
    response: historySchema,
    handler: ({ params, db, meta }) => proposalHistory(db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/proposals',
    summary: 'Draft a proposal from an analysed lead (the lead becomes converted)',
    tags,
    access: { permission: 'proposal.create' },
    body: proposalCreateSchema,
    response: proposalSchema,
    status: 201,
    idempotent: true,
    handler: ({ body, deps, db, meta }) => createProposal(deps, db, meta, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/proposals/:id',
    summary: 'Revise a draft or returned proposal',
    tags,
    access: { permission: 'proposal.create' },
    params: idParamsSchema,
    body: proposalUpdateSchema,
    response: proposalSchema,
    handler: ({ params, body, deps, db, meta }) => updateProposal(deps, db, meta, params.id, body),
  }),
  ...(
    <ActionSpec[]>[
      ['submit', 'Submit for review (a new version is frozen)', 'proposal.create', undefined, (c) => submitProposal(c.deps, c.db, c.meta, c.id)],
      ['approve', 'Reviewer approves the current step', 'proposal.review', approveBody, (c) => reviewProposal(c.deps, c.db, c.meta, c.id, 'approve', (c.body as { comment?: string }).comment)],
      ['return', 'Reviewer returns with a comment', 'proposal.review', returnBody, (c) => reviewProposal(c.deps, c.db, c.meta, c.id, 'return', (c.body as { comment: string }).comment)],
      ['send', 'Mark as sent to the customer', 'proposal.create', undefined, (c) => sendProposal(c.deps, c.db, c.meta, c.id)],
      ['customer-accept', 'The customer accepted', 'proposal.create', undefined, (c) => customerDecision(c.deps, c.db, c.meta, c.id, 'customer-accept')],
      ['customer-decline', 'The customer declined, with the reason', 'proposal.create', declineBody, (c) => customerDecision(c.deps, c.db, c.meta, c.id, 'customer-decline', (c.body as { reason: string }).reason)],
    ]
  ).map(([action, summary, permission, body, run]) =>
    defineRoute({
      method: 'POST',
      url: `/api/proposals/:id/actions/${action}`,
      summary,
      tags,
      access: { permission },
      params: idParamsSchema,
      body: body ?? z.strictObject({}),
      response: proposalSchema,
      handler: ({ params, body: b, deps, db, meta }) => run({ deps, db, meta, id: params.id, body: b }),
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/api/proposals/:id/negotiations',
    summary: 'Record a negotiation round (date, participants, points, outcome)',
    tags,
    access: { permission: 'proposal.create' },
    params: idParamsSchema,
    body: negotiationSchema,
    response: historySchema,
    status: 201,
    handler: ({ params, body, deps, db, meta }) => addNegotiation(deps, db, meta, params.id, body),
  }),
];
