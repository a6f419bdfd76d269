import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { nameKey } from '../../apps/server/src/modules/sales/customers.repo.js';
import { CUSTOMER_SIZES, INDUSTRIES } from '../../packages/domain/src/sales/customer.schema.js';
import { mobile, personName } from '../lib/chinese.js';
import type { Size } from '../lib/target.js';
import { ApprovalWriter } from './approvals-kit.js';
import { Codes, DAY, HOUR, actor, collectGarbage, counterRows, iso, loadPeople, pickAt, type People, type User } from './dataset-people.js';
import { planPipeline } from './sales-pipeline.js';
import { address, companyName, uscc, CONTACT_TITLES, type Industry } from './sales-text.js';
import type { DatasetContext, DatasetPart } from './types.js';

const COUNTS = {
  S: { customers: 80, leads: 300 },
  M: { customers: 5_000, leads: 20_000 },
  L: { customers: 50_000, leads: 200_000 },
} as const satisfies Record<Size, unknown>;

/** Only recent activity is written to the audit log and the inboxes (the rest is history before the sample). */
const AUDIT_DAYS = { customers: 10, leads: 3, proposals: 7, contracts: 30 };
const NOTIFY_DAYS = 30;
const POOL_IDLE_DAYS = 30;
const MAX_PROTECTED = 50;

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = INDUSTRIES.map((i) => [i, { manufacturing: 16, it: 14, finance: 10, retail: 9, government: 9, healthcare: 8, education: 7, energy: 7, logistics: 6, construction: 6, media: 4, other: 4 }[i]] as const);
const SIZE_WEIGHTS = CUSTOMER_SIZES.map((s) => [s, { micro: 8, small: 25, medium: 35, large: 22, enterprise: 10 }[s]] as const);

export type CustomerPlan = {
  id: number;
  createdAt: number;
  createdBy: User;
  name: string;
  short: string;
  industry: Industry;
  region: string;
  source: string;
  contact: { name: string; phone: string };
  lastActivity: number;
  owner: number | null;
};

function planCustomers(ctx: DatasetContext, people: People, n: number, from: number, to: number) {
  const { rng } = ctx;
  const times = Array.from({ length: n }, () => from + Math.pow(rng.next(), 0.8) * (to - from)).sort((a, b) => a - b);
  const keys = new Set<string>();
  const customers: CustomerPlan[] = [];
  const rows: Insertable<DB['customers']>[] = [];
  const contacts: Insertable<DB['contacts']>[] = [];
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    const id = i + 1;
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const region = rng.pick(people.regions);
    let company = companyName(rng, industry, region, 0);
    for (let v = 1; keys.has(nameKey(company.name)); v++) company = companyName(rng, industry, region, v > 3 ? v : 0);
    keys.add(nameKey(company.name));
    const byMarketing = people.marketing.length > 0 && rng.chance(0.55);
    const creator = byMarketing ? pickAt(rng, people.marketing, t) : pickAt(rng, people.byRegion.get(region) ?? people.business, t);
    const source = byMarketing ? rng.weighted([['marketing', 5], ['exhibition', 3], ['website', 4]] as const) : rng.weighted([['referral', 4], ['cold_call', 3], ['partner', 2], ['existing', 1], ['other', 1]] as const);
    const at = iso(t);
    const nContacts = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
    let primary = { name: '', phone: '' };
    for (let k = 0; k < nContacts; k++) {
      const p = personName(rng);
      const phone = rng.chance(0.92) ? mobile(rng) : '';
      if (k === 0) primary = { name: p.name, phone };
      contacts.push({ customer_id: id, name: p.name, title: rng.pick(CONTACT_TITLES), phone, email: rng.chance(0.6) ? `${p.pinyin}@c${id}.com.cn` : '', is_primary: k === 0 ? 1 : 0, note: '', version: 1, created_at: at, created_by: creator.id, updated_at: at });
    }
    customers.push({ id, createdAt: t, createdBy: creator, name: company.name, short: company.short, industry, region, source, contact: primary, lastActivity: t, owner: byMarketing ? null : creator.id });
    rows.push({
      id,
      name: company.name,
      name_key: nameKey(company.name),
      uscc: rng.chance(0.88) ? uscc(rng, company.division, id, industry === 'government') : null,
      industry,
      region,
      size: rng.weighted(SIZE_WEIGHTS),
      source,
      address: rng.chance(0.9) ? address(rng, company) : '',
      note: rng.chance(0.2) ? rng.pick(['年度框架客户', '重点跟进客户', '需注意回款周期', '老客户转介绍', '有二期建设计划']) : '',
      owner_id: null,
      last_activity_at: at,
      pooled_at: null,
      version: 1,
      created_at: at,
      created_by: creator.id,
      updated_at: at,
    });
  }
  contacts.forEach((c, i) => Object.assign(c, { id: i + 1 }));
  return { customers, rows, contacts };
}

/**
 * Ownership as the shared-pool rules leave it: the latest assignee (or the business creator) owns
 * a customer until it is idle for the setting's days, when the nightly job returns it to the pool;
 * nobody holds more than the setting's maximum.
 */
function settleOwnership(ctx: DatasetContext, customers: CustomerPlan[], rows: Insertable<DB['customers']>[]) {
  const now = ctx.now.getTime();
  const held = new Map<number, CustomerPlan[]>();
  for (const c of customers) {
    if (c.owner !== null && now - c.lastActivity < POOL_IDLE_DAYS * DAY) held.set(c.owner, [...(held.get(c.owner) ?? []), c]);
  }
  const keep = new Set<number>();
  for (const list of held.values()) for (const c of list.sort((a, b) => b.lastActivity - a.lastActivity).slice(0, MAX_PROTECTED)) keep.add(c.id);
  customers.forEach((c, i) => {
    const row = rows[i]!;
    row.last_activity_at = iso(c.lastActivity);
    if (keep.has(c.id)) {
      row.owner_id = c.owner;
      return;
    }
    if (c.owner === null) {
      row.pooled_at = row.created_at;
      return;
    }
    // Returned to the pool by the job the night after it became idle (or released by its owner).
    const pooled = Math.min(c.lastActivity + POOL_IDLE_DAYS * DAY + ctx.rng.int(1, 24) * HOUR, now - HOUR);
    row.pooled_at = iso(pooled);
    row.version = 2;
    row.updated_at = iso(Math.max(pooled, Date.parse(row.created_at)));
  });
}

/** Sales [3.1]: customers with contacts, leads through evaluation and analysis, proposals with versions and reviews, contracts with payment schedules. */
export const salesDataset: DatasetPart = {
  module: 'sales',
  async generate(ctx, size) {
    const counts = COUNTS[size];
    const people = await loadPeople(ctx);
    if (people.managers.length === 0) throw new Error('the dataset has no manager');
    const now = ctx.now.getTime();
    const from = now - 715 * DAY;
    const { customers, rows: customerRows, contacts } = planCustomers(ctx, people, counts.customers, from, now - 2 * HOUR);
    const codes = new Codes();
    const approvals = await new ApprovalWriter(ctx, now - NOTIFY_DAYS * DAY).init();
    const pipeline = planPipeline(ctx, people, customers, counts.leads, codes, approvals, AUDIT_DAYS);
    settleOwnership(ctx, customers, customerRows);

    for (const c of customers) {
      if (now - c.createdAt > AUDIT_DAYS.customers * DAY) continue;
      const row = customerRows[c.id - 1]!;
      ctx.audit.push({ at: row.created_at, actor: actor(c.createdBy), ip: null, action: 'create', entity: 'customer', entityId: c.id, after: { id: c.id, name: c.name, uscc: row.uscc, industry: c.industry, region: c.region, size: row.size, source: c.source, ownerId: c.owner, inPool: c.owner === null, contacts: contacts.filter((k) => k.customer_id === c.id).map((k) => ({ name: k.name, phone: k.phone, isPrimary: k.is_primary === 1 })) } });
    }

    await ctx.insert('customers', customerRows);
    await ctx.insert('contacts', contacts);
    await ctx.insert('leads', pipeline.leads);
    await ctx.insert('needs_analyses', pipeline.analyses);
    await ctx.insert('proposals', pipeline.proposals);
    await ctx.insert('proposal_versions', pipeline.versions);
    await ctx.insert('negotiations', pipeline.negotiations);
    await ctx.insert('contracts', pipeline.contracts);
    await ctx.insert('contract_instalments', pipeline.instalments);
    const counters = counterRows(codes.seqs);
    await ctx.db.insertInto('counters').values(counters).execute();
    const approvalRows = await approvals.flush();
    return {
      customers: customerRows.length,
      contacts: contacts.length,
      leads: pipeline.leads.length,
      needs_analyses: pipeline.analyses.length,
      proposals: pipeline.proposals.length,
      proposal_versions: pipeline.versions.length,
      negotiations: pipeline.negotiations.length,
      contracts: pipeline.contracts.length,
      contract_instalments: pipeline.instalments.length,
      ...approvalRows,
    };
  },
};

