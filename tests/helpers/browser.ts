// Headless Chromium (Debian's package) driven by playwright-core, for the tests that need a
// real browser. Without it the tests say so and skip; under CI=true they fail instead.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

/**
 * A page opened from a file at a viewport width: its WCAG 2.1 AA violations (axe-core, `id
 * (count)`) and every console error, failed script or request that leaves the file.
 */
export async function checkPage(
  browser: Browser,
  file: string,
  width: number,
): Promise<{ violations: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
  await page.goto(pathToFileURL(file).href);
  await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  const result = await page.evaluate(() =>
    (
      window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  await page.close();
  return { violations: result.violations.map((v) => `${v.id} (${v.nodes.length})`), problems };
}
