import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { approvalSchema } from '@domain/approvals/approval.schema.js';
import { expenseApproveSchema, expenseCreateSchema, expenseListQuery, expensePaySchema, expenseRejectSchema, expenseSchema, projectExpenseListQuery } from '@domain/delivery/expense.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { approveExpense, claimExpense, getExpense, listExpensesFor, payExpense, rejectExpense } from './expenses.service.js';

const tags = ['expenses'];

export const expenseRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/expenses',
    summary: 'Expense claims across projects (mine=claimed: my claims; mine=todo: waiting for my approval or payment)',
    tags,
    access: { permission: 'expense.read' },
    query: expenseListQuery,
    response: listEnvelope(expenseSchema),
    handler: ({ query, deps, db, meta }) => listExpensesFor(deps, db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/expenses/:id',
    summary: 'One claim with receipts and the approval timeline',
    tags,
    access: { permission: 'expense.read' },
    params: idParamsSchema,
    response: expenseSchema.extend({ approval: approvalSchema.nullable() }),
    handler: ({ params, deps, db, meta }) => getExpense(deps, db, meta, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/expenses',
    summary: 'Expense claims of the project',
    tags: ['projects'],
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: projectExpenseListQuery,
    response: listEnvelope(expenseSchema),
    handler: ({ params, query, deps, db, meta }) => listExpensesFor(deps, db, meta, { ...query, projectId: params.id }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/expenses',
    summary: 'Claim an expense on one of the project’s budget lines, with receipts (uploaded first)',
    tags: ['projects'],
    access: { permission: 'expense.create' },
    params: idParamsSchema,
    body: expenseCreateSchema,
    response: expenseSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => claimExpense(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/expenses/:id/actions/approve',
    summary: 'Approve my step (PM, then manager); over budget needs confirmOverBudget',
    tags,
    access: { permission: 'expense.approve' },
    params: idParamsSchema,
    body: expenseApproveSchema,
    response: expenseSchema,
    handler: ({ params, body, deps, db, meta }) => approveExpense(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/expenses/:id/actions/reject',
    summary: 'Reject with a reason (an approver at their step, or finance before paying)',
    tags,
    access: { permission: 'expense.reject' },
    params: idParamsSchema,
    body: expenseRejectSchema,
    response: expenseSchema,
    handler: ({ params, body, deps, db, meta }) => rejectExpense(deps, db, meta, params.id, body.reason),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/expenses/:id/actions/pay',
    summary: 'Finance marks an approved claim paid',
    tags,
    access: { permission: 'expense.pay' },
    params: idParamsSchema,
    body: expensePaySchema,
    response: expenseSchema,
    handler: ({ params, body, deps, db, meta }) => payExpense(deps, db, meta, params.id, body),
  }),
];
