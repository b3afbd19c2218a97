// A build killed in the middle of writing a file: out/ and out/.cache keep, for every file, the
// bytes of the build before or those of the build after, never part of one, and the next build
// ends in exactly what a clean build makes. The child build is really killed mid-write: the
// preload tests/helpers/crash-mid-write.mjs writes half of the chosen file and sends SIGKILL.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

const TEMPLATES = path.join(ROOT, 'templates');
const PRELOAD = path.join(import.meta.dirname, 'helpers', 'crash-mid-write.mjs');
const PDF = '実施計画_2024-2026.pdf';

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** `keikaku build` in a child process; with `crashWriting`, killed halfway through writing the first file it matches. */
function build(cwd: string, crashWriting?: string): Promise<Exit> {
  const child = spawn(
    process.execPath,
    [
      ...(crashWriting ? ['--import', PRELOAD] : []),
      path.join(ROOT, 'bin', 'keikaku.js'),
      'build',
      '--templates',
      TEMPLATES,
    ],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, KEIKAKU_CRASH_WRITING: crashWriting ?? '' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

/** Every regular file under `dir` (relative name → bytes), hidden ones included. */
async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file));
  }
  return files;
}

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The documents in out/ (name → sha256): neither the cache nor hidden temporary files. */
const documents = (files: Map<string, Buffer>) =>
  new Map(
    [...files]
      .filter(([name]) => !name.startsWith('.cache/') && !path.basename(name).startsWith('.'))
      .map(([name, bytes]) => [name, hash(bytes)]),
  );

/** A data folder built once, then edited; and what a clean build of the edited data makes. */
async function builtThenEdited() {
  const work = await makeDataDir();
  expect((await build(work)).code).toBe(0);
  const before = await filesIn(path.join(work, 'out'));
  const measure = path.join(work, 'data', 'measures', '01.yaml');
  await writeFile(measure, (await readFile(measure, 'utf8')).replace('title: 見本の施策', 'title: 直した施策'));
  const clean = await makeDataDir();
  await writeFile(path.join(clean, 'data', 'measures', '01.yaml'), await readFile(measure));
  expect((await build(clean)).code).toBe(0);
  const after = documents(await filesIn(path.join(clean, 'out')));
  expect(after.get(PDF), 'the edit changes the plan PDF').not.toBe(documents(before).get(PDF));
  return { work, before, after };
}

/** out/ holds exactly a clean build's documents, and the dead build's temporary files are gone. */
async function expectCleanBuild(work: string, clean: Map<string, string>) {
  const out = await filesIn(path.join(work, 'out'));
  expect(documents(out)).toEqual(clean);
  expect(
    [...out.keys()].filter((name) => name.endsWith('.tmp')),
    'temporary files left',
  ).toEqual([]);
}

describe('a build killed in the middle of writing', () => {
  it('an out/ file: every document in out/ is the old one or the new one, the half-written one the old; the next build finishes', async () => {
    const { work, before, after } = await builtThenEdited();
    const crash = await build(work, `/out/[^/]*${PDF.replace('.', '\\.')}`);
    expect(crash.signal, `the build was killed while writing ${PDF}: ${crash.stderr}`).toBe('SIGKILL');

    const old = documents(before);
    const seen = documents(await filesIn(path.join(work, 'out')));
    expect(seen.get(PDF), `${PDF} is the old file, whole`).toBe(old.get(PDF));
    expect([...seen.keys()].sort()).toEqual([...old.keys()].sort());
    for (const [name, bytes] of seen) expect([old.get(name), after.get(name)], name).toContain(bytes);

    expect((await build(work)).code).toBe(0);
    await expectCleanBuild(work, after);
  }, 120_000);

  it('an out/.cache entry: no entry is ever half written, and the next build neither warns of a damaged entry nor differs from a clean build', async () => {
    const { work, after } = await builtThenEdited();
    const crash = await build(work, '/out/\\.cache/\\.?[0-9a-f]{64}\\.pdf');
    expect(crash.signal, `the build was killed while writing a cache entry: ${crash.stderr}`).toBe('SIGKILL');
    // The documents were written before the cache: they are the new ones.
    expect(documents(await filesIn(path.join(work, 'out')))).toEqual(after);

    // Each entry is "keikaku-cache 1 <sha256 of the rest>\n" and the rest: checked here without keikaku's reader.
    const cache = [...(await filesIn(path.join(work, 'out', '.cache')))].filter(([name]) => !name.startsWith('.'));
    expect(cache.length).toBeGreaterThan(0);
    for (const [name, bytes] of cache) {
      const newline = bytes.indexOf(0x0a);
      expect(bytes.subarray(0, newline).toString('latin1'), name).toBe(
        `keikaku-cache 1 ${hash(bytes.subarray(newline + 1))}`,
      );
    }

    const next = await build(work);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain('壊れている');
    await expectCleanBuild(work, after);
  }, 120_000);
});
