// The cover names the plan as a reader looks for it: town, title, the period in 西暦 and 和暦,
// the 基本方針 a partial plan covers, and the 策定・改訂 dates the data gives (none when it gives
// none: never the day of the build).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { makeDataDir, runCli } from './helpers/cli.ts';
import { pdfPages, squash } from './helpers/extract.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

async function coverOf(cwd: string): Promise<string> {
  const run = await runCli(['build', '--format', 'pdf', '--no-departments', ...TEMPLATE_ARGS], cwd);
  expect(run.code, run.stdout).toBe(0);
  const pdf = await readFile(path.join(cwd, 'out', '実施計画_2024-2026.pdf'));
  return squash((await pdfPages(pdf))[0]!);
}

describe('the cover', () => {
  it('of the seed: 西暦 and 和暦 period, the one 基本方針 it covers, no date it was not given', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const plan = YAML.parse(await readFile(path.join(cwd, 'data', 'plan.yaml'), 'utf8')) as {
      municipality: string;
      policies: { number: number; title: string }[];
    };
    const cover = await coverOf(cwd);
    const policy = plan.policies[0]!;
    expect(cover).toBe(
      squash(
        `${plan.municipality}実施計画（2024年度～2026年度）令和6年度～令和8年度基本方針${policy.number}${policy.title}`,
      ),
    );
  });

  it('prints 策定 and 改訂 from plan.yaml as era year and month', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const file = path.join(cwd, 'data', 'plan.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('period:', 'adopted: 2024-03-29\nrevised: 2025-03-28\nperiod:'));
    expect(await coverOf(cwd)).toMatch(/令和6年3月策定令和7年3月改訂$/);
  });

  it('refuses a date that does not exist, at its place in plan.yaml', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const file = path.join(cwd, 'data', 'plan.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('period:', 'adopted: 2024-02-30\nperiod:'));
    const line = text.slice(0, text.indexOf('period:')).split('\n').length;
    const run = await runCli(['validate'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `data/plan.yaml:${line}:10: エラー: adopted（策定日）: 日付は 2024-03-29 のように西暦の年-月-日で、実在する日を書いてください（「2024-02-30」）`,
    );
  });
});
