// npm run bench: the full build (the plan and every 担当課 excerpt, in PDF, Word and HTML), each
// run in a fresh process with a fresh out folder (cold, as CI runs it), for the shipped plan
// (14 施策) and for generated plans of 140 and 1,400 施策; then the rebuild after one 施策 file
// changes (out/.cache warm); beside the seed build, LibreOffice converting the plan's Word file
// to PDF (when soffice is present) and the ratio of the two; then `validate` of a 5 MB 施策
// file, valid and full of mistakes.
// With dist/keikaku-linux-x64 (npm run package), also the single executable beside the npm CLI:
// `--version` and the full seed build. Prints the medians and writes them to out/bench.json.
// BENCH_SIZES=14,140 and BENCH_RUNS=3 narrow it down (BENCH_SIZES= with nothing skips the sizes).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '14,140,1400').split(',').filter(Boolean).map(Number);
const BIN = path.join(ROOT, 'bin', 'keikaku.js');

// Every folder the bench makes (generated plans, out folders, LibreOffice's profile) goes under one
// removed when it ends, however it ends: a full run writes a few GB. os.tmpdir() reads TMPDIR, and
// the processes the bench starts inherit it.
const TEMP_ROOT = mkdtempSync(path.join(tmpdir(), 'keikaku-bench-'));
process.env.TMPDIR = TEMP_ROOT;
process.on('exit', () => rmSync(TEMP_ROOT, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Run {
  wall: number;
  cpuSeconds: number;
  maxRssMb: number;
}

/** One keikaku command in a fresh process (as users run it); the child reports its own CPU time and peak memory. */
function timed(command: string, args: string[], expectedCode = 0): Run {
  const report = path.join(tmpdir(), `keikaku-bench-report-${process.pid}.json`);
  const start = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-child.mjs'), command, ...args], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, KEIKAKU_BENCH_REPORT: report },
    });
  } catch (error) {
    if ((error as { status?: number }).status === undefined) throw error;
  }
  const wall = (performance.now() - start) / 1000;
  const child = JSON.parse(readFileSync(report, 'utf8')) as { code: number; cpuSeconds: number; maxRssMb: number };
  if (child.code !== expectedCode)
    throw new Error(`${command} ${args.join(' ')} ended with exit ${child.code}, not ${expectedCode}`);
  return { wall, cpuSeconds: child.cpuSeconds, maxRssMb: child.maxRssMb };
}

const timedBuild = (args: string[]): Run => timed('build', args);

/**
 * The shipped data with measures/01.yaml replaced by one 施策 of about `bytes` bytes: many 事業
 * and rows. `broken`: every 事業 misspells a key and every row lacks a year (tens of thousands
 * of problems), the worst a validator meets.
 */
async function largeMeasure(bytes: number, broken: boolean): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-bench-large-')), 'data');
  execFileSync('cp', ['-r', path.join(ROOT, 'data'), dir]);
  const head = [
    'id: s01',
    'number: 1',
    'policy: 5',
    'basicMeasure: 1',
    'title: 大きな施策',
    'directions: [方向です。]',
  ];
  const project = (i: number) =>
    `  - id: b${i}\n    name: 事業${i}の名称はこのくらいの長さです\n    department: 総務課\n    ${broken ? 'statsu' : 'status'}: 継続\n`;
  const row = (i: number) =>
    `      - project: b${i}\n        schedule:\n          2024:\n            - 計画の項目です計画の項目です\n          2025: []\n${broken ? '' : '          2026: []\n'}`;
  const per = Buffer.byteLength(project(0) + row(0));
  const count = Math.round(bytes / per);
  const text = [
    ...head,
    'projects:',
    Array.from({ length: count }, (_, i) => project(i)).join(''),
    'initiatives:\n  - id: bt1\n    name: 取組\n    rows:',
    Array.from({ length: count }, (_, i) => row(i)).join(''),
    'budget: []\n',
  ].join('\n');
  await writeFile(path.join(dir, 'measures', '01.yaml'), text);
  return dir;
}

async function pdfPages(dir: string): Promise<number> {
  let pages = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    if (name.endsWith('.pdf') && !name.startsWith('.'))
      pages += ((await readFile(path.join(dir, name), 'latin1')).match(/\/Type \/Page\b/g) ?? []).length;
  }
  return pages;
}

async function dataFor(size: number): Promise<string> {
  if (size === 14) return path.join(ROOT, 'data');
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-bench-data-')), `plan-${size}`);
  execFileSync(
    process.execPath,
    [BIN, 'generate', '--measures', String(size), '--out', dir, '--data', path.join(ROOT, 'data')],
    { cwd: ROOT },
  );
  return dir;
}

/**
 * LibreOffice converting the plan's Word file (from the seed build in `out`) to PDF, each run a
 * fresh soffice process with a profile made once beforehand (as a town hall's installed copy
 * has): the yardstick the full seed build is measured against. Also LibreOffice converting a
 * one-line text file, its start-up: the part of the yardstick that depends on the machine more
 * than on the document (4.1 s of 4.8 s in one sandbox, where the same bench had measured the
 * whole conversion at 1.2 s on another machine). Undefined without soffice.
 */
async function libreOfficeConversion(out: string): Promise<{ conversion: Run; startUp: Run } | undefined> {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('soffice (LibreOffice) がないため、Word から PDF への変換とは比べません');
    return undefined;
  }
  const work = await mkdtemp(path.join(tmpdir(), 'keikaku-bench-soffice-'));
  const docx = path.join(out, '実施計画_2024-2026.docx');
  const text = path.join(work, '一行.txt');
  await writeFile(text, '実施計画\n');
  const convert = (file: string) => () =>
    timedCommand('soffice', [
      `-env:UserInstallation=file://${work}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ]);
  convert(docx)(); // makes the profile
  const medianOf = (runs: Run[]): Run => ({
    wall: median(runs.map((r) => r.wall)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
  });
  return {
    conversion: medianOf(Array.from({ length: RUNS }, convert(docx))),
    startUp: medianOf(Array.from({ length: RUNS }, convert(text))),
  };
}

/** Wall seconds of one command in a fresh process, its output discarded. */
function wallOf(command: string, args: string[], cwd: string): number {
  const start = performance.now();
  execFileSync(command, args, { cwd, stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}

/** Any program in a fresh process, timed by /usr/bin/time when present for its CPU time and peak memory. */
function timedCommand(command: string, args: string[]): Run {
  const timeFile = path.join(tmpdir(), `keikaku-bench-time-${process.pid}`);
  try {
    const wall = wallOf('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, command, ...args], ROOT);
    const [user, system, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
    return { wall, cpuSeconds: user! + system!, maxRssMb: kb! / 1024 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { wall: wallOf(command, args, ROOT), cpuSeconds: NaN, maxRssMb: NaN };
  }
}

const results = [];
let libreOffice: Awaited<ReturnType<typeof libreOfficeConversion>>;
for (const size of SIZES) {
  const data = await dataFor(size);
  const cold: Run[] = [];
  let out = '';
  for (let i = 0; i < RUNS; i++) {
    out = await mkdtemp(path.join(tmpdir(), 'keikaku-bench-out-'));
    cold.push(timedBuild(['--data', data, '--out', out]));
  }
  const pages = await pdfPages(out);
  if (size === 14) libreOffice = await libreOfficeConversion(out);
  // Rebuild: touch one 施策 file (a sentence of its 施策の方向), in turn back and forth.
  const measures = (await readdir(path.join(data, 'measures'))).sort();
  const target = path.join(data, 'measures', measures[Math.floor(measures.length / 2)]!);
  const original = await readFile(target, 'utf8');
  const rebuild: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    await writeFile(target, original.replace(/(directions:\n {2}- )/, i % 2 === 0 ? '$1（改）' : '$1'));
    rebuild.push(timedBuild(['--data', data, '--out', out]));
  }
  await writeFile(target, original);
  const wall = median(cold.map((r) => r.wall));
  results.push({
    measures: size,
    wallSeconds: round(wall),
    cpuSeconds: round(median(cold.map((r) => r.cpuSeconds))),
    peakMemoryMb: round(median(cold.map((r) => r.maxRssMb)), 0),
    pdfPages: pages,
    pagesPerSecond: round(pages / wall, 1),
    msPerMeasure: round((wall * 1000) / size, 1),
    rebuildSeconds: round(median(rebuild.map((r) => r.wall))),
  });
  console.error(`${size} 施策: done`);
}

console.log(
  `Full build (plan + every 担当課 excerpt; PDF, Word, HTML), median of ${RUNS} fresh processes; ${process.version}, ${cpus().length} cores`,
);
console.table(
  results.map((r) => ({
    施策: r.measures,
    'wall s': r.wallSeconds,
    'cpu s': r.cpuSeconds,
    'peak MB': r.peakMemoryMb,
    'PDF pages': r.pdfPages,
    'pages/s': r.pagesPerSecond,
    'ms/施策': r.msPerMeasure,
    'rebuild s': r.rebuildSeconds,
  })),
);
const seed = results.find((r) => r.measures === 14);
if (seed && libreOffice) {
  console.log(
    `The full seed build against LibreOffice converting the plan's Word file to PDF, median of ${RUNS} fresh processes`,
  );
  console.table([
    {
      program: 'keikaku build (plan + 8 excerpts; PDF, Word, HTML)',
      'wall s': seed.wallSeconds,
      'peak MB': seed.peakMemoryMb,
    },
    {
      program: 'soffice --convert-to pdf 実施計画_2024-2026.docx',
      'wall s': round(libreOffice.conversion.wall),
      'peak MB': round(libreOffice.conversion.maxRssMb, 0),
    },
    { program: 'ratio (keikaku / LibreOffice)', 'wall s': round(seed.wallSeconds / libreOffice.conversion.wall) },
    {
      program: "soffice --convert-to pdf of one line of text (LibreOffice's start-up on this machine)",
      'wall s': round(libreOffice.startUp.wall),
      'peak MB': round(libreOffice.startUp.maxRssMb, 0),
    },
  ]);
}
const validation = [];
for (const broken of [false, true]) {
  const data = await largeMeasure(5_000_000, broken);
  const runs = Array.from({ length: RUNS }, () => timed('validate', ['--data', data], broken ? 1 : 0));
  validation.push({
    file: broken ? '5 MB, a mistake in every 事業 and row' : '5 MB, valid',
    wallSeconds: round(median(runs.map((r) => r.wall))),
    peakMemoryMb: round(median(runs.map((r) => r.maxRssMb)), 0),
  });
}
console.log(`validate of one 施策 file of 5 MB, median of ${RUNS} fresh processes`);
console.table(validation.map((v) => ({ file: v.file, 'wall s': v.wallSeconds, 'peak MB': v.peakMemoryMb })));

/** The single executable beside the npm CLI: start-up (`--version`) and the full seed build, cold. */
async function executableBench() {
  const exe = path.join(ROOT, 'dist', 'keikaku-linux-x64');
  if (!(await stat(exe).catch(() => undefined))) {
    console.log('dist/keikaku-linux-x64 がないため、実行ファイルは測りません（npm run package で作れます）');
    return undefined;
  }
  const commands = { npm: [process.execPath, BIN], executable: [exe] } as const;
  const rows = [];
  for (const [name, [command, ...prefix]] of Object.entries(commands)) {
    const version = Array.from({ length: Math.max(RUNS, 10) }, () => wallOf(command, [...prefix, '--version'], ROOT));
    const build = [];
    for (let i = 0; i < RUNS; i++) {
      const out = await mkdtemp(path.join(tmpdir(), 'keikaku-bench-exe-'));
      build.push(wallOf(command, [...prefix, 'build', '--data', path.join(ROOT, 'data'), '--out', out], ROOT));
    }
    rows.push({ program: name, versionSeconds: round(median(version), 3), buildSeconds: round(median(build)) });
  }
  console.log(
    `The single executable beside the npm CLI (seed plan), medians: --version of ${Math.max(RUNS, 10)}, build of ${RUNS}`,
  );
  console.table(rows.map((r) => ({ program: r.program, '--version s': r.versionSeconds, 'build s': r.buildSeconds })));
  return rows;
}
const executable = await executableBench();

await mkdir(path.join(ROOT, 'out'), { recursive: true });
await writeFile(
  path.join(ROOT, 'out', 'bench.json'),
  `${JSON.stringify(
    {
      node: process.version,
      cores: cpus().length,
      runs: RUNS,
      results,
      libreOffice: libreOffice && {
        wallSeconds: round(libreOffice.conversion.wall),
        peakMemoryMb: round(libreOffice.conversion.maxRssMb, 0),
        seedBuildRatio: seed && round(seed.wallSeconds / libreOffice.conversion.wall),
        startUpSeconds: round(libreOffice.startUp.wall),
      },
      validation,
      executable,
    },
    null,
    2,
  )}\n`,
);
