import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import { uploadFieldsSchema } from '@domain/files/attachment.schema.js';
import { checkFileType, extensionOf } from '@domain/files/file-types.js';
import { safeOriginalName } from '@domain/files/file-name.js';
import { translate } from '@domain/i18n/messages.js';
import { localDate } from '@domain/settings/settings.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validate.js';
import { type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/executor.js';
import { getSetting } from '../../platform/settings/settings.js';
import { attachmentAccessOf, insertAttachment, presentAttachment } from '../../platform/files/attachments.js';
import { removeStoredFile, writeStoredFile, type WrittenFile } from '../../platform/files/storage.js';
import { megabytes } from '../../platform/files/multipart.js';

type Received = { name: string; written: WrittenFile; truncated: boolean } | null;

function fileError(meta: RequestMeta, status: number, code: string, key: string, params?: Record<string, unknown>): AppError {
  return new AppError(status, code, { file: translate(meta.locale, key, params) }, { translated: true });
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    /* discard */
  }
}

/** A malformed body (no boundary, cut short) is the client's fault; disk and database errors are not. */
function asClientError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; syscall?: string };
  if (e.syscall || (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)) return err;
  return invalid({ file: 'field.invalidFormat' });
}

/** Reads the multipart body: the `file` part goes straight to disk, text fields are collected. */
async function receive(deps: Deps, req: FastifyRequest, maxBytes: number, allowed: readonly string[], meta: RequestMeta) {
  const fields: Record<string, string> = {};
  let received: Received = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const name = safeOriginalName(part.filename ?? '');
      if (part.fieldname !== 'file' || received) {
        await drain(part.file);
        continue;
      }
      // Refuse a forbidden extension before writing anything.
      const ext = extensionOf(name);
      if (!ext || !allowed.includes(ext)) {
        await drain(part.file);
        throw fileError(meta, 400, 'VALIDATION_FAILED', 'field.fileType', { types: allowed.join(', ') });
      }
      received = { name, written: await writeStoredFile(deps.config, deps.now(), part.file), truncated: part.file.truncated };
      if (received.truncated) break;
    }
  } catch (err) {
    if (received) await removeStoredFile(deps.config, received.written.storedName);
    throw asClientError(err);
  }
  return { fields, received };
}

/** Stores one uploaded file after checking size, type and content; optionally links it to a record. */
export async function uploadAttachment(deps: Deps, meta: RequestMeta, req: FastifyRequest): Promise<AttachmentDto> {
  if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
  const today = localDate(deps.now());
  const maxMb = await getSetting(deps.db, 'files.maxUploadMb', today);
  const allowed = await getSetting(deps.db, 'files.allowedTypes', today);
  const { fields, received } = await receive(deps, req, megabytes(maxMb), allowed, meta);
  if (!received) throw invalid({ file: 'field.required' });
  let keep = false;
  try {
    if (received.truncated) throw fileError(meta, 413, 'PAYLOAD_TOO_LARGE', 'field.fileTooLarge', { max: maxMb });
    if (received.written.size === 0) throw invalid({ file: 'field.fileEmpty' });
    const type = checkFileType(received.name, received.written.head, allowed);
    if (!type.ok) {
      throw type.reason === 'content_mismatch' ? invalid({ file: 'field.fileContent' }) : fileError(meta, 400, 'VALIDATION_FAILED', 'field.fileType', { types: allowed.join(', ') });
    }
    const link = parseInput(uploadFieldsSchema, fields, meta.locale);
    if (link.entity) {
      const check = attachmentAccessOf(deps, link.entity);
      if (!check) throw invalid({ entity: 'field.entityUnknown' });
      if (link.entityId !== undefined && !(await check(deps, meta.actor, link.entityId))) throw notFound();
    }
    const at = deps.now().toISOString();
    const dto = await inTransaction(deps.db, async (trx) => {
      const row = await insertAttachment(trx, {
        entity: link.entity ?? null,
        entity_id: link.entityId ?? null,
        original_name: received.name,
        stored_name: received.written.storedName,
        mime: type.mime,
        size: received.written.size,
        sha256: received.written.sha256,
        uploaded_by: meta.actor.id,
        created_at: at,
      });
      const out = presentAttachment(row);
      await writeAudit(trx, deps.engine, meta, { action: 'upload', entity: 'attachment', entityId: out.id, after: { ...out, entity: row.entity, entityId: row.entity_id } }, at);
      return out;
    });
    keep = true;
    return dto;
  } finally {
    if (!keep) await removeStoredFile(deps.config, received.written.storedName);
  }
}
