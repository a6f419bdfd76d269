import { z } from 'zod';
import { approvalListQuery, approvalListSchema, approvalTransferSchema, approvalWithActionsSchema } from '@domain/approvals/approval.schema.js';
import { idParamsSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { listMine } from '../../platform/approvals/my-approvals.js';
import { readApproval, remindById, transferById } from './approvals.service.js';

const tags = ['approvals'];

export const approvalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/approvals',
    summary: 'My approvals: ?mine=pending (awaiting my decision, default), submitted, or cc (copied to me)',
    tags,
    access: { permission: 'approval.read' },
    query: approvalListQuery,
    response: approvalListSchema,
    handler: ({ query, db, meta }) => listMine(db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/approvals/:id',
    summary: 'One approval with its steps and timeline (its submitter, approvers and copied users only)',
    tags,
    access: { permission: 'approval.read' },
    params: idParamsSchema,
    response: approvalWithActionsSchema,
    handler: ({ params, db, meta, deps }) => readApproval(db, meta, params.id, deps.now()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/approvals/:id/actions/transfer',
    summary: 'Hand my place in the current step to another user (转交)',
    tags,
    access: { permission: 'approval.transfer' },
    params: idParamsSchema,
    body: approvalTransferSchema,
    response: approvalWithActionsSchema,
    handler: ({ params, body, deps, db, meta }) => transferById(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/approvals/:id/actions/remind',
    summary: 'Remind the awaited approvers (催办); the submitter only, at most once an hour',
    tags,
    access: { permission: 'approval.remind' },
    params: idParamsSchema,
    body: z.strictObject({}),
    response: approvalWithActionsSchema,
    handler: ({ params, deps, db, meta }) => remindById(deps, db, meta, params.id),
  }),
];
