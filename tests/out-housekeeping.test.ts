// out/ holds what the data makes now: a whole build removes the documents an earlier whole
// build wrote and this one does not make (the excerpt of a renamed 担当課), recorded in
// out/.keikaku-files.json, and never touches a file it did not write.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, runCli } from './helpers/cli.ts';
import { TEMPLATE_ARGS } from './helpers/plan.ts';

const excerpts = async (cwd: string) => (await readdir(path.join(cwd, 'out', '担当課別'))).sort();

describe('a whole build', () => {
  it('removes the excerpt of a renamed 担当課, and keeps the files the user put in out/', async () => {
    const cwd = await makeDataDir();
    const build = (...args: string[]) => runCli(['build', ...TEMPLATE_ARGS, ...args], cwd);
    expect((await build()).code).toBe(0);
    expect(await excerpts(cwd)).toEqual([
      '総務課.docx',
      '総務課.html',
      '総務課.pdf',
      '財政課.docx',
      '財政課.html',
      '財政課.pdf',
    ]);
    await writeFile(path.join(cwd, 'out', 'メモ.txt'), '会議の資料');
    await writeFile(path.join(cwd, 'out', '担当課別', '財政課_修正版.pdf'), 'not ours');
    await mkdir(path.join(cwd, 'out', '議会'));
    await writeFile(path.join(cwd, 'out', '議会', '財政課.pdf'), 'not ours either');

    // 財政課 becomes 財務課.
    for (const file of ['departments.yaml', 'measures/02.yaml']) {
      const target = path.join(cwd, 'data', file);
      await writeFile(target, (await readFile(target, 'utf8')).replaceAll('財政課', '財務課'));
    }
    // A build of one 担当課, or of PDF only, is not the whole plan: it removes nothing.
    expect((await build('--department', '財務課')).code).toBe(0);
    expect(await excerpts(cwd)).toContain('財政課.pdf');

    const run = await build();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('out/担当課別/財政課.pdf を消しました（前のビルドが作り、今回は作らない文書です）');
    expect(await excerpts(cwd)).toEqual([
      '総務課.docx',
      '総務課.html',
      '総務課.pdf',
      '財務課.docx',
      '財務課.html',
      '財務課.pdf',
      '財政課_修正版.pdf',
    ]);
    expect(await readFile(path.join(cwd, 'out', 'メモ.txt'), 'utf8')).toBe('会議の資料');
    expect(await readFile(path.join(cwd, 'out', '議会', '財政課.pdf'), 'utf8')).toBe('not ours either');
  });

  it('removes only documents of the formats it makes, and nothing outside out/ whatever the list says', async () => {
    const cwd = await makeDataDir();
    const build = (...args: string[]) => runCli(['build', ...TEMPLATE_ARGS, ...args], cwd);
    expect((await build()).code).toBe(0);
    const target = path.join(cwd, 'data', 'departments.yaml');
    await writeFile(target, (await readFile(target, 'utf8')).replace('  - 総務課\n', '  - 総務課\n  - 企画課\n'));
    expect((await build()).code).toBe(0);
    await writeFile(target, (await readFile(target, 'utf8')).replace('  - 企画課\n', ''));
    // A list edited by hand (or by anyone) to name files outside out/: they are not touched.
    const manifest = path.join(cwd, 'out', '.keikaku-files.json');
    const listed = JSON.parse(await readFile(manifest, 'utf8')) as { files: string[] };
    await writeFile(manifest, JSON.stringify({ files: [...listed.files, '../data/plan.yaml', '/etc/hostname'] }));
    expect((await build('--format', 'pdf')).code).toBe(0);
    expect(await excerpts(cwd)).toEqual([
      '企画課.docx',
      '企画課.html',
      '総務課.docx',
      '総務課.html',
      '総務課.pdf',
      '財政課.docx',
      '財政課.html',
      '財政課.pdf',
    ]);
    expect(await readFile(path.join(cwd, 'data', 'plan.yaml'), 'utf8')).toContain('period');
  });
});
