// The town's data in its own repository, and the yearly cycle: `keikaku init` makes a
// repository that builds with `npx keikaku build` from a fresh clone of keikaku, and the
// README's yearly procedure, run command by command as written, does what it says.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
    expect(build.stderr).toContain('data/ と templates/ から out/ に ');
    const out = (await readdir(path.join(town, 'out'))).filter((n) => !n.startsWith('.')).sort();
    expect(out).toEqual(['実施計画_2025-2029.docx', '実施計画_2025-2029.html', '実施計画_2025-2029.pdf', '担当課別']);

    const again = node([path.join(tool, 'bin', 'keikaku.js'), 'init', '町の計画'], work);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('町の計画 は既にあります。上書きはしません');
  }, 300_000);
});

describe('the README’s yearly procedure', () => {
  it('runs as written: roll, 照会票 out, validate --strict fails, answers imported, office fixes, passes, diff --old-rev, build', async () => {
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
      // The README's first comment step is the departments answering, the second the office's own fixes.
      if (step.startsWith('#') && step === steps.find((l) => l.startsWith('#'))) {
        await answerEverySheet(path.join(repo, 'out', '照会票'));
        continue;
      }
      if (step.startsWith('#')) {
        // After the import, the only years still to confirm are those of the 事業 without a
        // 担当課 (in no 照会票): the office fills in its 担当課 and 区分 and confirms them.
        const check = await runCli(['validate', '--data', 'data-2025', '--format', 'json'], repo);
        const carried = (
          JSON.parse(check.stdout) as { diagnostics: { file: string; rule: string }[] }
        ).diagnostics.filter((d) => d.rule === 'carried-over');
        expect(carried.length).toBeGreaterThan(0);
        expect(new Set(carried.map((d) => d.file))).toEqual(new Set(['data-2025/measures/05.yaml']));
        const file = path.join(repo, 'data-2025', 'measures', '05.yaml');
        await writeFile(
          file,
          (await readFile(file, 'utf8'))
            .replace(/^ *carriedOver: .*\n/gm, '')
            .replace(
              '    name: 人権教育の推進\n',
              '    name: 人権教育の推進\n    department: 生涯学習課\n    status: 継続\n',
            ),
        );
        continue;
      }
      const args = step.replace(/#.*$/, '').trim().split(/\s+/);
      expect(args[0]).toBe('keikaku');
      const run = await runCli(args.slice(1), repo);
      codes.push(run.code);
      if (args[1] === 'build' && args.includes('--department'))
        expect(run.stderr).toContain(
          'out/担当課別/総務課.pdf・out/担当課別/総務課.docx・out/担当課別/総務課.html を書き出しました',
        );
      if (args[1] === 'sheets' && args[2] === 'import') expect(run.stdout).toContain('を確認');
      if (args[1] === 'diff') expect(run.stderr).toContain('新旧対照表_2024-2026_2025-2027.pdf を書き出しました');
    }
    // validate --strict fails before the years are confirmed, and passes after.
    expect(codes).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    const out = (await readdir(path.join(repo, 'out'))).filter((n) => n.endsWith('.pdf')).sort();
    expect(out).toEqual(['実施計画_2025-2027.pdf', '新旧対照表_2024-2026_2025-2027.pdf']);
  }, 300_000);
});

/**
 * Every department answers its 照会票 as it would in Excel: each row's copied years confirmed
 * (確認済), and the 区分 the seed leaves blank chosen.
 */
async function answerEverySheet(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, name));
    for (const ws of workbook.worksheets.filter((w) => w.state === 'visible' && w.name.startsWith('施策'))) {
      const column = (title: string) => {
        for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(3, c).value === title) return c;
        throw new Error(`no column ${title}`);
      };
      for (let r = 4; r <= ws.rowCount; r++) {
        if (!ws.getCell(r, 3).value) continue; // blank rows for new 事業
        ws.getCell(r, column('確認')).value = '確認済';
        const project = ws.getCell(r, column('事業名')).value;
        if (
          typeof project === 'string' &&
          project.startsWith('シティプロモーション事業') &&
          !ws.getCell(r, column('区分')).value
        )
          ws.getCell(r, column('区分')).value = '継続';
      }
    }
    await workbook.xlsx.writeFile(path.join(dir, name));
  }
}
