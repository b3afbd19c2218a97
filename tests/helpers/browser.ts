// Headless Chromium (Debian's package) driven by playwright-core, for the tests that need a
// real browser. Without it the tests say so and skip; under CI=true they fail instead.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);

export const CHROMIUM = CANDIDATES.find((p) => existsSync(p));

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error('Chromium が見つかりません（Debian の chromium パッケージ。CI では .ci/run が入れます）');
  return chromium.launch({
    executablePath: CHROMIUM,
    // Flags that keep Chromium from reaching for the network at start-up (closed machine).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
