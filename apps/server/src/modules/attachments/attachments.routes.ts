import fs from 'node:fs';
import { attachmentSchema } from '@domain/files/attachment.schema.js';
import { contentDisposition } from '@domain/files/file-name.js';
import { idParamsSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { notFound } from '../../platform/http/errors.js';
import { canReadAttachment, findAttachment } from '../../platform/files/attachments.js';
import { storedPath } from '../../platform/files/storage.js';
import { uploadAttachment } from './attachments.service.js';

const tags = ['attachments'];

export const attachmentRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/attachments',
    summary: 'Upload one file (multipart/form-data: `file`, optional `entity`, `entityId`); size and types per the settings',
    tags,
    access: { permission: 'attachment.upload' },
    raw: true,
    response: attachmentSchema,
    status: 201,
    handler: ({ deps, meta, req }) => uploadAttachment(deps, meta, req),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/attachments/:id',
    summary: 'Download a file, if the record it belongs to is visible to you',
    tags,
    access: { permission: 'attachment.read' },
    params: idParamsSchema,
    produces: 'application/octet-stream',
    handler: async ({ params, deps, db, actor, reply }) => {
      const row = await findAttachment(db, params.id);
      if (!row || !(await canReadAttachment(deps, actor!, row))) throw notFound();
      const file = storedPath(deps.config, row.stored_name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) {
        deps.log.error({ attachmentId: row.id, storedName: row.stored_name }, 'attachment file missing');
        throw notFound();
      }
      reply
        .header('content-type', row.mime)
        .header('content-length', stat.size)
        .header('content-disposition', contentDisposition(row.original_name))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox");
      return fs.createReadStream(file);
    },
  }),
];
