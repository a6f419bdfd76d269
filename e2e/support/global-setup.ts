// Builds the web assets once before the E2E specs when their sources changed (content hash).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const build = (await import(pathToFileURL(path.join(root, 'scripts/build.mjs')).href)) as {
    ensureBuilt: (names: string[], options?: { force?: boolean; quiet?: boolean }) => Promise<void>;
  };
  await build.ensureBuilt(['web']);
}
