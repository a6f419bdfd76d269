// npm run bench:data -- --size S|M|L [--engine sqlite|postgres] [--out dir]
import { generateDataset } from './dataset/generate-dataset.js';
import { parseArgs } from './lib/args.js';
import { datasetTarget } from './lib/target.js';

const args = parseArgs(process.argv.slice(2), { engineDefault: 'sqlite' });
for (const engine of args.engines) {
  const target = datasetTarget(engine, args.size, args.out);
  console.log(`Generating dataset ${args.size} on ${target.label} …`);
  const summary = await generateDataset(target);
  const rows = Object.entries(summary.rows).map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`).join(', ');
  console.log(`  created ${rows} in ${summary.seconds.toFixed(1)} s`);
}
