// Where there is nothing to count, the documents say so: the 事業費総括表 prints 「―」 for a 施策
// without 事業費 (its page says 予算なし) and for a 担当課 without any, not a sum of 0; a 担当課's
// excerpt says that this 担当課 has no 事業費 in a 施策 whose 事業費 belongs to others, never that
// the 施策 has none. Expected rows are worked out from the YAML (tests/helpers/oracle.ts).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { pdfPages, squash } from './helpers/extract.ts';
import { expectedPlan, withCommas, type ExpectedPlan } from './helpers/oracle.ts';
import { ROOT, SEED_ARGS } from './helpers/plan.ts';

let out: string;
let expected: ExpectedPlan;
let planText: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'keikaku-nothing-'));
  const run = await runCli(['build', ...SEED_ARGS, '--format', 'pdf', '--out', out, '--no-cache'], ROOT);
  expect(run.code, run.stdout).toBe(0);
  expected = await expectedPlan(path.join(ROOT, 'data'));
  planText = squash((await pdfPages(await readFile(path.join(out, '実施計画_2024-2026.pdf')))).join('\n'));
});

describe('nothing to count', () => {
  it('prints 「―」 in the 総括表 for each 施策 without 事業費, and the figures for the others', () => {
    const summary = planText.slice(planText.indexOf('事業費総括表'));
    const unbudgeted = expected.measures.filter((m) => m.budget.length === 0);
    expect(unbudgeted.length).toBeGreaterThan(0); // the seed has 予算なし 施策
    for (const m of unbudgeted) expect(summary).toContain(`施策${m.number}${m.title}――――`);
    const budgeted = expected.measures.find((m) => m.budget.length > 0)!;
    expect(summary).toContain(`施策${budgeted.number}${budgeted.title}${budgeted.yearTotals.map(withCommas).join('')}`);
  });

  it('says in an excerpt that the 担当課 has no 事業費 in a 施策 whose 事業費 is another’s', async () => {
    // A 担当課 with a 事業 in a 施策 whose 事業費 rows are all other 担当課's.
    const cases = expected.measures.flatMap((m) =>
      [...new Set(m.projects.map((p) => p.department))]
        .filter((d): d is string => d !== undefined)
        .filter((d) => m.budget.length > 0 && !m.budget.some((b) => b.department === d))
        .map((department) => ({ department, measure: m })),
    );
    expect(cases.length).toBeGreaterThan(0);
    const { department, measure } = cases[0]!;
    const run = await runCli(
      ['build', ...SEED_ARGS, '--format', 'pdf', '--department', department, '--out', out, '--no-cache'],
      ROOT,
    );
    expect(run.code).toBe(0);
    const pages = (await pdfPages(await readFile(path.join(out, '担当課別', `${department}.pdf`)))).map(squash);
    const page = pages.find((p) => p.includes(`${measure.title}`) && p.includes('施策の方向'))!;
    expect(page).toContain(
      `※この施策の${department}の事業には事業費がありません（施策の事業費はほかの担当課の事業のものです）※`,
    );
    expect(page).not.toContain('予算なし事業のため');
  });
});
