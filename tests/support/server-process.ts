import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'yunying-server');
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

type BuildModule = { ensureBuilt: (names: string[], options?: { force?: boolean; quiet?: boolean }) => Promise<void> };

async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let bundle: Promise<string> | undefined;

/**
 * Builds the server bundle with scripts/build.mjs (`ensureBuilt(['server'])`, a no-op when current)
 * and answers a private copy named by its source hash, so a rebuild by anyone else while servers
 * start here cannot pull the file away. Bare imports still resolve from the repository's node_modules.
 */
export function serverBundle(): Promise<string> {
  bundle ??= withLock(path.join(cacheDir, 'build.lock'), async () => {
    const { ensureBuilt } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as BuildModule;
    await ensureBuilt(['server'], { quiet: true });
    const hash = fs.readFileSync(path.join(root, 'dist', 'server', '.source-hash'), 'utf8').slice(0, 16);
    const dir = path.join(cacheDir, hash);
    const file = path.join(dir, 'main.mjs');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(root, 'dist', 'server', 'main.mjs.map'), `${file}.map`);
      fs.copyFileSync(path.join(root, 'dist', 'server', 'main.mjs'), `${file}.tmp`);
      fs.renameSync(`${file}.tmp`, file);
    }
    return file;
  });
  return bundle;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Milliseconds from spawn to the first 200 of GET /api/health. */
  readyMs: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<Exit>;
  /** Sends the signal (default SIGTERM) and waits for the process to end. */
  stop: (signal?: NodeJS.Signals) => Promise<Exit>;
};

export type StartOptions = {
  /** Variables on top of a clean environment (no inherited DATABASE_URL or YUNYING_*). */
  env: Record<string, string>;
  port?: number;
  timeoutMs?: number;
  /** Answer as soon as the process runs instead of waiting for /api/health. */
  noWait?: boolean;
};

function cleanEnv(extra: Record<string, string>, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('YUNYING_') || ['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'NODE_OPTIONS'].includes(k) || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  return { ...env, PORT: String(port), HOST: '127.0.0.1', YUNYING_SCHEDULER: '0', NODE_ENV: 'production', ...extra };
}

/** Spawns `node <server bundle>` and (unless noWait) resolves once /api/health answers 200. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const file = await serverBundle();
  const port = options.port ?? (await freePort());
  let out = '';
  const started = performance.now();
  const child = spawn(process.execPath, [file], { cwd: root, env: cleanEnv(options.env, port), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let gone: Exit | null = null;
  void exited.then((e) => (gone = e));
  let readyMs = Number.NaN;
  if (!options.noWait) {
    const deadline = started + (options.timeoutMs ?? 60_000);
    for (;;) {
      if (gone) throw new Error(`server exited (${JSON.stringify(gone)}) before answering:\n${out}`);
      if (await healthy(port)) break;
      if (performance.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server did not answer /api/health within ${options.timeoutMs ?? 60_000} ms:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    readyMs = performance.now() - started;
  }
  return {
    child,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    readyMs,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}
