import type { Insertable, Selectable } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import type { AttachmentDto } from '@domain/files/attachment.schema.js';
import type { AttachmentTable } from '../db/schema.js';
import type { AttachmentAccessCheck, Deps } from '../context.js';
import type { Executor } from '../db/executor.js';
import { invalid } from '../http/errors.js';

/**
 * Each module says who may read the attachments of its records (usually: whoever may see the
 * record) in its entry object's `attachmentAccess`; records of a kind without a rule cannot
 * have attachments.
 */
export function attachmentAccessOf(deps: Pick<Deps, 'modules'>, entity: string): AttachmentAccessCheck | undefined {
  return deps.modules.attachmentAccess.get(entity);
}

export type AttachmentRow = Selectable<AttachmentTable>;

export function presentAttachment(row: AttachmentRow): AttachmentDto {
  return {
    id: row.id,
    name: row.original_name,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** Unlinked attachments only their uploader may read; linked ones whoever the owning module allows. */
export async function canReadAttachment(deps: Deps, actor: Actor, row: AttachmentRow): Promise<boolean> {
  if (row.entity_id === null) return row.uploaded_by === actor.id;
  const check = row.entity ? attachmentAccessOf(deps, row.entity) : undefined;
  return check ? check(deps, actor, row.entity_id) : false;
}

export type LinkInput = {
  ids: number[];
  entity: string;
  entityId: number;
  actor: Actor;
  /** The request field the ids came in, for error messages (default `attachmentIds`). */
  field?: string;
};

/**
 * Links attachments the actor uploaded and has not linked yet to a record, inside the caller's
 * transaction. Someone else's, already linked, or unknown ids → 400 on `<field>.<index>`.
 */
export async function linkAttachments(trx: Executor, input: LinkInput): Promise<AttachmentDto[]> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return [];
  const field = input.field ?? 'attachmentIds';
  const rows = await trx.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
  const linkable = new Set(
    rows.filter((r) => r.uploaded_by === input.actor.id && r.entity_id === null && (r.entity === null || r.entity === input.entity)).map((r) => r.id),
  );
  const fields: Record<string, string> = {};
  input.ids.forEach((id, i) => {
    if (!linkable.has(id)) fields[`${field}.${i}`] = 'field.attachmentNotLinkable';
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const res = await trx
    .updateTable('attachments')
    .set({ entity: input.entity, entity_id: input.entityId })
    .where('id', 'in', ids)
    .where('uploaded_by', '=', input.actor.id)
    .where('entity_id', 'is', null)
    .executeTakeFirst();
  // A concurrent link of the same upload got there first.
  if (Number(res.numUpdatedRows) !== ids.length) throw invalid({ [field]: 'field.attachmentNotLinkable' });
  return listAttachments(trx, input.entity, input.entityId);
}

/** The attachments of one record, oldest first. */
export async function listAttachments(db: Executor, entity: string, entityId: number): Promise<AttachmentDto[]> {
  const rows = await db.selectFrom('attachments').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map(presentAttachment);
}

/** One stored attachment by id (its row: owner, link, stored name). */
export function findAttachment(db: Executor, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records an upload inside the caller's transaction; answers the stored row. */
export function insertAttachment(trx: Executor, values: Omit<Insertable<AttachmentTable>, 'id'>) {
  return trx.insertInto('attachments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The attachments of several records of one kind, oldest first, by record id. */
export async function attachmentsOf(db: Executor, entity: string, entityIds: readonly number[]): Promise<Map<number, AttachmentDto[]>> {
  const out = new Map<number, AttachmentDto[]>();
  if (entityIds.length === 0) return out;
  const rows = await db.selectFrom('attachments').selectAll().where('entity', '=', entity).where('entity_id', 'in', [...entityIds]).orderBy('id').execute();
  for (const r of rows) out.set(r.entity_id!, [...(out.get(r.entity_id!) ?? []), presentAttachment(r)]);
  return out;
}

/** Attachments by id (for records that keep attachment ids, such as document versions). */
export async function attachmentsByIds(db: Executor, ids: readonly number[]): Promise<Map<number, AttachmentDto>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('attachments').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, presentAttachment(r)]));
}
