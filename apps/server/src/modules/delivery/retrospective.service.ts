import { sql } from 'kysely';
import type { z } from 'zod';
import type { RetrospectiveDto, retrospectiveUpsertSchema } from '@domain/delivery/retrospective.schema.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalidTransition, versionConflict } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { requireManage } from './delivery.scope.js';
import { loadProject } from './projects.service.js';
import { errorWith } from './delivery.support.js';

/** The retrospective is written once the work is delivered [3.3.4], before closing. */
const WRITABLE = new Set(['internal_acceptance', 'customer_acceptance', 'settlement']);

function retroSelect(db: Executor) {
  return db.selectFrom('project_retrospectives as r').innerJoin('users as u', 'u.id', 'r.author_id').selectAll('r').select('u.name as author_name');
}

function present(r: Awaited<ReturnType<ReturnType<typeof retroSelect>['executeTakeFirstOrThrow']>>): RetrospectiveDto {
  return { id: r.id, version: r.version, projectId: r.project_id, wentWell: r.went_well, wentWrong: r.went_wrong, lessons: r.lessons, reusableAssets: r.reusable_assets, authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function getRetrospective(db: Executor, meta: RequestMeta, projectId: number): Promise<RetrospectiveDto | null> {
  await loadProject(db, meta, projectId);
  const row = await retroSelect(db).where('r.project_id', '=', projectId).executeTakeFirst();
  return row ? present(row) : null;
}

/** Keeps the SQLite full-text index in step (PostgreSQL indexes the column itself). */
async function indexLesson(deps: Deps, trx: Executor, id: number, text: string) {
  if (deps.engine !== 'sqlite') return;
  await sql`delete from lessons_fts where rowid = ${id}`.execute(trx);
  await sql`insert into lessons_fts (rowid, search_text) values (${id}, ${text})`.execute(trx);
}

/** The PM writes or revises the retrospective; revising needs the version read (409 when stale). */
export function saveRetrospective(deps: Deps, db: Executor, meta: RequestMeta, projectId: number, input: z.infer<typeof retrospectiveUpsertSchema>) {
  return inTransaction(db, async (trx) => {
    const project = await loadProject(trx, meta, projectId);
    requireManage(project, meta.actor);
    if (!WRITABLE.has(project.status)) throw invalidTransition({ from: project.status, action: 'retrospective' });
    const existing = await retroSelect(trx).where('r.project_id', '=', projectId).executeTakeFirst();
    const at = nowIso(deps);
    const searchText = [input.wentWell, input.wentWrong, input.lessons, input.reusableAssets, project.name, project.customer_name].join('\n');
    const values = { went_well: input.wentWell, went_wrong: input.wentWrong, lessons: input.lessons, reusable_assets: input.reusableAssets, search_text: searchText, updated_at: at };
    let id: number;
    if (!existing) {
      if (input.version !== undefined) throw versionConflict();
      ({ id } = await trx.insertInto('project_retrospectives').values({ project_id: projectId, ...values, author_id: meta.actor.id, version: 1, created_at: at, created_by: meta.actor.id }).returning('id').executeTakeFirstOrThrow());
    } else {
      if (input.version === undefined) throw errorWith(meta, 409, 'VERSION_CONFLICT', { version: ['field.retrospectiveExists'] });
      if (input.version !== existing.version) throw versionConflict();
      const res = await trx.updateTable('project_retrospectives').set({ ...values, version: existing.version + 1 }).where('id', '=', existing.id).where('version', '=', input.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
      id = existing.id;
    }
    await indexLesson(deps, trx, id, searchText);
    const dto = present((await retroSelect(trx).where('r.id', '=', id).executeTakeFirst())!);
    await writeAudit(trx, deps.engine, meta, { action: existing ? 'update' : 'create', entity: 'project_retrospective', entityId: id, before: existing ? present(existing) : undefined, after: dto }, at);
    return dto;
  });
}
