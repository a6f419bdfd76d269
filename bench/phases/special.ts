import type { HttpClient, Session } from '../lib/http.js';
import { summarize, type Summary } from '../lib/stats.js';
import type { BenchEnv, ModuleBench, SpecialResult } from '../scenarios/types.js';

export type SpecialOutcome = SpecialResult & { name: string; target: string; limitMs?: number; limitRssMb?: number; summary: Summary | null; error?: string };

/** Runs every module's special measurements (docs/design.md §10) one after another against the running server. */
export async function measureSpecials(
  ctx: { http: HttpClient; port: number; pid: number; env: BenchEnv; quick: boolean; sessions: Map<string, Session> },
  modules: readonly ModuleBench[],
  log: (line: string) => void,
): Promise<SpecialOutcome[]> {
  const out: SpecialOutcome[] = [];
  for (const s of modules.flatMap((m) => m.special ?? [])) {
    log(`  special: ${s.name}`);
    const base = { name: s.name, target: s.target, limitMs: s.limitMs, limitRssMb: s.limitRssMb };
    try {
      const r = await s.run({
        http: ctx.http,
        port: ctx.port,
        pid: ctx.pid,
        env: ctx.env,
        quick: ctx.quick,
        session: (role) => {
          const session = ctx.sessions.get(role);
          if (!session) throw new Error(`no session for role ${role}`);
          return session;
        },
      });
      out.push({ ...base, ...r, summary: r.ms.length ? summarize(r.ms) : null });
    } catch (err) {
      // One failed measurement is reported (✗) instead of losing the whole run.
      const message = err instanceof Error ? err.message : String(err);
      log(`  special ${s.name} failed: ${message}`);
      out.push({ ...base, ms: [], summary: null, error: message.slice(0, 300) });
    }
  }
  return out;
}

/** A special meets its target when the median run and the peak RSS are within their limits. */
export function specialOk(s: SpecialOutcome): boolean | undefined {
  if (s.error) return false;
  if (!s.summary) return undefined;
  const timeOk = s.limitMs === undefined || s.summary.median < s.limitMs;
  const rssOk = s.limitRssMb === undefined || (s.peakRssMb !== undefined && s.peakRssMb < s.limitRssMb);
  return timeOk && rssOk;
}
