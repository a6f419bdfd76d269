import { describe, expect, it } from 'vitest';
import { hashPassword, limited, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('runs at most two argon2 jobs at once, hands slots on, and frees a slot when a job fails', async () => {
    let now = 0;
    let peak = 0;
    const job = (ms: number, fail = false) =>
      limited(async () => {
        peak = Math.max(peak, ++now);
        await new Promise((r) => setTimeout(r, ms));
        now--;
        if (fail) throw new Error('boom');
        return ms;
      });
    const results = await Promise.allSettled([job(20), job(5, true), job(10), job(1), job(15), job(2), job(3)]);
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([20, 10, 1, 15, 2, 3]);
    // Nothing is left holding a slot: two more run side by side.
    peak = 0;
    await Promise.all([job(5), job(5)]);
    expect(peak).toBe(2);
  });

  it('verifies the right password only, and an unknown user costs a verification too', async () => {
    const stored = await hashPassword('Right#2026');
    await expect(verifyPassword(stored, 'Right#2026')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'Wrong#2026')).resolves.toBe(false);
    await expect(verifyPassword(null, 'Right#2026')).resolves.toBe(false);
  });
});
