// Builds the web assets once before the E2E specs when their sources changed (content hash).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Build = { ensureBuilt: (names: string[], options?: { force?: boolean; quiet?: boolean }) => Promise<void> };

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const build = (await import(pathToFileURL(path.join(root, 'scripts/build.mjs')).href)) as Build;
  // Vitest sets NODE_ENV=test and Vite would bake it into the bundle (React and antd in
  // development mode); the assets must be the production build `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build.ensureBuilt(['web']);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
