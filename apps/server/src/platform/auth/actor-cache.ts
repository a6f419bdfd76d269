import type { Actor } from '@domain/shared/actor.js';

type Entry = { actor: Actor; csrfToken: string | null; expiresAt: number; cachedAt: number };

/**
 * A short-lived cache of resolved sessions and tokens, so a list request does not pay a
 * session lookup. Entries live a few seconds: a logout or deactivation on another instance
 * takes effect within that time; on this instance it is immediate.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly ttlMs = 5000, private readonly max = 10_000) {}

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.cachedAt > this.ttlMs || now >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, entry);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteUser(userId: number): void {
    for (const [key, entry] of this.entries) if (entry.actor.id === userId) this.entries.delete(key);
  }
}
