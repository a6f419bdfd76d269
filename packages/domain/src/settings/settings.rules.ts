/** One stored version of a company setting. */
export type SettingVersion<V = unknown> = { id: number; value: V; effectiveFrom: string };

/**
 * The version in force on `onDate` (YYYY-MM-DD): the latest effective date not after it;
 * among versions with the same date the one stored last. Null when none applies yet.
 */
export function versionInForce<T extends SettingVersion>(versions: readonly T[], onDate: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > onDate) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.id > best.id)) best = v;
  }
  return best;
}

/** The calendar date (YYYY-MM-DD) of `at` in the server's time zone. */
export function localDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
