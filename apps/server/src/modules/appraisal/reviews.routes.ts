import { customerFormSchema, customerReviewSubmitSchema, customerTokenParams, peerReviewListQuery, peerReviewSchema, peerReviewSubmitSchema } from '@domain/appraisal/review.schema.js';
import { idParamsSchema, listEnvelope, okSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { getMyPeerReview, listMyPeerReviews, submitPeerReview } from './peer-reviews.service.js';
import { customerForm, submitCustomerReview } from './customer-reviews.service.js';

export const reviewRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/peer-reviews',
    summary: 'My peer review forms (《年度績效考核同事評價表》) — only my own',
    tags: ['peer-reviews'],
    access: { permission: 'peer-review.read' },
    query: peerReviewListQuery,
    response: listEnvelope(peerReviewSchema),
    handler: ({ query, db, meta }) => listMyPeerReviews(db, meta, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/peer-reviews/:id',
    summary: 'One of my peer review forms',
    tags: ['peer-reviews'],
    access: { permission: 'peer-review.read' },
    params: idParamsSchema,
    response: peerReviewSchema,
    handler: ({ params, db, meta }) => getMyPeerReview(db, meta, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/peer-reviews/:id/actions/submit',
    summary: 'Submit my peer review: teamwork and communication, 0–100',
    tags: ['peer-reviews'],
    access: { permission: 'peer-review.read' },
    params: idParamsSchema,
    body: peerReviewSubmitSchema,
    response: peerReviewSchema,
    handler: ({ params, body, deps, db, meta }) => submitPeerReview(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/customer-reviews/:token',
    summary: 'Public: the customer review form a signed link opens (404 LINK_INVALID, 410 LINK_EXPIRED / LINK_USED)',
    tags: ['customer-reviews'],
    access: 'public',
    params: customerTokenParams,
    response: customerFormSchema,
    handler: ({ params, deps, db }) => customerForm(deps, db, params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/customer-reviews/:token',
    summary: 'Public: submit the customer review (《年度績效考核客戶評價表》) — once per link',
    tags: ['customer-reviews'],
    access: 'public',
    params: customerTokenParams,
    body: customerReviewSubmitSchema,
    response: okSchema,
    handler: ({ params, body, deps, db, req }) => submitCustomerReview(deps, db, params.token, body, req.ip ?? null),
  }),
];
