import crypto from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import { safeEqual } from '../../platform/auth/tokens.js';

const SECRET_NAME = 'appraisal.customer-link';

/** The HMAC key for customer links: stored in the database (so every instance agrees), made on first use. */
export async function linkSecret(db: Executor, at: string): Promise<string> {
  const found = await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('server_secrets')
    .values({ name: SECRET_NAME, value: crypto.randomBytes(32).toString('base64url'), created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow()).value;
}

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `<link id>.<expiry, epoch seconds>.<HMAC-SHA256 of both>`: nothing in it can be changed without the key. */
export function linkToken(secret: string, linkId: number, expiresAt: string): string {
  const payload = `${linkId}.${Math.floor(Date.parse(expiresAt) / 1000)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The link id a token names, or null when it was not signed with our key (tampered, made up). */
export function verifyLinkToken(secret: string, token: string): { linkId: number; expiresEpoch: number } | null {
  const m = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  if (!safeEqual(sign(secret, `${m[1]}.${m[2]}`), m[3]!)) return null;
  return { linkId: Number(m[1]), expiresEpoch: Number(m[2]) };
}
