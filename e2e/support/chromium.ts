import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The system Chromium (never a downloaded one); null when absent, an error on CI. */
export function findChromium(): string | null {
  let found: string | null = null;
  try {
    found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim().split('\n')[0] || null;
  } catch {
    found = null;
  }
  if (!found && process.env.CI) throw new Error('E2E: chromium is not installed (apt-get install -y chromium); CI must not skip these tests');
  return found;
}

/** Launches headless Chromium; Playwright gives each launch a fresh, throw-away profile directory. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}
