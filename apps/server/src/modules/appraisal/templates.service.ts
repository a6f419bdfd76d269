import type { TemplateCreate, TemplateDto } from '@domain/appraisal/template.schema.js';
import { localDate } from '@domain/settings/settings.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { ensureDefaultTemplate, listTemplates, templateInForce, templateSelect, type CycleType } from './templates.repo.js';
import { presentTemplate } from './templates.presenter.js';

async function inForceIds(db: Executor, today: string): Promise<Set<number>> {
  const ids = await Promise.all((['monthly', 'annual'] as const).map((type) => templateInForce(db, type, today)));
  return new Set(ids.filter((r) => !!r).map((r) => r!.id));
}

export async function listAppraisalTemplates(deps: Deps, db: Executor, query: { type?: CycleType; page: number; pageSize: number }) {
  const at = nowIso(deps);
  await ensureDefaultTemplate(db, 'monthly', at);
  await ensureDefaultTemplate(db, 'annual', at);
  const today = localDate(deps.now());
  const [{ items, total }, current] = await Promise.all([listTemplates(db, query.type, query.page, query.pageSize), inForceIds(db, today)]);
  return { items: items.map((r) => presentTemplate(r, current.has(r.id) ? r.id : null)), total, page: query.page, pageSize: query.pageSize };
}

export async function getAppraisalTemplate(deps: Deps, db: Executor, id: number): Promise<TemplateDto> {
  const row = await templateSelect(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const current = await inForceIds(db, localDate(deps.now()));
  return presentTemplate(row, current.has(row.id) ? row.id : null);
}

/**
 * A template is never edited in place: each change is a new version taking effect on a date
 * (today or later). Cycles keep the version they opened with, so no open appraisal changes.
 */
export function createAppraisalTemplate(deps: Deps, db: Executor, meta: RequestMeta, input: TemplateCreate): Promise<TemplateDto> {
  const today = localDate(deps.now());
  if (input.effectiveFrom < today) throw invalid({ effectiveFrom: 'field.dateNotPast' });
  return inTransaction(db, async (trx) => {
    const at = nowIso(deps);
    await ensureDefaultTemplate(trx, input.type, at);
    const last = await trx.selectFrom('appraisal_templates').select((eb) => eb.fn.max('version_no').as('v')).where('type', '=', input.type).executeTakeFirst();
    const versionNo = Number(last?.v ?? 0) + 1;
    const { id } = await trx
      .insertInto('appraisal_templates')
      .values({
        type: input.type,
        version_no: versionNo,
        name: input.name,
        effective_from: input.effectiveFrom,
        note: input.note ?? '',
        content_json: JSON.stringify({ dimensions: input.dimensions }),
        created_by: meta.actor.id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dto = await getAppraisalTemplate(deps, trx, id);
    await writeAudit(trx, deps.engine, meta, { action: 'create-version', entity: 'appraisal_template', entityId: id, after: dto }, at);
    return dto;
  });
}
