import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { notificationTitleKey } from '../../packages/domain/src/notify/notify.render.js';
import type { DatasetContext } from './types.js';

export type Actor = { id: number; name: string };

/** One decision of an approval: who decided which step, and when. */
export type Decision = { step: number; by: Actor; at: string; decision: 'approved' | 'returned'; comment: string | null };

export type ApprovalSpec = {
  entity: string;
  entityId: number;
  title: string;
  amountFen: number | null;
  submitter: Actor;
  at: string;
  /** Approvers per step (mode 'any'). */
  steps: Actor[][];
  /** The decisions taken so far, in order; an approval with none left to take is finished. */
  decisions: Decision[];
  link?: string;
};

/**
 * Approvals as the platform's approval component leaves them (rows, step slots, timeline, inbox
 * messages), for the records modules generate; ids continue after what is already stored.
 */
export class ApprovalWriter {
  readonly approvals: Insertable<DB['approvals']>[] = [];
  readonly steps: Insertable<DB['approval_steps']>[] = [];
  readonly events: Insertable<DB['approval_events']>[] = [];
  readonly notes: Insertable<DB['notifications']>[] = [];
  private nextId = 0;

  constructor(private readonly ctx: DatasetContext, private readonly notifySince: number) {}

  async init(): Promise<this> {
    const row = await this.ctx.db.selectFrom('approvals').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    this.nextId = Number(row?.m ?? 0);
    return this;
  }

  /** Inbox message, kept only for the recent past (older ones would have been read and are not generated). */
  note(userId: number, kind: string, params: Record<string, unknown>, entity: string, entityId: number | string, link: string, at: string, readProbability = 0.7): void {
    const t = Date.parse(at);
    if (t < this.notifySince) return;
    const read = this.ctx.rng.chance(readProbability) ? new Date(Math.min(t + this.ctx.rng.int(5, 600) * 60_000, this.ctx.now.getTime() - 60_000)).toISOString() : null;
    this.notes.push({ user_id: userId, kind, title_key: notificationTitleKey(kind), params_json: JSON.stringify(params), entity, entity_id: String(entityId), link, read_at: read, created_at: at });
  }

  /** Adds one approval; answers its id and final status. */
  add(spec: ApprovalSpec, audit: boolean): { id: number; status: 'pending' | 'approved' | 'returned'; updatedAt: string } {
    const id = ++this.nextId;
    const returned = spec.decisions.find((d) => d.decision === 'returned');
    const lastStepDone = spec.decisions.length ? spec.decisions[spec.decisions.length - 1]!.step : 0;
    const status = returned ? 'returned' : lastStepDone >= spec.steps.length ? 'approved' : 'pending';
    const currentStep = status === 'pending' ? lastStepDone + 1 : null;
    const last = spec.decisions[spec.decisions.length - 1];
    const updatedAt = last?.at ?? spec.at;
    const link = `/approvals/${id}`;
    const params = { title: spec.title, actor: spec.submitter.name };
    this.approvals.push({
      id,
      entity: spec.entity,
      entity_id: spec.entityId,
      title: spec.title,
      status,
      current_step: currentStep,
      amount_fen: spec.amountFen,
      step_started_at: updatedAt,
      last_reminded_at: null,
      decided_at: status === 'pending' ? null : updatedAt,
      version: 1 + spec.decisions.length,
      created_at: spec.at,
      created_by: spec.submitter.id,
      updated_at: updatedAt,
    });
    this.events.push({ approval_id: id, at: spec.at, actor_id: spec.submitter.id, kind: 'submitted', step_no: null, comment: null, target_user_id: null });
    if (audit) {
      this.ctx.audit.push({ at: spec.at, actor: spec.submitter, ip: null, action: 'start', entity: 'approval', entityId: id, after: { entity: spec.entity, entityId: spec.entityId, title: spec.title, amountFen: spec.amountFen, steps: spec.steps.map((s) => ({ mode: 'any', approverIds: s.map((a) => a.id) })), ccUserIds: [] } });
    }
    spec.steps.forEach((approvers, i) => {
      const stepNo = i + 1;
      const decided = spec.decisions.find((d) => d.step === stepNo);
      const reached = stepNo === 1 || spec.decisions.some((d) => d.step === stepNo - 1 && d.decision === 'approved');
      if (reached) {
        const startedAt = stepNo === 1 ? spec.at : spec.decisions.find((d) => d.step === stepNo - 1)!.at;
        for (const a of approvers) this.note(a.id, 'approval.pending', params, spec.entity, spec.entityId, link, startedAt, decided ? 0.95 : 0.3);
      }
      for (const a of approvers) {
        const mine = decided && decided.by.id === a.id;
        this.steps.push({ approval_id: id, step_no: stepNo, mode: 'any', approver_id: a.id, decision: mine ? decided.decision : null, comment: mine ? decided.comment : null, decided_at: mine ? decided.at : null });
      }
    });
    spec.decisions.forEach((d, i) => {
      this.events.push({ approval_id: id, at: d.at, actor_id: d.by.id, kind: d.decision, step_no: d.step, comment: d.comment, target_user_id: null });
      const after = d.decision === 'returned' ? { status: 'returned', currentStep: null } : d.step >= spec.steps.length ? { status: 'approved', currentStep: null } : { status: 'pending', currentStep: d.step + 1 };
      if (audit) this.ctx.audit.push({ at: d.at, actor: d.by, ip: null, action: d.decision === 'approved' ? 'approve' : 'return', entity: 'approval', entityId: id, before: { status: 'pending', currentStep: d.step }, after: { ...after, comment: d.comment } });
      if (i === spec.decisions.length - 1 && status !== 'pending') {
        this.note(spec.submitter.id, 'approval.decided', { title: spec.title, actor: d.by.name, result: `i18n:approval.result.${status}` }, spec.entity, spec.entityId, link, d.at, 0.8);
      }
    });
    return { id, status, updatedAt };
  }

  async flush(): Promise<Record<string, number>> {
    this.notes.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
    await this.ctx.insert('approvals', this.approvals);
    await this.ctx.insert('approval_steps', this.steps);
    await this.ctx.insert('approval_events', this.events);
    await this.ctx.insert('notifications', this.notes);
    return { approvals: this.approvals.length, approval_steps: this.steps.length, approval_events: this.events.length, notifications: this.notes.length };
  }
}
