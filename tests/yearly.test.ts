// The town's data in its own repository, and the yearly cycle: `keikaku init` makes a
// repository that builds with `npx keikaku build` from a fresh clone of keikaku, and the
// README's yearly procedure, run command by command as written, does what it says.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, stdio: 'pipe' });

describe('keikaku init', () => {
  it('makes a town repository that builds with npx keikaku build, from a fresh clone of keikaku', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-init-'));
    const tool = path.join(work, 'keikaku');
    git(work, 'clone', '-q', ROOT, tool);
    // The clone's packages are the lockfile's, as npm ci would install them.
    await symlink(path.join(ROOT, 'node_modules'), path.join(tool, 'node_modules'), 'dir');
    const node = (args: string[], cwd: string) =>
      spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });
    const init = node([path.join(tool, 'bin', 'keikaku.js'), 'init', '町の計画'], work);
    expect(init.status, init.stderr).toBe(0);
    const town = path.join(work, '町の計画');
    expect((await readdir(town)).sort()).toEqual([
      '.github',
      '.gitignore',
      'README.md',
      'data',
      'package.json',
      'templates',
    ]);
    expect((await readdir(path.join(town, 'templates'))).sort()).toEqual(['README.md', 'theme.yaml']);
    const npm = (args: string[]) =>
      spawnSync('npm', args, {
        cwd: town,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, npm_config_offline: 'true' },
      });
    expect(npm(['install', '--no-audit', '--no-fund']).status).toBe(0);
    const build = spawnSync('npx', ['keikaku', 'build'], { cwd: town, encoding: 'utf8', timeout: 180_000 });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    // The town's templates/ (its theme) with keikaku's own templates under it.
    expect(build.stderr).toContain('を書き出しました（data/ と templates/ から');
    const out = (await readdir(path.join(town, 'out'))).filter((n) => !n.startsWith('.')).sort();
    expect(out).toEqual(['実施計画_2025-2029.docx', '実施計画_2025-2029.html', '実施計画_2025-2029.pdf', '担当課別']);

    const again = node([path.join(tool, 'bin', 'keikaku.js'), 'init', '町の計画'], work);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('町の計画 は既にあります。上書きはしません');
  }, 300_000);
});

describe('the README’s yearly procedure', () => {
  it('runs as written: roll, excerpt, validate --strict fails, confirm, passes, diff --old-rev, build', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## 毎年の手順'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const steps = block.split('\n').filter((line) => line.trim() !== '');

    // A plan repository with last year's data committed.
    const repo = await mkdtemp(path.join(tmpdir(), 'keikaku-yearly-'));
    await cp(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', '2024年度の計画');

    const codes: number[] = [];
    for (const step of steps) {
      if (step.startsWith('#')) {
        // The departments' answers: every copied year confirmed (its carriedOver removed), and
        // the 担当課 and 区分 the seed lacks (its own three warnings) filled in.
        const edit = async (name: string, change: (text: string) => string) => {
          const file = path.join(repo, 'data-2025', 'measures', name);
          await writeFile(file, change(await readFile(file, 'utf8')));
        };
        for (const name of await readdir(path.join(repo, 'data-2025', 'measures')))
          await edit(name, (text) => text.replace(/^ *carriedOver: .*\n/gm, ''));
        await edit('05.yaml', (text) =>
          text.replace(
            '    name: 人権教育の推進\n',
            '    name: 人権教育の推進\n    department: 生涯学習課\n    status: 継続\n',
          ),
        );
        await edit('07.yaml', (text) =>
          text.replace(
            '    name: シティプロモーション事業（利根町シティプロモーションサイトSMILE！TONE）\n    department: まち未来創造課\n',
            '    name: シティプロモーション事業（利根町シティプロモーションサイトSMILE！TONE）\n    department: まち未来創造課\n    status: 継続\n',
          ),
        );
        continue;
      }
      const args = step.replace(/#.*$/, '').trim().split(/\s+/);
      expect(args[0]).toBe('keikaku');
      const run = await runCli(args.slice(1), repo);
      codes.push(run.code);
      if (args[1] === 'build' && args.includes('--department'))
        expect(run.stderr).toContain('out/担当課別/総務課.pdf を書き出しました');
      if (args[1] === 'diff') expect(run.stderr).toContain('新旧対照表_2024-2026_2025-2027.pdf を書き出しました');
    }
    // validate --strict fails before the years are confirmed, and passes after.
    expect(codes).toEqual([0, 0, 1, 0, 0, 0]);
    const out = (await readdir(path.join(repo, 'out'))).filter((n) => n.endsWith('.pdf')).sort();
    expect(out).toEqual(['実施計画_2025-2027.pdf', '新旧対照表_2024-2026_2025-2027.pdf']);
  }, 300_000);
});
