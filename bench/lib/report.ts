import type { EngineResult } from '../phases/engine.js';
import { specialOk, type SpecialOutcome } from '../phases/special.js';

type Row = { label: string; target: string; cell: (r: EngineResult) => { text: string; ok?: boolean } };

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function specialText(s: SpecialOutcome): string {
  if (s.error) return `failed: ${s.error.slice(0, 60)}`;
  if (!s.summary) return s.note ?? 'skipped';
  const parts = [`${ms(s.summary.median)} (${s.ms.map(ms).join(', ')})`];
  if (s.peakRssMb !== undefined) parts.push(`peak RSS ${s.peakRssMb.toFixed(0)} MB`);
  if (s.rows !== undefined) parts.push(`${s.rows.toLocaleString('en-US')} rows`);
  if (s.bytes !== undefined) parts.push(`${(s.bytes / 1024).toFixed(0)} kB`);
  if (s.note) parts.push(s.note);
  return parts.join(' · ');
}

/** The rows of the result table; targets are docs/design.md §10's. */
function rows(first: EngineResult): Row[] {
  const out: Row[] = [
    { label: 'cold start to first /api/health 200 (ms)', target: '< 2000', cell: (r) => ({ text: `${ms(median(r.coldStartMs))} (${r.coldStartMs.map(ms).join(', ')})`, ok: median(r.coldStartMs) < 2000 }) },
    { label: 'idle RSS (MB)', target: '< 150', cell: (r) => ({ text: r.idleRssMb.toFixed(0), ok: r.idleRssMb < 150 }) },
  ];
  first.lists.forEach((l, i) =>
    out.push({
      label: `list ${l.name}: p50/p95 ms · SQL p50 · API/SQL`,
      target: 'p95 < 50, ratio ≤ 2',
      cell: (r) => {
        const x = r.lists[i]!;
        return { text: `${ms(x.api.median)}/${ms(x.api.p95)} · ${ms(x.sql.median)} · ×${x.ratio.toFixed(1)} (${x.total} rows)`, ok: x.api.p95 < 50 && x.ratio <= 2 };
      },
    }),
  );
  const timed = (key: 'records' | 'writes', target: string, limit?: number) =>
    first[key].forEach((t, i) =>
      out.push({ label: `${key === 'records' ? 'record' : 'write'} ${t.name}: p50/p95 ms`, target, cell: (r) => ({ text: `${ms(r[key][i]!.api.median)}/${ms(r[key][i]!.api.p95)}`, ok: limit === undefined ? undefined : r[key][i]!.api.p95 < limit }) }),
    );
  timed('records', 'p95 < 50', 50);
  timed('writes', '');
  first.special.forEach((sp, i) =>
    out.push({ label: `${sp.name}: median ms (runs)`, target: sp.target, cell: (r) => ({ text: specialText(r.special[i]!), ok: specialOk(r.special[i]!) }) }),
  );
  out.push({ label: `${first.login.name}: p50/p95 ms`, target: '', cell: (r) => ({ text: `${ms(r.login.api.median)}/${ms(r.login.api.p95)}` }) });
  out.push({ label: 'audit chain verify: p50 ms (entries)', target: '', cell: (r) => ({ text: `${ms(r.verify.api.median)} (${r.verify.checked})` }) });
  first.peer.forEach((p, i) => {
    const isList = i % 2 === 0;
    out.push({
      label: `peer ${p.name}: req/s · p99 ms · errors`,
      target: isList ? '≥ 1500 req/s, p99 < 20' : '≥ 3000 req/s',
      cell: (r) => {
        const x = r.peer[i]!;
        const bad = x.errors + x.non2xx;
        return { text: `${x.rps.toFixed(0)} · ${x.p99} · ${bad}`, ok: bad === 0 && (isList ? x.rps >= 1500 && x.p99 < 20 : x.rps >= 3000) };
      },
    });
  });
  out.push({
    label: `mixed load (${first.mixed.connections} users, 80/20, offered ${first.mixed.offeredRate} req/s): req/s · p50/p99 ms · non-2xx`,
    target: '≥ 500 req/s, p99 < 200',
    cell: (r) => {
      const m = r.mixed;
      const bad = m.errors + m.non2xx;
      return { text: `${m.rps.toFixed(0)} · ${m.p50}/${m.p99} · ${bad} (reads ${m.counts.reads}, writes ${m.counts.writes})`, ok: bad === 0 && m.rps >= 500 && m.p99 < 200 };
    },
  });
  out.push({
    label: `mixed load unpaced (${first.saturation.connections} users back to back, saturation): req/s · p50/p99 ms · non-2xx`,
    target: '',
    cell: (r) => {
      const m = r.saturation;
      return { text: `${m.rps.toFixed(0)} · ${m.p50}/${m.p99} · ${m.errors + m.non2xx}`, ok: m.errors + m.non2xx === 0 ? undefined : false };
    },
  });
  out.push({ label: 'audit chain verified after the load (entries)', target: 'intact', cell: (r) => ({ text: r.verifyAfterLoad.ok ? `intact (${r.verifyAfterLoad.checked})` : `BROKEN: ${r.verifyAfterLoad.error}`, ok: r.verifyAfterLoad.ok }) });
  out.push({ label: 'server peak RSS: under mixed load / VmHWM (MB)', target: '< 300', cell: (r) => ({ text: `${r.mixed.peakRssMb.toFixed(0)} / ${r.peakRssMb.toFixed(0)}`, ok: r.peakRssMb < 300 }) });
  return out;
}

/** Prints one row per measurement, one column per engine, with docs/design.md §10's target beside it. */
export function renderTable(results: EngineResult[]): { text: string; missed: string[] } {
  if (results.length === 0) return { text: '', missed: [] };
  const table = rows(results[0]!).map((row) => {
    const cells = results.map((r) => row.cell(r));
    return { label: row.label, cells: cells.map((c) => c.text + mark(c.ok)), target: row.target, missed: cells.some((c) => c.ok === false) };
  });
  const header = ['measurement', ...results.map((r) => r.engine), 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => [t.label, ...t.cells, t.target][i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  const text = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...table.map((t) => line([t.label, ...t.cells, t.target]))].join('\n');
  return { text, missed: table.filter((t) => t.missed).map((t) => t.label) };
}
