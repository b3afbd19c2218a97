// Runs the keikaku CLI in-process on a data folder made from a fixture, and captures its output.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const SHIPPED_DATA = path.join(import.meta.dirname, '..', '..', 'data');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/**
 * A fresh working directory holding `data/`: a copy of `tests/fixtures/<base>` (or of the folder
 * `base` when absolute), with `overrides`
 * (path inside data/ → file content, string or bytes) written over it.
 */
export async function makeDataDir(
  overrides: Readonly<Record<string, string | Uint8Array>> = {},
  base = 'minimal',
): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-test-'));
  await cp(path.resolve(FIXTURES, base), path.join(cwd, 'data'), { recursive: true });
  for (const [relative, content] of Object.entries(overrides)) {
    await writeFile(path.join(cwd, 'data', relative), content);
  }
  return cwd;
}

/** `validate` on the minimal plan with some files replaced. */
export async function validateWith(
  overrides: Readonly<Record<string, string | Uint8Array>>,
  extraArgs: readonly string[] = [],
): Promise<CliRun> {
  return runCli(['validate', ...extraArgs], await makeDataDir(overrides));
}

export const readFixture = async (relative: string): Promise<string> =>
  (await import('node:fs/promises')).readFile(path.join(FIXTURES, relative), 'utf8');

/** The documents in an out folder: hidden entries (out/.cache) left out. */
export const listDocuments = async (dir: string): Promise<string[]> =>
  (await (await import('node:fs/promises')).readdir(dir)).filter((n) => !n.startsWith('.')).sort();

/**
 * Every document a build wrote under `dir` (relative `/`-separated name → bytes, sorted by name):
 * PDF, Word and HTML files, excerpts included; hidden entries (out/.cache, temporaries) left out.
 */
export async function readDocuments(dir: string): Promise<Map<string, Buffer>> {
  const { readFile, readdir } = await import('node:fs/promises');
  const names = (await readdir(dir, { recursive: true }))
    .map((n) => n.split(path.sep).join('/'))
    .filter((n) => /\.(pdf|docx|html)$/.test(n) && !n.split('/').some((part) => part.startsWith('.')))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

/** The error lines of a text report (warnings, such as the seed's own, left out). */
export const errorLines = (stdout: string): string[] =>
  stdout.split('\n').filter((line) => line.includes(': エラー: '));

/** A plan of `measures` 施策 made by `keikaku generate` from the shipped data, in a fresh folder: its data folder. */
export async function generatedPlan(measures: number): Promise<string> {
  const data = path.join(await mkdtemp(path.join(tmpdir(), `keikaku-generated-${measures}-`)), 'data');
  const generate = await runCli(
    ['generate', '--measures', String(measures), '--out', data, '--data', SHIPPED_DATA],
    path.dirname(SHIPPED_DATA),
  );
  if (generate.code !== 0) throw new Error(generate.stderr);
  return data;
}

/**
 * A plan of `measures` 施策 made by `keikaku generate` from the shipped data in `work`/generated,
 * built there into `out` (plan only) with the given build options; the folder of its documents.
 */
export async function buildGeneratedPlan(
  work: string,
  measures: number,
  out: string,
  options: readonly string[],
): Promise<string> {
  const data = path.join(work, `generated-${measures}`);
  if (!existsSync(data)) {
    const generate = await runCli(
      ['generate', '--measures', String(measures), '--out', data, '--data', SHIPPED_DATA],
      work,
    );
    if (generate.code !== 0) throw new Error(generate.stderr);
  }
  const run = await runCli(['build', '--data', data, '--out', out, '--no-departments', ...options], work);
  if (run.code !== 0) throw new Error(run.stderr);
  return path.join(work, out);
}
