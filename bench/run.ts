// npm run bench -- [--size S|M|L] [--engine sqlite|postgres] [--quick] [--skip-data] [--duration s] [--json file] [--strict]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { ALL_ROUTES } from '../apps/server/src/modules.js';
import { generateDataset } from './dataset/generate-dataset.js';
import { parseArgs } from './lib/args.js';
import { renderTable } from './lib/report.js';
import { datasetTarget } from './lib/target.js';
import { benchEngine, type EngineResult } from './phases/engine.js';
import { BENCH_MODULES, assertListsCovered } from './scenarios/index.js';

const args = parseArgs(process.argv.slice(2), { engineDefault: 'all' });
assertListsCovered(ALL_ROUTES);

const log = (line: string) => process.stderr.write(`${line}\n`);
const loadBefore = os.loadavg();
if (loadBefore[0]! > 0.5) log(`warning: load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores: other work on this machine will skew the figures`);
const results: EngineResult[] = [];
const datasets: Record<string, Record<string, number> | 'reused'> = {};
for (const engine of args.engines) {
  const target = datasetTarget(engine, args.size, args.out);
  if (args.skipData) {
    if (!(await target.exists())) throw new Error(`--skip-data: no dataset at ${target.label}; run npm run bench:data -- --size ${args.size} --engine ${engine}`);
    datasets[engine] = 'reused';
  } else {
    log(`Dataset ${args.size} on ${target.label}`);
    const summary = await generateDataset(target);
    datasets[engine] = summary.rows;
    log(`  generated in ${summary.seconds.toFixed(1)} s`);
  }
  log(`Benchmark on ${engine}`);
  results.push(await benchEngine(target, BENCH_MODULES, { quick: args.quick, duration: args.duration, mixedUsers: 300, rate: args.rate, log }));
}

const { text, missed } = renderTable(results);
console.log(`\nYunying bench — dataset ${args.size}${args.quick ? ' (quick)' : ''}, load runs ${args.duration} s, ${os.cpus().length} cores, Node ${process.version}, load average before ${loadBefore[0]!.toFixed(2)}\n`);
console.log(text);
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}
const report = { at: new Date().toISOString(), commit, size: args.size, quick: args.quick, loadSeconds: args.duration, machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() }, datasets, results, targetsMissed: missed };
fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${args.json}${missed.length ? `; ${missed.length} target(s) missed (✗)` : '; every target met'}`);
if (args.strict && missed.length) process.exit(1);
