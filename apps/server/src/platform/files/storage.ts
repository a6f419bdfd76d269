import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SNIFF_BYTES } from '@domain/files/file-types.js';
import type { Config } from '../../config.js';

/**
 * Files live under `<dataDir>/files/<yyyy>/<mm>/<random>`; the user's file name is never part
 * of a path. With PostgreSQL and several instances, `<dataDir>/files` must be one shared
 * directory (a network or cluster file system mounted at the same place on every instance).
 */
export function filesRoot(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}

/** The absolute path of a stored name, refusing anything that would leave the files root. */
export function storedPath(config: Pick<Config, 'dataDir'>, storedName: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f]{32}$/.test(storedName)) throw new Error(`invalid stored name ${storedName}`);
  return path.join(filesRoot(config), ...storedName.split('/'));
}

export function newStoredName(at: Date): string {
  const yyyy = String(at.getUTCFullYear()).padStart(4, '0');
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${yyyy}/${mm}/${crypto.randomBytes(16).toString('hex')}`;
}

export type WrittenFile = { storedName: string; size: number; sha256: string; head: Uint8Array };

/** Streams `source` to a new file, hashing it and keeping its first bytes for type sniffing. */
export async function writeStoredFile(config: Pick<Config, 'dataDir'>, at: Date, source: AsyncIterable<Buffer>): Promise<WrittenFile> {
  const storedName = newStoredName(at);
  const file = storedPath(config, storedName);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, 'wx', 0o640);
  const hash = crypto.createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headLength));
        headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
      }
      await handle.write(chunk);
    }
    await handle.sync();
  } catch (err) {
    await handle.close();
    await removeStoredFile(config, storedName);
    throw err;
  }
  await handle.close();
  return { storedName, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

export async function removeStoredFile(config: Pick<Config, 'dataDir'>, storedName: string): Promise<void> {
  await fs.promises.rm(storedPath(config, storedName), { force: true });
}
