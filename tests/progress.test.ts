// What a person sees while a build runs: on a terminal, one line that updates in place
// (documents and print-layout parts done of all, time so far and left), then the summary; through
// a pipe or under CI, the summary alone. The terminal is a real pseudo-terminal (util-linux's
// script, which .ci/run makes sure of).
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { ROOT, SEED_ARGS } from './helpers/plan.ts';

const SCRIPT_AVAILABLE = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const BIN = path.join(ROOT, 'bin', 'keikaku.js');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A build under a pseudo-terminal: everything it wrote to the terminal, as the terminal got it. */
function onTerminal(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { ...env, COLUMNS: '100' },
    timeout: 120_000,
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout;
}

const withoutCi = () => {
  const env = { ...process.env };
  delete env.CI;
  return env;
};

const SUMMARY = /^.+ から .+\/ に 9 文書・27 ファイルを書き出しました（\d+\.\d 秒）$/;

const itOnTerminal = SCRIPT_AVAILABLE
  ? it
  : process.env.CI === 'true'
    ? (name: string) =>
        it(name, () => {
          throw new Error('script（util-linux）が見つかりません。CI では .ci/run が bsdutils を入れます');
        })
    : (name: string, test: () => Promise<void>) => it.skip(`${name}（script がないため飛ばしました）`, test);

describe('build progress', () => {
  itOnTerminal(
    'shows one updating line on a terminal, documents and parts advancing, then the summary',
    async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'keikaku-progress-'));
      const screen = onTerminal(['build', ...SEED_ARGS, '--no-cache', '--out', out], withoutCi());
      // Each redraw returns to the line's start and clears what was left of the last one.
      const draws = [...screen.matchAll(/\r(作成中[^\r\n\x1b]*)\x1b\[K/g)].map((m) => m[1]!);
      expect(draws.length).toBeGreaterThan(2);
      // Parts are shown once the plan's layout has said how many it has (a draw before that,
      // on a slow or busy machine, has none).
      const counts = draws.map((d) => {
        const m = /^作成中 文書 (\d+)\/9(?:・施策など (\d+)\/(\d+))?・経過 \d+\.\d 秒(?:・残り約 \d+\.\d 秒)?$/.exec(d);
        expect(m, d).not.toBeNull();
        return { documents: Number(m![1]), parts: Number(m![2] ?? 0) };
      });
      expect(draws.some((d) => d.includes('・施策など '))).toBe(true);
      // It advances, never back.
      for (let i = 1; i < counts.length; i++) {
        expect(counts[i]!.documents).toBeGreaterThanOrEqual(counts[i - 1]!.documents);
        expect(counts[i]!.parts).toBeGreaterThanOrEqual(counts[i - 1]!.parts);
      }
      expect(counts.at(-1)!.documents).toBeGreaterThan(counts[0]!.documents);
      expect(draws.some((d) => d.includes('残り約'))).toBe(true);
      // The line is cleared, and the summary stands on a line of its own.
      const lines = screen.split(/\r\n|\r|\n/).map((l) => l.replace(/\x1b\[K/g, ''));
      expect(lines.filter((l) => SUMMARY.test(l.replace(out, 'OUT')))).toHaveLength(1);
      // Nothing of the progress line stays on the screen: its last draw is cleared.
      expect(screen.slice(screen.lastIndexOf('作成中'))).toContain('\r\x1b[K');
    },
    120_000,
  );

  itOnTerminal(
    'under CI, a terminal gets the summary alone',
    async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'keikaku-progress-ci-'));
      const screen = onTerminal(['build', ...SEED_ARGS, '--no-cache', '--out', out], { ...withoutCi(), CI: 'true' });
      expect(screen).not.toContain('作成中');
      expect(screen.split(/\r?\n/).filter((l) => SUMMARY.test(l))).toHaveLength(1);
    },
    120_000,
  );

  it('through a pipe, prints the summary alone (no progress, no line per file)', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-progress-pipe-'));
    const run = await runCli(['build', ...SEED_ARGS, '--out', out], ROOT);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l !== '')).toEqual([expect.stringMatching(SUMMARY)]);
    expect(run.stderr).not.toContain('\r');
    // The rebuild says how much came from out/.cache.
    const again = await runCli(['build', ...SEED_ARGS, '--out', out], ROOT);
    expect(again.stderr).toMatch(
      / に 9 文書・27 ファイルを書き出しました（変更がなく .+\.cache から 27 ファイル、\d+\.\d 秒）\n$/,
    );
  }, 120_000);
});
