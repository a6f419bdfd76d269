import { notificationTitleKey } from '../../packages/domain/src/notify/notify.render.js';
import type { Size } from '../lib/target.js';
import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { DatasetPart } from './types.js';

const COUNTS = { S: 10, M: 60, L: 400 } as const satisfies Record<Size, number>;
const DAY = 24 * 3600_000;
/**
 * Only kinds no module's dataset part generates: proposals, expenses and change requests get their
 * approvals, consistent with the records, from the sales and delivery parts.
 */
const KINDS = [['training_plan', '年度培训计划审批', 1]] as const;

type Person = { id: number; name: string; role: string };

/**
 * Approvals as the platform's approval component leaves them — steps, timeline, the inbox
 * messages it sends — for two years of submissions: most approved, some returned, some pending.
 */
export const platformDataset: DatasetPart = {
  module: 'platform',
  async generate(ctx, size) {
    const people = (await ctx.db.selectFrom('users').select(['id', 'name', 'role']).where('active', '=', 1).execute()) as Person[];
    const of = (...roles: string[]) => people.filter((p) => roles.includes(p.role));
    const submitters = of('pm', 'specialist');
    const first = of('manager', 'deputy');
    const leaders = of('leader');
    const copied = of('hr', 'finance');
    const approvals: Insertable<DB['approvals']>[] = [];
    const steps: Insertable<DB['approval_steps']>[] = [];
    const events: Insertable<DB['approval_events']>[] = [];
    const notes: Insertable<DB['notifications']>[] = [];
    const seq = new Map<string, number>();
    for (let id = 1; id <= COUNTS[size]; id++) {
      const [entity, label] = ctx.rng.weighted(KINDS.map((k) => [k, k[2]] as const));
      const entityId = (seq.get(entity) ?? 0) + 1;
      seq.set(entity, entityId);
      const by = ctx.rng.pick(submitters);
      const at = ctx.rng.between(new Date(ctx.now.getTime() - 700 * DAY), new Date(ctx.now.getTime() - 3600_000));
      const amountFen = entity === 'training_plan' ? null : Math.round(Math.pow(ctx.rng.next(), 3) * 500_000) * 100;
      const chain = [ctx.rng.pick(first), ...(amountFen && amountFen > 20_000_000 ? [ctx.rng.pick(leaders)] : [])];
      const recent = ctx.now.getTime() - at.getTime() < 20 * DAY;
      const status = recent && ctx.rng.chance(0.6) ? 'pending' : ctx.rng.chance(0.85) ? 'approved' : 'returned';
      const title = `${label}：${ctx.rng.pick(['华东区域', '华南区域', '业务部', '市场部'])} #${entityId}`;
      const params = JSON.stringify({ title, actor: by.name });
      const link = `/approvals/${id}`;
      const iso = (t: Date) => t.toISOString();
      const decidedStep = status === 'pending' ? (chain.length > 1 && ctx.rng.chance(0.5) ? 1 : 0) : status === 'returned' ? ctx.rng.int(1, chain.length) : chain.length;
      const cc = ctx.rng.chance(0.3) ? [ctx.rng.pick(copied)] : [];
      events.push({ approval_id: id, at: iso(at), actor_id: by.id, kind: 'submitted', step_no: null, comment: null, target_user_id: null });
      for (const c of cc) {
        events.push({ approval_id: id, at: iso(at), actor_id: by.id, kind: 'cc', step_no: null, comment: null, target_user_id: c.id });
        notes.push({ user_id: c.id, kind: 'approval.cc', title_key: notificationTitleKey('approval.cc'), params_json: params, entity, entity_id: String(entityId), link, read_at: ctx.rng.chance(0.7) ? iso(at) : null, created_at: iso(at) });
      }
      ctx.audit.push({ at: iso(at), actor: by, ip: null, action: 'start', entity: 'approval', entityId: id, after: { entity, entityId, title, amountFen, steps: chain.map((a) => ({ mode: 'any', approverIds: [a.id] })), ccUserIds: cc.map((c) => c.id) } });
      let t = at;
      let updated = at;
      chain.forEach((approver, i) => {
        const stepNo = i + 1;
        const reached = stepNo <= Math.max(1, decidedStep + (status === 'pending' ? 1 : 0));
        if (reached) notes.push({ user_id: approver.id, kind: 'approval.pending', title_key: notificationTitleKey('approval.pending'), params_json: params, entity, entity_id: String(entityId), link, read_at: status === 'pending' && stepNo > decidedStep ? null : iso(t), created_at: iso(t) });
        const decided = stepNo <= decidedStep;
        const decision = decided ? (status === 'returned' && stepNo === decidedStep ? 'returned' : 'approved') : null;
        if (decided) {
          t = new Date(t.getTime() + ctx.rng.int(10, 72 * 60) * 60_000);
          updated = t;
          const comment = decision === 'returned' ? '预算依据不足，请补充测算' : ctx.rng.chance(0.4) ? '同意' : null;
          events.push({ approval_id: id, at: iso(t), actor_id: approver.id, kind: decision === 'returned' ? 'returned' : 'approved', step_no: stepNo, comment, target_user_id: null });
          ctx.audit.push({ at: iso(t), actor: approver, ip: null, action: decision === 'returned' ? 'return' : 'approve', entity: 'approval', entityId: id, before: { status: 'pending', currentStep: stepNo }, after: { status: decision === 'returned' || stepNo === chain.length ? decision : 'pending', currentStep: stepNo, comment } });
        }
        steps.push({ approval_id: id, step_no: stepNo, mode: 'any', approver_id: approver.id, decision, comment: null, decided_at: decided ? iso(t) : null });
      });
      if (status !== 'pending') notes.push({ user_id: by.id, kind: 'approval.decided', title_key: notificationTitleKey('approval.decided'), params_json: JSON.stringify({ title, actor: chain[decidedStep - 1]!.name, result: `i18n:approval.result.${status}` }), entity, entity_id: String(entityId), link, read_at: ctx.rng.chance(0.8) ? iso(updated) : null, created_at: iso(updated) });
      approvals.push({
        id, entity, entity_id: entityId, title, status, amount_fen: amountFen,
        current_step: status === 'pending' ? decidedStep + 1 : null,
        step_started_at: iso(updated),
        last_reminded_at: null,
        decided_at: status === 'pending' ? null : iso(updated),
        version: 1 + decidedStep, created_at: iso(at), created_by: by.id, updated_at: iso(updated),
      });
    }
    notes.sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
    await ctx.insert('approvals', approvals);
    await ctx.insert('approval_steps', steps);
    await ctx.insert('approval_events', events);
    await ctx.insert('notifications', notes);
    return { approvals: approvals.length, approval_steps: steps.length, approval_events: events.length, notifications: notes.length };
  },
};
