import type { Engine } from '../../apps/server/src/platform/db/database.js';
import { SIZES, postgresUrl, type Size } from './target.js';

export type BenchArgs = {
  size: Size;
  engines: Engine[];
  out: string | undefined;
  quick: boolean;
  skipData: boolean;
  /** Seconds of each autocannon run. */
  duration: number;
  json: string;
  strict: boolean;
  /** Offered request rate of the paced mixed load (req/s over all users). */
  rate: number;
};

function value(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

const KNOWN = ['--size', '--engine', '--out', '--quick', '--skip-data', '--duration', '--json', '--strict', '--rate'];

/** `--size S|M|L --engine sqlite|postgres --out dir --quick --skip-data --duration s --json file --strict --rate req/s`. */
export function parseArgs(argv: string[], defaults: { engineDefault: 'sqlite' | 'all' }): BenchArgs {
  for (const a of argv) if (a.startsWith('--') && !KNOWN.includes(a.split('=')[0]!)) throw new Error(`unknown option ${a}; known: ${KNOWN.join(' ')}`);
  const size = (value(argv, '--size') ?? 'L').toUpperCase();
  if (!SIZES.includes(size as Size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const engine = value(argv, '--engine');
  if (engine && engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres');
  const engines: Engine[] = engine === 'sqlite' || engine === 'postgres' ? [engine] : defaults.engineDefault === 'sqlite' ? ['sqlite'] : postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
  const quick = argv.includes('--quick');
  const duration = Number(value(argv, '--duration') ?? (quick ? 3 : 20));
  if (!(duration > 0)) throw new Error('--duration must be a positive number of seconds');
  const rate = Number(value(argv, '--rate') ?? 600);
  if (!(rate > 0)) throw new Error('--rate must be a positive number of requests per second');
  return {
    size: size as Size,
    engines,
    out: value(argv, '--out'),
    quick,
    skipData: argv.includes('--skip-data'),
    duration,
    json: value(argv, '--json') ?? 'bench-results.json',
    strict: argv.includes('--strict'),
    rate,
  };
}
