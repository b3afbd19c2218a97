// The single executable (npm run package) is the same program as the npm CLI: built once here,
// copied alone with a copy of data/ into a folder outside the repository (no node_modules, no
// templates/ or fonts/, no Node or git on the PATH), every command makes the npm CLI's bytes.
// The Windows executable runs under wine (Debian's package) on CRLF data in a folder whose
// name has Japanese and a space. Without wine the Windows tests say so and skip; under CI=true
// they fail instead (.ci/run installs wine).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../src/preview/preview-server.ts';
import { readDocuments, runCli } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

const LINUX = 'keikaku-linux-x64';
const WINDOWS = 'keikaku-win-x64.exe';
const WINE_AVAILABLE = spawnSync('wine', ['--version']).status === 0;
const SIGNING_AVAILABLE =
  spawnSync('osslsigncode', ['--version']).status === 0 && spawnSync('openssl', ['version']).status === 0;

let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'keikaku-dist-'));
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'package.ts'), '--out', dist], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 600_000,
  });
}, 600_000);

afterAll(async () => {
  if (dist) await rm(dist, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A program run with its output in files, not pipes (Node under wine cannot write to a pipe),
 * and a PATH that holds neither Node nor git.
 */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const files = ['stdout', 'stderr'].map((name) => path.join(cwd, `..`, `${path.basename(cwd)}.${name}.txt`));
  const fds = files.map((f) => openSync(f, 'w'));
  try {
    const result = spawnSync(command, args, {
      cwd,
      stdio: ['ignore', fds[0]!, fds[1]!],
      env: { PATH: '/nonexistent', HOME: process.env.HOME, ...env },
      timeout: 240_000,
    });
    if (result.error) throw result.error;
    return {
      code: result.status,
      stdout: readFileSync(files[0]!, 'utf8'),
      stderr: readFileSync(files[1]!, 'utf8'),
    };
  } finally {
    fds.forEach((fd) => closeSync(fd));
  }
}

/** A folder outside the repository holding only `executable` (renamed `as`) and a copy of data/. */
async function townFolder(executable: string, as: string, name = '実施 計画'): Promise<string> {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-town-')), name);
  await mkdir(folder);
  await copyFile(path.join(dist, executable), path.join(folder, as));
  await cp(path.join(ROOT, 'data'), path.join(folder, 'data'), { recursive: true });
  return folder;
}

/** Every file under `dir` (relative `/`-separated name → bytes), hidden ones left out. */
async function allFiles(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((n) => !n.split('/').some((part) => part.startsWith('.')))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

/** The names of the files whose bytes differ (or that only one side has). */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

describe('npm run package', () => {
  it('writes both executables, their SHA-256 sums, and the notices of the code inside', async () => {
    const sums = (await readFile(path.join(dist, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    expect(sums.map((l) => l.split('  ')[1])).toEqual([LINUX, WINDOWS, 'THIRD-PARTY-NOTICES.txt']);
    for (const line of sums) {
      const [hash, name] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(await readFile(path.join(dist, name)))
          .digest('hex'),
      ).toBe(hash);
    }
    const notices = await readFile(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const heading of ['== Node.js ==', '== pdfmake ', '== docx ', '== handlebars ', '== yaml ', '== zod '])
      expect(notices).toContain(heading);
    // The Windows file carries no Authenticode signature (the town signs it) and a valid PE checksum.
    const exe = await readFile(path.join(dist, WINDOWS));
    const optional = exe.readUInt32LE(0x3c) + 24;
    expect(exe.readUInt32LE(optional + 112 + 4 * 8)).toBe(0);
    expect(exe.readUInt32LE(optional + 64)).not.toBe(0);
  });
});

describe('the Linux executable, alone with data/', () => {
  let folder: string;
  let exe: string;
  let built: Map<string, Buffer>;

  beforeAll(async () => {
    folder = await townFolder(LINUX, 'keikaku');
    exe = path.join(folder, 'keikaku');
  });

  it('answers --version as the package does, without Node on the PATH', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(exe, ['--version'], folder)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('validates as the npm CLI does', async () => {
    const fromExe = run(exe, ['validate'], folder);
    const fromNpm = await runCli(['validate'], folder);
    expect(fromExe.code).toBe(0);
    expect(fromExe.stdout).toContain('data/measures/05.yaml:12:5: 警告:');
    expect(fromExe.stdout).toBe(fromNpm.stdout);
  });

  it('builds every document byte-identical to the npm CLI, with keikaku’s own templates and fonts', async () => {
    const fromExe = run(exe, ['build'], folder);
    expect(fromExe.code).toBe(0);
    expect(fromExe.stderr).toContain(
      'data/ と keikaku 同梱の templates/ から out/ に 9 文書・27 ファイルを書き出しました',
    );
    expect(await runCli(['build', '--out', '../npm-out'], folder)).toMatchObject({ code: 0 });
    built = await readDocuments(path.join(folder, 'out'));
    expect(built.size).toBe(27); // the plan and 8 excerpts, three formats each
    expect(differing(built, await readDocuments(path.join(folder, '..', 'npm-out')))).toEqual([]);
    // Render workers, which the executable starts from the code it carries (forced: the seed
    // plan is too small to use them by itself), reading and leaving their documents' parts in
    // workers-out/.cache themselves.
    const withWorkers = run(exe, ['build', '--out', '../workers-out'], folder, { KEIKAKU_WORKERS: '1' });
    expect(withWorkers.code, withWorkers.stderr).toBe(0);
    expect(differing(built, await readDocuments(path.join(folder, '..', 'workers-out')))).toEqual([]);
  }, 120_000);

  it('serves a rebuild from its cache, and never serves what another build of keikaku made', async () => {
    const again = run(exe, ['build', '--verbose'], folder);
    expect(again.code).toBe(0);
    // --verbose: a line for each file, then the summary.
    const lines = again.stderr.split('\n').filter((l) => l.includes('を書き出しました'));
    expect(lines).toHaveLength(28);
    expect(lines.filter((l) => l.includes('変更がないため out/.cache から'))).toHaveLength(27);
    expect(lines[27]).toMatch(
      / から out\/ に 9 文書・27 ファイルを書き出しました（変更がなく out\/\.cache から 27 ファイル、/,
    );
    // The npm CLI is other code: the same out/ and data, and not one document from the cache.
    const npm = await runCli(['build'], folder);
    expect(npm.code).toBe(0);
    expect(npm.stderr).toContain('を書き出しました');
    expect(npm.stderr).not.toContain('out/.cache から');
  }, 120_000);

  it('makes the npm CLI’s files with roll, diff, schema, generate, sheets and validate --format json', async () => {
    const commands: string[][] = [
      ['roll', '--to', '2025', '--out', 'OUT/data-2025'],
      ['diff', '--old', 'data', '--new', 'OUT/data-2025', '--out', 'OUT/diff'],
      ['schema', '--out', 'OUT/schema'],
      ['generate', '--measures', '3', '--out', 'OUT/generated'],
      ['sheets', 'list', '--out', 'OUT/sheets'],
      ['sheets', 'export', '--out', 'OUT/sheets'],
      ['sheets', 'import', 'OUT/sheets/照会票', '--dry-run'],
    ];
    for (const [side, runOne] of [
      ['exe', (args: string[]) => run(exe, args, folder)],
      ['npm', (args: string[]) => runCli(args, folder)],
    ] as const) {
      for (const args of commands) {
        const result = await runOne(args.map((a) => a.replace('OUT', `../${side}-commands`)));
        expect(result.code, `${side}: keikaku ${args.join(' ')}\n${result.stderr}`).toBe(0);
      }
    }
    const [fromExe, fromNpm] = (await Promise.all(
      ['exe', 'npm'].map((side) => allFiles(path.join(folder, '..', `${side}-commands`))),
    )) as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...fromExe.keys()]).toContain('diff/新旧対照表_2024-2026_2025-2027.pdf');
    expect([...fromExe.keys()]).toContain('generated/measures/01.yaml');
    expect([...fromExe.keys()]).toContain('sheets/照会票/総務課.xlsx');
    expect(fromExe.size).toBeGreaterThan(30);
    expect(differing(fromExe, fromNpm)).toEqual([]);
    const json = run(exe, ['validate', '--format', 'json'], folder);
    expect(json.stdout).toBe((await runCli(['validate', '--format', 'json'], folder)).stdout);
  }, 180_000);

  it('makes a town repository with init (keikaku’s sample town embedded in it), which it then builds', async () => {
    const result = run(exe, ['init', '町の計画'], folder);
    expect(result.code, result.stderr).toBe(0);
    const town = path.join(folder, '町の計画');
    // No package.json: the executable is what builds it.
    expect((await readdir(town)).sort()).toEqual(['.github', '.gitignore', 'README.md', 'data', 'templates']);
    const built = run(exe, ['build', '--no-departments'], town);
    expect(built.code, built.stdout).toBe(0);
    expect(built.stderr).toContain(
      'data/ と templates/ から out/実施計画_2025-2029.pdf・out/実施計画_2025-2029.docx・',
    );
  }, 60_000);

  it('previews the same page as the npm CLI', async () => {
    const child = spawn(exe, ['preview', '--port', '0'], { cwd: folder, env: { PATH: '/nonexistent' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
          const match = /プレビュー: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`preview exited (${code}): ${stderr}`)));
      });
      const page = await (await fetch(url)).text();
      const preview = await startPreview({
        cwd: folder,
        dataDir: 'data',
        templatesDir: path.join(ROOT, 'templates'),
        port: 0,
      });
      try {
        const expected = await (await fetch(preview.url)).text();
        expect(page).toContain('施策');
        expect(page).toBe(expected);
      } finally {
        await preview.close();
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('uses a templates/ beside the data instead of its own', async () => {
    const town = await townFolder(LINUX, 'keikaku', 'templates の町');
    await cp(path.join(ROOT, 'templates'), path.join(town, 'templates'), { recursive: true });
    const plan = path.join(town, 'templates', 'plan.hbs');
    await writeFile(
      plan,
      (await readFile(plan, 'utf8')).replace('<toc title="目次">', '<toc title="目次（町の様式）">'),
    );
    const result = run(path.join(town, 'keikaku'), ['build', '--format', 'html', '--no-departments'], town);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toContain('data/ と templates/ から out/実施計画_2024-2026.html を書き出しました');
    expect(await readFile(path.join(town, 'out', '実施計画_2024-2026.html'), 'utf8')).toContain('目次（町の様式）');
  }, 60_000);

  it('uses a fonts/ beside the data instead of its own', async () => {
    const town = await townFolder(LINUX, 'keikaku', 'fonts の町');
    await mkdir(path.join(town, 'fonts'));
    await writeFile(path.join(town, 'fonts', 'BIZUDGothic-Regular.ttf'), 'not a font');
    const result = run(path.join(town, 'keikaku'), ['build'], town);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'fonts/BIZUDGothic-Regular.ttf: エラー: フォントファイル BIZUDGothic-Regular.ttf が TrueType フォントではありません',
    );
  }, 60_000);

  it('says that diff --old-rev needs git, and what to do instead', () => {
    const result = run(exe, ['diff', '--old-rev', 'HEAD'], folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'git が見つかりません。git を入れるか、--old-rev の代わりに --old で前の年度のデータのフォルダを指定してください',
    );
  });

  it('started without arguments (a double-click), builds the data/ beside it and says where the documents are', async () => {
    const town = await townFolder(LINUX, 'keikaku', 'ダブルクリック');
    const result = run(path.join(town, 'keikaku'), [], town);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${town} の data フォルダから実施計画を作ります`);
    expect(result.stderr).toContain(`できあがった文書は ${path.join(town, 'out')} にあります。`);
    expect(differing(await readDocuments(path.join(town, 'out')), built)).toEqual([]);

    const empty = await mkdtemp(path.join(tmpdir(), 'keikaku-empty-'));
    await copyFile(path.join(dist, LINUX), path.join(empty, 'keikaku'));
    const nothing = run(path.join(empty, 'keikaku'), [], empty);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain(`${empty} に data フォルダがありません。`);
  }, 120_000);

  it('started from a terminal window, keeps it open until Enter', async () => {
    // script(1) gives the executable a terminal, as a console window does.
    const empty = await mkdtemp(path.join(tmpdir(), 'keikaku-window-'));
    await copyFile(path.join(dist, LINUX), path.join(empty, 'keikaku'));
    const child = spawn('script', ['-qec', './keikaku', '/dev/null'], { cwd: empty });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => output, { timeout: 10_000 }).toContain('Enter キーを押すと閉じます。');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode).toBe(null);
    child.stdin.write('\n');
    expect(await exited).toBe(2);
  }, 30_000);
});

describe.skipIf(!WINE_AVAILABLE && process.env.CI !== 'true')(
  `the Windows executable under wine${WINE_AVAILABLE ? '' : '（wine がないため飛ばします。Debian の wine パッケージで動きます）'}`,
  () => {
    let prefix: string;
    let folder: string;
    const wine = (args: readonly string[], cwd: string) =>
      run('wine', args, cwd, {
        WINEPREFIX: prefix,
        WINEDEBUG: '-all',
        PATH: process.env.PATH,
        // Debian's wine keeps its server's socket under TMPDIR: every wine of the prefix must see
        // the one wineboot saw (the suite's own, tests/helpers/temp-root.ts), or it starts another.
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        // wine turns Unix file names into Windows ones through the locale's character set.
        LANG: 'C.UTF-8',
      });

    beforeAll(async () => {
      if (!WINE_AVAILABLE) throw new Error('wine が見つかりません。CI では .ci/run が Debian の wine を入れます');
      prefix = await mkdtemp(path.join(tmpdir(), 'keikaku-wine-'));
      const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all' };
      execFileSync('wineboot', ['--init'], { env, stdio: 'ignore', timeout: 120_000 });
      // A fresh prefix says Windows 7, which Node 22 refuses to start on.
      execFileSync('wine', ['winecfg', '/v', 'win10'], { env, stdio: 'ignore', timeout: 60_000 });
      folder = await townFolder(WINDOWS, 'keikaku.exe', '実施 計画 (Windows)');
      // Data as Windows editors save it: CRLF line ends.
      for (const name of await readdir(path.join(folder, 'data'), { recursive: true })) {
        if (!name.endsWith('.yaml')) continue;
        const file = path.join(folder, 'data', name);
        await writeFile(file, (await readFile(file, 'utf8')).replace(/\r?\n/g, '\r\n'));
      }
    }, 240_000);

    afterAll(() => {
      if (prefix) spawnSync('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: prefix } });
    });

    it('validates CRLF data in a folder named in Japanese with a space, messages in readable Japanese', async () => {
      const linux = await townFolder(LINUX, 'keikaku');
      const result = wine(['keikaku.exe', 'validate'], folder);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        'data/measures/05.yaml:12:5: 警告: 事業「人権教育の推進」に担当課（department）がありません',
      );
      expect(result.stdout).toBe(run(path.join(linux, 'keikaku'), ['validate'], linux).stdout);
    }, 120_000);

    it('builds documents with the Japanese file names, byte-identical to the Linux build', async () => {
      const linux = await townFolder(LINUX, 'keikaku');
      expect(run(path.join(linux, 'keikaku'), ['build'], linux).code).toBe(0);
      const result = wine(['keikaku.exe', 'build'], folder);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const [windows, reference] = (await Promise.all(
        [folder, linux].map((f) => readDocuments(path.join(f, 'out'))),
      )) as [Map<string, Buffer>, Map<string, Buffer>];
      expect([...windows.keys()]).toContain('担当課別/まち未来創造課.pdf');
      expect(windows.size).toBe(27);
      expect(differing(windows, reference)).toEqual([]);
    }, 180_000);

    it.skipIf(!SIGNING_AVAILABLE && process.env.CI !== 'true')(
      `can be signed with the town’s certificate, and then still runs${SIGNING_AVAILABLE ? '' : '（osslsigncode か openssl がないため飛ばします）'}`,
      async () => {
        const work = await mkdtemp(path.join(tmpdir(), 'keikaku-sign-'));
        const [key, cert, signed] = ['town.key', 'town.crt', 'keikaku-signed.exe'].map((f) => path.join(work, f)) as [
          string,
          string,
          string,
        ];
        execFileSync(
          'openssl',
          ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert].concat([
            '-days',
            '2',
            '-subj',
            '/CN=Test Town/O=keikaku tests',
          ]),
          { stdio: 'ignore' },
        );
        execFileSync(
          'osslsigncode',
          ['sign', '-certs', cert, '-key', key, '-n', 'keikaku'].concat([
            '-in',
            path.join(dist, WINDOWS),
            '-out',
            signed,
          ]),
          { stdio: 'ignore' },
        );
        const verified = spawnSync('osslsigncode', ['verify', '-CAfile', cert, '-in', signed], { encoding: 'utf8' });
        expect(verified.stdout).toContain('Signature verification: ok');
        expect(wine([signed, '--version'], work)).toMatchObject({
          code: 0,
          stdout: `${JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version}\n`,
        });
      },
      120_000,
    );

    it('started without arguments, builds and says where the documents are', async () => {
      const town = await townFolder(WINDOWS, 'keikaku.exe', 'ダブルクリック');
      const result = wine(['keikaku.exe'], town);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/できあがった文書は Z:\\.*\\ダブルクリック\\out にあります。/);
      expect((await readDocuments(path.join(town, 'out'))).size).toBe(27);
    }, 180_000);
  },
);
