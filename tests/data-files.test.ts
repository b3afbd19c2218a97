// The data folder is read as data: regular files inside it only. A link out of it, a FIFO or a
// device is refused at its name (never read, never echoed), and editors' leftovers are skipped.
import { execFileSync } from 'node:child_process';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPreviewPage } from '../src/preview/preview-server.ts';
import { makeDataDir, readFixture, runCli } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

const validate = async (cwd: string) => {
  const started = performance.now();
  const run = await runCli(['validate'], cwd);
  return { ...run, seconds: (performance.now() - started) / 1000 };
};

describe('files of the data folder', () => {
  it('refuses a measure file that links outside the folder, without reading or printing it', async () => {
    const cwd = await makeDataDir();
    const secret = path.join(cwd, 'secret.yaml');
    await writeFile(secret, 'password: SECRET-TOKEN\n');
    await symlink(secret, path.join(cwd, 'data', 'measures', '03.yaml'));
    const run = await validate(cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `data/measures/03.yaml: エラー: データのフォルダの外（${secret}）を指す記号リンクです。リンクの先は読みません。ファイルそのものをフォルダに置いてください\n`,
    );
    expect(run.stdout + run.stderr).not.toContain('SECRET-TOKEN');
  });

  it('never prints more than the first 20 characters of what a file holds', async () => {
    // Text that is not plan data (a pasted key, a config file saved as a measure) in the
    // places messages quote: a key, a value of the wrong type, an unclosed quote.
    const secret = 'SECRET_TOKEN_abcdefghijklmnopqrstuvwxyz0123456789';
    for (const text of [`${secret}: 1\nid: s01\n`, `id: s01\nnumber: ${secret}\n`, `id: s01\ntitle: "${secret}\n`]) {
      const run = await runCli(['validate', '--format', 'github'], await makeDataDir({ 'measures/01.yaml': text }));
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(secret.slice(20));
    }
  });

  it('reads a link that stays inside the folder', async () => {
    const cwd = await makeDataDir();
    const kept = path.join(cwd, 'data', 'archive');
    await mkdir(kept);
    await rename(path.join(cwd, 'data', 'measures', '02.yaml'), path.join(kept, '02.yaml'));
    await symlink(path.join('..', 'archive', '02.yaml'), path.join(cwd, 'data', 'measures', '02.yaml'));
    const run = await validate(cwd);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses a FIFO at once instead of waiting on it', async () => {
    const cwd = await makeDataDir();
    execFileSync('mkfifo', [path.join(cwd, 'data', 'measures', '03.yaml')]);
    const run = await validate(cwd);
    expect(run.stdout).toBe(
      'data/measures/03.yaml: エラー: 通常のファイルではありません（フォルダ、FIFO、デバイスなど）。読みません\n',
    );
    expect(run.seconds).toBeLessThan(5);
  });

  it('shows a FIFO as an error in the preview page instead of freezing it', async () => {
    const cwd = await makeDataDir();
    execFileSync('mkfifo', [path.join(cwd, 'data', 'measures', '03.yaml')]);
    const started = performance.now();
    const page = await buildPreviewPage({ cwd, dataDir: 'data', templatesDir: path.join(ROOT, 'templates') });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(page.html).toContain(
      'data/measures/03.yaml: エラー: 通常のファイルではありません（フォルダ、FIFO、デバイスなど）。読みません',
    );
  });

  it('refuses a folder where plan.yaml should be', async () => {
    const cwd = await makeDataDir();
    const plan = path.join(cwd, 'data', 'plan.yaml');
    const text = await readFixture('minimal/plan.yaml');
    await rename(plan, `${plan}.bak`);
    await mkdir(plan);
    await writeFile(path.join(plan, 'x.yaml'), text);
    const run = await validate(cwd);
    expect(run.stdout.split('\n')[0]).toBe(
      'data/plan.yaml: エラー: 通常のファイルではありません（フォルダ、FIFO、デバイスなど）。読みません',
    );
  });

  it('skips hidden files and editors’ leftovers with a warning, and reads the rest', async () => {
    const broken = 'this: is not a measure\n';
    const cwd = await makeDataDir({
      'measures/.#02.yaml': broken,
      'measures/._02.yaml': broken,
      'measures/~$02.yaml': broken,
    });
    const run = await validate(cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'data/measures/.#02.yaml: 警告: 隠しファイルかエディタなどの一時ファイルのため、施策として読みませんでした',
        'data/measures/._02.yaml: 警告: 隠しファイルかエディタなどの一時ファイルのため、施策として読みませんでした',
        'data/measures/~$02.yaml: 警告: 隠しファイルかエディタなどの一時ファイルのため、施策として読みませんでした',
        '',
      ].join('\n'),
    );
  });
});
