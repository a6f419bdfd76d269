// `npm start`: build what is missing or stale, then run the server bundle.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (process.argv.includes('--demo')) process.env.YUNYING_DEMO = '1';
await ensureBuilt(['web', 'server']);
await import(path.join(root, 'dist/server/main.mjs'));
