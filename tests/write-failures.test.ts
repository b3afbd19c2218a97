// What the disk does wrong is told, not thrown: a build that cannot write says where and why,
// exits 1 and writes nothing; leftovers it does not own are left alone.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorLines, makeDataDir, runCli } from './helpers/cli.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

const buildHtml = (cwd: string) => runCli(['build', ...TEMPLATE_ARGS, '--format', 'html', '--no-departments'], cwd);

afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

describe('writing out/', () => {
  it('says so, with the place, when out is a file and not a folder', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    await writeFile(path.join(cwd, 'out'), 'not a folder');
    const run = await buildHtml(cwd);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'out: エラー: 出力先のフォルダがあるべき場所に、同じ名前のファイルがあります。文書は書き出していません',
    ]);
  });

  it('leaves alone a folder that only looks like a dead build’s temporary file', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const folder = path.join(cwd, 'out', '.実施計画_2024-2026.html.99999999.abcdef12.tmp');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'keep.txt'), 'mine');
    const run = await buildHtml(cwd);
    expect(run.code, run.stdout).toBe(0);
    expect(await readdir(folder)).toEqual(['keep.txt']);
  });

  it('ignores a SOURCE_DATE_EPOCH beyond the year 9999 instead of crashing', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    process.env.SOURCE_DATE_EPOCH = '100000000000000000000';
    const run = await buildHtml(cwd);
    expect(run.code, run.stdout).toBe(0);
  });
});
