import fs from 'node:fs';
import os from 'node:os';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SQLite serves one instance only. A lock file beside the database names the owning process;
 * a second start refuses while that process lives, and a stale file (after a crash) is taken over.
 */
export function acquireInstanceLock(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === mine) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as typeof owner;
      } catch {
        /* unreadable: treat as stale */
      }
      if (owner.pid && owner.host === os.hostname() && alive(owner.pid)) {
        throw new Error(
          `Another Yunying instance (pid ${owner.pid}) is already using ${dbFile}. SQLite serves one instance only; ` +
            'stop the other process, or use PostgreSQL (DATABASE_URL=postgres://…) to run several instances.',
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
