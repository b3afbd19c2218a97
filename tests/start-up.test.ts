// bin/keikaku.js starts from lib/ (JavaScript compiled by `npm ci`'s prepare step) only while lib/
// was made from the current sources; a source edited since (or no lib/ at all) runs src/ through
// tsx. Checked on a copy of keikaku whose usage text is edited, so that the help shows which ran.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/plan.ts';

let copy: string;
const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout: 60_000 });
const help = () => node('bin/keikaku.js', '--help').stdout.split('\n')[0];
const usage = () => path.join(copy, 'src', 'cli', 'usage.ts');

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'keikaku-start-'));
  for (const part of ['bin', 'scripts', 'src', 'package.json'])
    await cp(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

const retitle = async (file: string, title: string) =>
  writeFile(file, (await readFile(file, 'utf8')).replace(/使い方: [^\n\\]*/, `使い方: ${title}`));

/** The one file of lib/ that holds the usage text (lib/ is bundled into chunks named by hash). */
async function compiledUsage(): Promise<string> {
  const lib = path.join(copy, 'lib');
  const files = (await readdir(lib, { recursive: true })).filter((f) => f.endsWith('.js'));
  const holding: string[] = [];
  for (const f of files) if ((await readFile(path.join(lib, f), 'utf8')).includes('使い方: ')) holding.push(f);
  expect(holding).toHaveLength(1);
  return path.join(lib, holding[0]!);
}

describe('bin/keikaku.js', () => {
  it('runs the sources without lib/, lib/ once compiled, and the sources again once one is edited', async () => {
    await retitle(usage(), 'ソース版');
    expect(help()).toBe('使い方: ソース版');

    const compiled = node('scripts/compile.mjs');
    expect(compiled.status, compiled.stderr).toBe(0);
    // lib/ runs while current: a mark put in the compiled file (and nowhere else) shows.
    await retitle(await compiledUsage(), 'コンパイル版');
    expect(help()).toBe('使い方: コンパイル版');

    // A source saved after the compile: lib/ is out of date and not used.
    await retitle(usage(), '直したソース版');
    const later = new Date(Date.now() + 5_000);
    await utimes(usage(), later, later);
    expect(help()).toBe('使い方: 直したソース版');

    // Compiled again, lib/ is current again (and holds the edit).
    expect(node('scripts/compile.mjs').status).toBe(0);
    await retitle(await compiledUsage(), 'コンパイル版2');
    expect(help()).toBe('使い方: コンパイル版2');

    // A source file added since the compile makes lib/ out of date too.
    await writeFile(path.join(copy, 'src', 'cli', 'extra.ts'), 'export const extra = 1;\n');
    expect(help()).toBe('使い方: 直したソース版');
  }, 120_000);
});
