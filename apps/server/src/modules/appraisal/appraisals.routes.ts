import {
  acknowledgeSchema,
  appraisalDetailSchema,
  appraisalListQuery,
  appraisalSchema,
  calibrateSchema,
  closeReviewsSchema,
  disputeSchema,
  finalizeSchema,
  selectPeersSchema,
  submitFeedbackSchema,
  submitSelfSchema,
  submitSupervisorSchema,
} from '@domain/appraisal/appraisal.schema.js';
import { customerLinkCreateSchema, customerLinkCreatedSchema } from '@domain/appraisal/review.schema.js';
import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { getAppraisalDetail, listAppraisalsFor } from './appraisals.read.js';
import { acknowledgeOrDispute, submitFeedback, submitSelf, submitSupervisor } from './appraisal-steps.service.js';
import { closeReviews, selectPeers } from './appraisal-reviews.service.js';
import { calibrate, finalize } from './appraisal-finalize.service.js';
import { createCustomerLink } from './customer-reviews.service.js';

const tags = ['appraisals'];
const act = { permission: 'appraisal.act' } as const;
const action = (name: string, summary: string) => ({ method: 'POST' as const, url: `/api/appraisals/:id/actions/${name}`, summary, tags, params: idParamsSchema, response: appraisalDetailSchema });

export const appraisalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/appraisals',
    summary: 'Appraisals in my scope; ?view=mine (my own), ?view=to-evaluate (as supervisor), filters cycleId, employeeId, status, late',
    tags,
    access: { permission: 'appraisal.read' },
    query: appraisalListQuery,
    response: listEnvelope(appraisalSchema),
    handler: ({ query, deps, db, meta }) => listAppraisalsFor(deps, db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/appraisals/:id',
    summary: 'One appraisal: template, objective items with evidence, forms, reviews, feedback, timeline and my actions',
    tags,
    access: { permission: 'appraisal.read' },
    params: idParamsSchema,
    response: appraisalDetailSchema,
    handler: ({ params, deps, db, meta }) => getAppraisalDetail(deps, db, meta, params.id),
  }),
  defineRoute({
    ...action('submit-self', 'Employee: the self-assessment form (《月度/年度績效考核自評表》)'),
    access: act,
    body: submitSelfSchema,
    handler: ({ params, body, deps, db, meta }) => submitSelf(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('submit-supervisor', 'Supervisor: the evaluation form (《…評價表》); annual: with 2–5 peers (peerReviewerIds)'),
    access: act,
    body: submitSupervisorSchema,
    handler: ({ params, body, deps, db, meta }) => submitSupervisor(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('select-peers', 'Supervisor (annual): choose the peer reviewers; submitted reviews are kept'),
    access: act,
    body: selectPeersSchema,
    handler: ({ params, body, deps, db, meta }) => selectPeers(deps, db, meta, params.id, body.peerReviewerIds),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/appraisals/:id/customer-links',
    summary: 'Supervisor or HR (annual, customer-facing staff): a signed, expiring one-time link to the customer review form',
    tags,
    access: act,
    params: idParamsSchema,
    body: customerLinkCreateSchema,
    response: customerLinkCreatedSchema,
    status: 201,
    handler: ({ params, body, deps, db, meta }) => createCustomerLink(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('close-reviews', 'Supervisor or HR (annual): end the peer/customer round; pending reviews are released'),
    access: act,
    body: closeReviewsSchema,
    handler: ({ params, body, deps, db, meta }) => closeReviews(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('submit-feedback', 'Supervisor: the feedback conversation record (annual: next year’s goals and development plan)'),
    access: act,
    body: submitFeedbackSchema,
    handler: ({ params, body, deps, db, meta }) => submitFeedback(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('acknowledge', 'Employee: acknowledge the feedback record'),
    access: act,
    body: acknowledgeSchema,
    handler: ({ params, body, deps, db, meta }) => acknowledgeOrDispute(deps, db, meta, params.id, 'acknowledge', body),
  }),
  defineRoute({
    ...action('dispute', 'Employee: dispute the result with a comment that goes to HR'),
    access: act,
    body: disputeSchema,
    handler: ({ params, body, deps, db, meta }) => acknowledgeOrDispute(deps, db, meta, params.id, 'dispute', body),
  }),
  defineRoute({
    ...action('calibrate', 'HR: adjust the final score with a written reason (calibration round)'),
    access: { permission: 'appraisal.calibrate' },
    body: calibrateSchema,
    handler: ({ params, body, deps, db, meta }) => calibrate(deps, db, meta, params.id, body),
  }),
  defineRoute({
    ...action('finalize', 'HR: finalize and lock the result'),
    access: { permission: 'appraisal.finalize' },
    body: finalizeSchema,
    handler: ({ params, deps, db, meta }) => finalize(deps, db, meta, params.id),
  }),
];
