import type { z } from 'zod';
import type { DocumentCategory } from '@domain/delivery/documents.rules.js';
import type { DocumentDto, documentCreateSchema, documentVersionCreateSchema } from '@domain/delivery/document.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { attachmentsByIds, linkAttachments } from '../../platform/files/attachments.js';
import { requireOpen, requireTeamMember } from './delivery.scope.js';
import { loadProject } from './projects.service.js';

async function documentsOf(db: Executor, projectId: number, filter: { category?: string; id?: number } = {}): Promise<DocumentDto[]> {
  let q = db.selectFrom('project_documents').selectAll().where('project_id', '=', projectId);
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.id) q = q.where('id', '=', filter.id);
  const docs = await q.orderBy('category').orderBy('id').execute();
  if (docs.length === 0) return [];
  const versions = await db
    .selectFrom('project_document_versions as v')
    .innerJoin('users as u', 'u.id', 'v.uploaded_by')
    .select(['v.attachment_id', 'v.document_id', 'v.version_no', 'v.note as version_note', 'v.uploaded_by as version_by', 'v.created_at as version_at', 'u.name as uploader_name'])
    .where('v.document_id', 'in', docs.map((d) => d.id))
    .orderBy('v.version_no', 'desc')
    .execute();
  const files = await attachmentsByIds(db, versions.map((v) => v.attachment_id));
  return docs.map((d) => ({
    id: d.id,
    version: d.version,
    projectId: d.project_id,
    category: d.category as DocumentCategory,
    title: d.title,
    currentVersion: d.current_version,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    versions: versions
      .filter((v) => v.document_id === d.id)
      .map((v) => ({ versionNo: v.version_no, note: v.version_note, uploadedBy: v.version_by, uploadedByName: v.uploader_name, createdAt: v.version_at, file: files.get(v.attachment_id)! })),
  }));
}

export async function listDocuments(db: Executor, meta: RequestMeta, projectId: number, category?: string) {
  await loadProject(db, meta, projectId);
  const items = await documentsOf(db, projectId, { category });
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

type FileInput = { projectId: number; category: DocumentCategory; title: string; attachmentId: number; note: string; at: string; documentId?: number };

/** Files an attachment as the next version of a document (created if new), inside the caller's transaction. */
export async function fileDocumentVersion(trx: Executor, meta: RequestMeta, f: FileInput): Promise<{ documentId: number; versionNo: number }> {
  let doc = f.documentId
    ? await trx.selectFrom('project_documents').selectAll().where('id', '=', f.documentId).where('project_id', '=', f.projectId).executeTakeFirst()
    : await trx.selectFrom('project_documents').selectAll().where('project_id', '=', f.projectId).where('category', '=', f.category).where('title', '=', f.title).executeTakeFirst();
  if (f.documentId && !doc) throw notFound();
  if (!doc) {
    doc = await trx
      .insertInto('project_documents')
      .values({ project_id: f.projectId, category: f.category, title: f.title, current_version: 0, version: 1, created_at: f.at, created_by: meta.actor.id, updated_at: f.at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const versionNo = doc.current_version + 1;
  await trx.insertInto('project_document_versions').values({ document_id: doc.id, version_no: versionNo, attachment_id: f.attachmentId, note: f.note, uploaded_by: meta.actor.id, created_at: f.at }).execute();
  await trx.updateTable('project_documents').set({ current_version: versionNo, version: doc.version + 1, updated_at: f.at }).where('id', '=', doc.id).where('current_version', '=', doc.current_version).execute();
  return { documentId: doc.id, versionNo };
}

/** [2.2.3] a team member files a document in the project archive. */
export function createDocument(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof documentCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    const at = nowIso(deps);
    const doc = await trx
      .insertInto('project_documents')
      .values({ project_id: projectId, category: input.category, title: input.title, current_version: 0, version: 1, created_at: at, created_by: meta.actor.id, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkAttachments(trx, { ids: [input.attachmentId], entity: 'project_document', entityId: doc.id, actor: meta.actor, field: 'attachmentId' });
    await fileDocumentVersion(trx, meta, { projectId, category: input.category, title: input.title, attachmentId: input.attachmentId, note: input.note, at, documentId: doc.id });
    const [dto] = await documentsOf(trx, projectId, { id: doc.id });
    await writeAudit(trx, deps.engine, meta, { action: 'create', entity: 'project_document', entityId: doc.id, after: { projectId, category: input.category, title: input.title, attachmentId: input.attachmentId } }, at);
    return dto!;
  });
}

/** A new version of a filed document; earlier versions stay. */
export function addDocumentVersion(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, documentId: number, input: z.infer<typeof documentVersionCreateSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    await requireTeamMember(trx, project, meta.actor);
    requireOpen(project);
    const doc = await trx.selectFrom('project_documents').selectAll().where('id', '=', documentId).where('project_id', '=', projectId).executeTakeFirst();
    if (!doc) throw notFound();
    const at = nowIso(deps);
    await linkAttachments(trx, { ids: [input.attachmentId], entity: 'project_document', entityId: doc.id, actor: meta.actor, field: 'attachmentId' });
    const { versionNo } = await fileDocumentVersion(trx, meta, { projectId, category: doc.category as DocumentCategory, title: doc.title, attachmentId: input.attachmentId, note: input.note, at, documentId: doc.id });
    await writeAudit(trx, deps.engine, meta, { action: 'add-version', entity: 'project_document', entityId: doc.id, before: { currentVersion: doc.current_version }, after: { currentVersion: versionNo, attachmentId: input.attachmentId } }, at);
    const [dto] = await documentsOf(trx, projectId, { id: doc.id });
    return dto!;
  });
}
