import type { AppraisalDetailDto, AppraisalListQuery, PeriodRecord } from '@domain/appraisal/appraisal.schema.js';
import { periodRange } from '@domain/appraisal/period.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { DEFAULT_LOCALE, type Locale } from '@domain/shared/locale.js';
import { localDate } from '@domain/settings/settings.rules.js';
import { contributionsTo, type Deps, type RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachments } from '../../platform/files/attachments.js';
import { auditTrailOf } from '../../platform/audit/audit-log.js';
import { salesModule } from '../sales/index.js';
import { getSetting } from '../../platform/settings/settings.js';
import { appraisalScopeOf } from './appraisal.scope.js';
import { findAppraisal, listAppraisals, type AppraisalFullRow } from './appraisals.repo.js';
import { presentAppraisal, presentAppraisalDetail } from './appraisals.presenter.js';

export async function listAppraisalsFor(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'>, query: AppraisalListQuery) {
  const today = localDate(deps.now());
  const scope = await appraisalScopeOf(db, meta.actor);
  const { items, total } = await listAppraisals(db, scope, meta.actor, query, today);
  return { items: items.map((r) => presentAppraisal(r, meta.actor, today)), total, page: query.page, pageSize: query.pageSize };
}

/** The appraisal if the actor's scope reaches it; 404 otherwise (no leaking). */
export async function loadAppraisal(db: Executor, meta: Pick<RequestMeta, 'actor'>, id: number): Promise<AppraisalFullRow> {
  const row = await findAppraisal(db, id, await appraisalScopeOf(db, meta.actor));
  if (!row) throw notFound();
  return row;
}

/** What the other modules hold about the employee in the appraisal's period, newest first. */
async function periodRecordsOf(deps: Deps, db: Executor, row: AppraisalFullRow, locale: Locale): Promise<PeriodRecord[]> {
  const { start, end } = periodRange(row.cycle_type as 'monthly' | 'annual', row.period);
  const lists = await Promise.all(
    contributionsTo(deps, 'appraisalEvidence').map(async (source) => {
      const sourceLabel = translate(locale, source.labelKey);
      return (await source.load(db, row.employee_id, start, end)).map((r) => ({ ...r, source: source.source, sourceLabel }));
    }),
  );
  return lists.flat().sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

export async function presentDetail(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'> & { locale?: Locale }, row: AppraisalFullRow): Promise<AppraisalDetailDto> {
  const [template, peers, links, attachments, timeline, peerAnonymous, periodRecords] = await Promise.all([
    db.selectFrom('appraisal_templates').select(['id', 'version_no', 'name', 'content_json']).where('id', '=', row.template_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('peer_reviews as p')
      .innerJoin('users as u', 'u.id', 'p.reviewer_id')
      .select(['p.id', 'p.reviewer_id', 'u.name as reviewer_name', 'p.status', 'p.teamwork_x100', 'p.communication_x100', 'p.score_x100', 'p.comment', 'p.submitted_at'])
      .where('p.appraisal_id', '=', row.id)
      .where('p.status', '!=', 'void')
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('customer_review_links as l')
      .leftJoin('customer_reviews as r', 'r.link_id', 'l.id')
      .select(['l.id', 'l.reviewer_name', 'l.customer_id', salesModule.queries.customerNameOf('l.customer_id').as('customer_name'), 'l.expires_at', 'l.used_at', 'l.voided_at', 'r.ratings_json', 'r.score_x100', 'r.comment', 'r.submitted_at'])
      .where('l.appraisal_id', '=', row.id)
      .orderBy('l.id')
      .execute(),
    listAttachments(db, 'appraisal', row.id),
    auditTrailOf(db, 'appraisal', row.id),
    getSetting(db, 'appraisal.peerAnonymous', row.opened_on),
    periodRecordsOf(deps, db, row, meta.locale ?? DEFAULT_LOCALE),
  ]);
  const ids = [row.supervisor_submitted_by, row.feedback_by, row.calibrated_by].filter((v): v is number => v !== null);
  const names = new Map(ids.length ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.name]) : []);
  const today = localDate(deps.now());
  return { ...presentAppraisalDetail(row, meta.actor, today, { template, peers, links, attachments, names, timeline, peerAnonymous, now: deps.now().toISOString() }), periodRecords };
}

export async function getAppraisalDetail(deps: Deps, db: Executor, meta: Pick<RequestMeta, 'actor'> & { locale?: Locale }, id: number) {
  return presentDetail(deps, db, meta, await loadAppraisal(db, meta, id));
}
