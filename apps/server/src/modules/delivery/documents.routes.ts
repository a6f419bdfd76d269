import { idParamsSchema, listEnvelope } from '@domain/shared/common.schema.js';
import { documentCreateSchema, documentListQuery, documentParamsSchema, documentSchema, documentVersionCreateSchema } from '@domain/delivery/document.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { addDocumentVersion, createDocument, listDocuments } from './documents.service.js';

const tags = ['projects'];

export const documentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/documents',
    summary: 'The project’s document archive by category, each with its versions',
    tags,
    access: { permission: 'project.read' },
    params: idParamsSchema,
    query: documentListQuery,
    response: listEnvelope(documentSchema),
    handler: ({ params, query, db, meta }) => listDocuments(db, meta, params.id, query.category),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/documents',
    summary: 'File an uploaded attachment in the archive under a category',
    tags,
    access: { permission: 'project.report' },
    params: idParamsSchema,
    body: documentCreateSchema,
    response: documentSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => createDocument(deps, db, meta, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/documents/:documentId/versions',
    summary: 'A new version of a filed document (earlier versions stay)',
    tags,
    access: { permission: 'project.report' },
    params: documentParamsSchema,
    body: documentVersionCreateSchema,
    response: documentSchema,
    status: 201,
    idempotent: true,
    handler: ({ params, body, deps, db, meta }) => addDocumentVersion(deps, db, meta, params.id, params.documentId, body),
  }),
];
