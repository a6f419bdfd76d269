import { sql } from 'kysely';
import { DEFAULT_TEMPLATES } from '@domain/appraisal/template.defaults.js';
import type { Executor } from '../../platform/db/executor.js';

export type CycleType = 'monthly' | 'annual';

/** The built-in template counts from this date, so some version is always in force. */
export const DEFAULT_TEMPLATE_FROM = '2000-01-01';

export function templateSelect(db: Executor) {
  return db
    .selectFrom('appraisal_templates as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .selectAll('t')
    .select(['u.name as created_by_name', sql<number>`(select count(*) from appraisals x where x.template_id = t.id)`.as('appraisal_count')]);
}
export type TemplateRow = Awaited<ReturnType<ReturnType<typeof templateSelect>['executeTakeFirstOrThrow']>>;

/** Stores the built-in template of a type as version 1 the first time anyone needs it. */
export async function ensureDefaultTemplate(db: Executor, type: CycleType, at: string): Promise<void> {
  const any = await db.selectFrom('appraisal_templates').select('id').where('type', '=', type).limit(1).executeTakeFirst();
  if (any) return;
  const def = DEFAULT_TEMPLATES[type];
  await db
    .insertInto('appraisal_templates')
    .values({ type, version_no: 1, name: def.name, effective_from: DEFAULT_TEMPLATE_FROM, note: '', content_json: JSON.stringify({ dimensions: def.dimensions }), created_by: null, created_at: at })
    .onConflict((oc) => oc.columns(['type', 'version_no']).doNothing())
    .execute();
}

/** The version in force on `onDate`: the latest effective date not after it, the latest version among equals. */
export function templateInForce(db: Executor, type: CycleType, onDate: string) {
  return templateSelect(db)
    .where('t.type', '=', type)
    .where('t.effective_from', '<=', onDate)
    .orderBy('t.effective_from', 'desc')
    .orderBy('t.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listTemplates(db: Executor, type: CycleType | undefined, page: number, pageSize: number) {
  const build = () => (type ? templateSelect(db).where('t.type', '=', type) : templateSelect(db));
  const [items, count] = await Promise.all([
    build().orderBy('t.type').orderBy('t.version_no', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}
