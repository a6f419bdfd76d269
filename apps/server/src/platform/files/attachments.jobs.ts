import type { Job } from '../scheduler/scheduler.js';
import { removeStoredFile } from './storage.js';

/** Uploads never linked to a record within this time are removed with their files. */
export const UNLINKED_TTL_HOURS = 48;

export const purgeUnlinkedAttachmentsJob: Job = {
  name: 'purge-unlinked-attachments',
  pattern: '41 3 * * *',
  run: async (deps, at) => {
    const cutoff = new Date(at.getTime() - UNLINKED_TTL_HOURS * 3600_000).toISOString();
    for (;;) {
      const rows = await deps.db.selectFrom('attachments').select(['id', 'stored_name']).where('entity_id', 'is', null).where('created_at', '<', cutoff).orderBy('id').limit(500).execute();
      if (rows.length === 0) return;
      await deps.db.deleteFrom('attachments').where('id', 'in', rows.map((r) => r.id)).where('entity_id', 'is', null).execute();
      const still = new Set((await deps.db.selectFrom('attachments').select('id').where('id', 'in', rows.map((r) => r.id)).execute()).map((r) => r.id));
      for (const r of rows) if (!still.has(r.id)) await removeStoredFile(deps.config, r.stored_name);
      if (rows.length < 500) return;
    }
  },
};
