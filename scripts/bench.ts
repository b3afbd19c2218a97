// npm run bench: the full build of the shipped plan in fresh processes (cold, as staff and CI
// run it), several times; prints the medians of wall time, CPU time and peak memory, and
// writes them to out/bench.json.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(label: string, args: string[]) {
  const runs: { wall: number; cpuSeconds: number; maxRssMb: number }[] = [];
  let outDir = '';
  for (let i = 0; i < RUNS; i++) {
    outDir = await mkdtemp(path.join(tmpdir(), 'keikaku-bench-'));
    const start = performance.now();
    const line = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-child.ts'), ...args, '--out', outDir], { cwd: ROOT, encoding: 'utf8' });
    const wall = (performance.now() - start) / 1000;
    const child = JSON.parse(line.trim().split('\n').pop()!) as { code: number; cpuSeconds: number; maxRssMb: number };
    if (child.code !== 0) throw new Error(`${label}: build failed (exit ${child.code})`);
    runs.push({ wall, cpuSeconds: child.cpuSeconds, maxRssMb: child.maxRssMb });
  }
  const files = await readdir(outDir);
  const pdf = files.find((f) => f.endsWith('.pdf'));
  const pages = pdf ? ((await readFile(path.join(outDir, pdf), 'latin1')).match(/\/Type \/Page\b/g) ?? []).length : 0;
  const wall = median(runs.map((r) => r.wall));
  return {
    label,
    runs: RUNS,
    wallSeconds: round(wall),
    cpuSeconds: round(median(runs.map((r) => r.cpuSeconds))),
    peakMemoryMb: round(median(runs.map((r) => r.maxRssMb)), 0),
    pdfPages: pages,
    pagesPerSecond: pages ? round(pages / wall, 1) : '-',
  };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const results = [
  await measure('build: plan + excerpts, pdf+docx+html', ['build']),
  await measure('build --format pdf (plan + excerpts)', ['build', '--format', 'pdf']),
  await measure('build --no-departments (plan only)', ['build', '--no-departments']),
  await measure('build --measure 12', ['build', '--measure', '12']),
];
console.log(`median of ${RUNS} runs, each a fresh process (${process.version}, ${(await import('node:os')).cpus().length} cores)`);
console.table(results.map(({ label, wallSeconds, cpuSeconds, peakMemoryMb, pdfPages, pagesPerSecond }) => ({ label, 'wall s': wallSeconds, 'cpu s': cpuSeconds, 'peak MB': peakMemoryMb, pages: pdfPages, 'pages/s': pagesPerSecond })));
await mkdir(path.join(ROOT, 'out'), { recursive: true });
await writeFile(path.join(ROOT, 'out', 'bench.json'), `${JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2)}\n`);
