import { sql } from 'kysely';
import { canUseTrigram, ftsPhrase, normalizeSearch, snippetAround } from '@domain/delivery/lessons.rules.js';
import { LESSON_FIELDS, type LessonDto } from '@domain/delivery/retrospective.schema.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { escapeLike } from '../../platform/db/query.js';
import { salesModule } from '../sales/index.js';

function lessonSelect(db: Executor) {
  return db
    .selectFrom('project_retrospectives as r')
    .innerJoin('projects as j', 'j.id', 'r.project_id')
    .innerJoin('users as u', 'u.id', 'j.pm_id')
    .selectAll('r')
    .select(['j.code as project_code', 'j.name as project_name', 'j.closed_at', salesModule.queries.customerNameOf('j.customer_id').as('customer_name'), 'u.name as pm_name'])
    .where('j.status', '=', 'closed');
}

/**
 * The knowledge base [3.3.4]: retrospectives of closed projects, shared with the department.
 * Any substring of 2+ characters finds them: SQLite answers 3+ characters from its FTS5 trigram
 * index and shorter ones by scanning; PostgreSQL's ILIKE uses the pg_trgm index where there is one.
 */
export async function searchLessons(deps: Deps, db: Executor, query: { q?: string; page: number; pageSize: number }) {
  const q = query.q ? normalizeSearch(query.q) : '';
  const build = () => {
    let b = lessonSelect(db);
    if (!q) return b;
    const pattern = `%${escapeLike(q)}%`;
    if (deps.engine === 'postgres') b = b.where(sql<boolean>`r.search_text ilike ${pattern} escape '\\'`);
    else if (canUseTrigram(q)) b = b.where(sql<boolean>`r.id in (select rowid from lessons_fts where lessons_fts match ${ftsPhrase(q)})`);
    else b = b.where(sql<boolean>`r.search_text like ${pattern} escape '\\'`);
    return b;
  };
  const [rows, count] = await Promise.all([
    build().orderBy('j.closed_at', 'desc').orderBy('r.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  const items: LessonDto[] = rows.map((r) => {
    const fields = { wentWell: r.went_well, wentWrong: r.went_wrong, lessons: r.lessons, reusableAssets: r.reusable_assets };
    return {
      retrospectiveId: r.id,
      projectId: r.project_id,
      projectCode: r.project_code,
      projectName: r.project_name,
      customerName: r.customer_name,
      pmName: r.pm_name,
      closedAt: r.closed_at,
      ...fields,
      snippets: q ? LESSON_FIELDS.flatMap((f) => {
        const text = snippetAround(fields[f], q);
        return text ? [{ field: f, text }] : [];
      }) : [],
      updatedAt: r.updated_at,
    };
  });
  return { items, total: Number(count?.n ?? 0), page: query.page, pageSize: query.pageSize };
}
