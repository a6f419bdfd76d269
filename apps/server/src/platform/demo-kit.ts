import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '@domain/shared/actor.js';
import type { Role } from '@domain/shared/roles.js';
import { localDate } from '@domain/settings/settings.rules.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import type { Deps, RequestMeta } from './context.js';
import { writeAudit } from './audit/audit.js';
import { writeStoredFile } from './files/storage.js';

/** The password of every demo user (`npm run demo`). */
export const DEMO_PASSWORD = 'Demo#2026';

/**
 * What each module's demo part (`ServerModule.demo`) works with: the server's dependencies,
 * dates relative to today, demo users as request metas, and stored uploads. Demo data is made
 * through the modules' own services, so it is what users would have produced.
 */
export type DemoKit = {
  database: Database;
  deps: Deps;
  db: Kysely<DB>;
  /** When loading started (ISO), for records written directly. */
  at: string;
  /** Today, and a day `n` days from it (negative: in the past). */
  today: string;
  day: (n: number) => string;
  /** The request meta a demo user's requests would carry. */
  as: (username: string) => RequestMeta;
  userId: (username: string) => number;
  /** A small PDF stored like an upload by `username`, not yet linked to a record. */
  file: (username: string, name: string) => Promise<number>;
  /** Reads the users again (after the org demo added them). */
  refresh: () => Promise<void>;
};

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

type UserRow = { id: number; username: string; name: string; role: string; department_id: number | null; business_areas: string };

export function demoKit(database: Database, deps: Deps): DemoKit {
  let byName = new Map<string, UserRow>();
  const user = (username: string): UserRow => {
    const u = byName.get(username);
    if (!u) throw new Error(`demo user ${username} not loaded (kit.refresh reads them)`);
    return u;
  };
  const today = localDate(deps.now());
  const file = async (username: string, name: string) => {
    const body = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${name}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
    const written = await writeStoredFile(deps.config, deps.now(), Readable.from([body]));
    const at = deps.now().toISOString();
    return database.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachments')
        .values({ entity: null, entity_id: null, original_name: name, stored_name: written.storedName, mime: 'application/pdf', size: written.size, sha256: written.sha256, uploaded_by: user(username).id, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, deps.engine, kit.as(username), { action: 'upload', entity: 'attachment', entityId: row.id, after: { name, size: written.size, sha256: written.sha256 } }, at);
      return row.id;
    });
  };
  const kit: DemoKit = {
    database,
    deps,
    db: database.db,
    at: deps.now().toISOString(),
    today,
    day: (n) => addDays(today, n),
    as: (username) => {
      const u = user(username);
      const actor: Actor = { id: u.id, username: u.username, name: u.name, role: u.role as Role, departmentId: u.department_id, businessAreas: JSON.parse(u.business_areas) as string[], via: 'session' };
      return { actor, ip: null, locale: 'zh-CN' };
    },
    userId: (username) => user(username).id,
    file,
    refresh: async () => {
      const users = await database.db.selectFrom('users').select(['id', 'username', 'name', 'role', 'department_id', 'business_areas']).execute();
      byName = new Map(users.map((u) => [u.username, u]));
    },
  };
  return kit;
}
