// Builds the web assets and the server bundle when their sources changed (content hash),
// so `npm start` never serves stale code and never rebuilds needlessly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function listFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

function sourceHash(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const full = path.join(root, input);
    const files = fs.existsSync(full) && fs.statSync(full).isDirectory() ? listFiles(full).sort() : [full];
    for (const file of files) {
      if (!fs.existsSync(file) || file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      hash.update(path.relative(root, file));
      hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex');
}

const TARGETS = {
  web: {
    out: 'dist/web',
    inputs: ['apps/web', 'packages/domain/src', 'vite.config.ts', 'package-lock.json'],
    async build() {
      const { build } = await import('vite');
      // A caller under test (Vitest sets NODE_ENV=test) must still get the production bundle.
      const previous = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
      } finally {
        if (previous === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = previous;
      }
      for (const file of listFiles(path.join(root, 'dist/web'))) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data));
      }
    },
  },
  server: {
    out: 'dist/server',
    inputs: ['apps/server/src', 'packages/domain/src', 'tsconfig.json', 'package-lock.json'],
    async build() {
      const esbuild = await import('esbuild');
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: { main: 'apps/server/src/main.ts' },
        outdir: 'dist/server',
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: true,
        outExtension: { '.js': '.mjs' },
        logLevel: 'warning',
      });
    },
  },
};

export async function ensureBuilt(names = ['web', 'server'], { force = false, quiet = false } = {}) {
  for (const name of names) {
    const target = TARGETS[name];
    const stampFile = path.join(root, target.out, '.source-hash');
    const hash = sourceHash(target.inputs);
    const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
    if (!force && current === hash) continue;
    const started = Date.now();
    if (!quiet) process.stdout.write(`  building ${name} … `);
    fs.rmSync(path.join(root, target.out), { recursive: true, force: true });
    await target.build();
    fs.mkdirSync(path.join(root, target.out), { recursive: true });
    fs.writeFileSync(stampFile, hash);
    if (!quiet) process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureBuilt(['web', 'server'], { force: process.argv.includes('--force') });
}
