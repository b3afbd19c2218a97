// 担当課別抜粋 and 事業費総括表: each excerpt holds its own 事業 and nobody else's, its totals
// are the sums of its own rows, and the per-department totals add up to the 施策 totals.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/data/plan-model.ts';
import { budgetTable } from '../src/plan/budget.ts';
import { budgetSummary } from '../src/plan/budget-summary.ts';
import { yearsOf } from '../src/plan/fiscal-year.ts';
import { excerptView } from '../src/views/excerpt-view.ts';
import { planView } from '../src/views/plan-view.ts';
import { listDocuments, makeDataDir, runCli } from './helpers/cli.ts';
import { htmlText, pdfPages, squash } from './helpers/extract.ts';
import { generatePlan } from './helpers/generate-plan.ts';
import { expectedPlan, firstOutOfOrder, withCommas } from './helpers/oracle.ts';
import {
  loadPlan,
  paragraphsOfClass,
  ROOT,
  tableBodyText,
  tablesOfClass,
  treeOf,
  TEMPLATE_ARGS,
} from './helpers/plan.ts';
import { itSlow } from './helpers/quick.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await loadPlan();
});

const departmentOf = (p: Plan) =>
  new Map(p.measures.flatMap((m) => m.projects.map((j) => [j.id, j.department] as const)));

/** The 事業 of each 取組 row of a department, in plan order, straight from the data. */
function ownRows(p: Plan, department: string): string[] {
  const owner = departmentOf(p);
  return p.measures.flatMap((m) =>
    m.initiatives.flatMap((t) =>
      t.rows
        .filter((r) => owner.get(r.project) === department)
        .map((r) => m.projects.find((j) => j.id === r.project)!.name),
    ),
  );
}

describe('each 担当課 excerpt of the seed', () => {
  it('shows in its 取組 tables exactly its own 事業 rows, and no other department’s', async () => {
    for (const department of plan.departments) {
      const tree = await treeOf({ template: 'excerpt', view: excerptView(plan, department) });
      expect(paragraphsOfClass(tree, 'project-name'), department).toEqual(ownRows(plan, department));
      expect(new Set(paragraphsOfClass(tree, 'department')), department).toEqual(new Set([department]));
    }
  });

  it('has 事業費 tables with only its own 事業, each with a 合計 over them (summed by the test from the YAML)', async () => {
    const seed = await expectedPlan(path.join(ROOT, 'data'));
    for (const department of plan.departments) {
      const tree = await treeOf({ template: 'excerpt', view: excerptView(plan, department) });
      const expected = seed.measures
        .map((m) => m.budget.filter((l) => l.department === department))
        .filter((lines) => lines.length > 0)
        .map((lines) => {
          const sums = seed.years.map((_, i) => lines.reduce((s, l) => s + l.amounts[i]!, 0));
          return [
            ...lines.map((l) => [l.project, ...l.amounts.map(withCommas), withCommas(l.total)]),
            ['合計', ...sums.map(withCommas), withCommas(sums.reduce((a, b) => a + b, 0))],
          ];
        });
      expect(tablesOfClass(tree, 'budget').map(tableBodyText), department).toEqual(expected);
    }
  });

  it('has a front page listing every one of its 事業 with its amounts, and totals that are the sum of its own rows', async () => {
    const owner = departmentOf(plan);
    const years = yearsOf(plan.period);
    for (const department of plan.departments) {
      const tree = await treeOf({ template: 'excerpt', view: excerptView(plan, department) });
      const [front] = tablesOfClass(tree, 'excerpt-projects');
      const rows = tableBodyText(front!);
      const own = plan.measures.flatMap((m) =>
        m.projects.filter((j) => j.department === department).map((j) => ({ m, j })),
      );
      expect(
        rows.slice(0, -1).map((r) => r[1]),
        department,
      ).toEqual(own.map(({ j }) => j.name));
      const sums = years.map((y) =>
        plan.measures
          .flatMap((m) => m.budget.filter((b) => owner.get(b.project) === department))
          .reduce((s, b) => s + (b.amounts[String(y)] ?? 0), 0),
      );
      expect(rows[rows.length - 1], department).toEqual([
        '合計',
        ...sums.map(withCommas),
        withCommas(sums.reduce((a, b) => a + b, 0)),
      ]);
    }
  });

  it('keeps the 取組 numbers of the whole plan', () => {
    const view = excerptView(plan, '福祉課');
    expect(view.measures.map((m) => `${m.number}:${m.initiatives.map((t) => t.ordinal + t.name).join(',')}`)).toEqual([
      '5:②人権啓発の推進',
      '6:④暴力・ハラスメント対策及び被害者支援',
    ]);
  });
});

describe('per-department totals add up to the 施策 totals', () => {
  const check = (p: Plan) => {
    const summary = budgetSummary(p);
    // Every 事業費 of the plan added up here, entry by entry, without budgetTable.
    const independent = summary.years.map((y) =>
      p.measures.flatMap((m) => m.budget).reduce((s, b) => s + (b.amounts[String(y)] ?? 0), 0),
    );
    expect(summary.grand.amounts).toEqual(independent);
    expect(summary.grand.total).toBe(independent.reduce((a, b) => a + b, 0));
    summary.years.forEach((_, i) => {
      const byMeasure = p.measures.reduce((s, m) => s + budgetTable(m, summary.years).yearTotals[i]!, 0);
      const byDepartment = summary.departments.reduce((s, d) => s + d.amounts[i]!, 0) + summary.unassigned.amounts[i]!;
      const byBasic = summary.basicMeasures.reduce((s, b) => s + b.amounts[i]!, 0);
      expect(byDepartment).toBe(byMeasure);
      expect(byBasic).toBe(byMeasure);
      expect(summary.grand.amounts[i]).toBe(byMeasure);
    });
  };

  it('for the seed, in every fiscal year', async () => {
    check(plan);
    const seed = await expectedPlan(path.join(ROOT, 'data'));
    expect(seed.grandTotal).toBe(224_422); // as the printed plan's 総括表 gives it
    expect(budgetSummary(plan).grand.total).toBe(seed.grandTotal);
  });

  it('for a generated plan of 140 施策 over 30 departments, some 事業 without 担当課 or budget', () => {
    const big = generatePlan(140, 7);
    expect(budgetSummary(big).unassigned.projects.length).toBeGreaterThan(0);
    check(big);
  });
});

describe('the 事業費総括表 of the whole plan', () => {
  it('follows the 施策体系 with each 施策’s 合計, the 基本施策 小計, the grand total, and the totals per 担当課', async () => {
    const tree = await treeOf({ template: 'plan', view: planView(plan) });
    const [byMeasure, byDepartment] = tablesOfClass(tree, 'summary').map(tableBodyText);
    expect(byMeasure![0]).toEqual([
      '基本施策 1　町民参加体制の充実',
      '施策 1　地域活動の活性化',
      '11,824',
      '11,824',
      '9,364',
      '33,012',
    ]);
    expect(byMeasure!.filter((r) => r[0] === '小計').map((r) => r[4])).toEqual([
      '57,867',
      '8,610',
      '21,687',
      '136,258',
    ]);
    expect(byMeasure![byMeasure!.length - 1]).toEqual(['合計', '79,196', '73,843', '71,383', '224,422']);
    expect(byDepartment!.map((r) => r[0])).toEqual([...plan.departments, '合計']);
    expect(byDepartment![byDepartment!.length - 1]).toEqual(['合計', '79,196', '73,843', '71,383', '224,422']);
    const sections = tree.sections.map((s) => s.style);
    expect(sections.indexOf('summary')).toBe(sections.indexOf('outline') + 1);
  });

  it('names the 事業 without a 担当課 under the table (the seed’s 人権教育の推進 has no budget, so no row)', async () => {
    const tree = await treeOf({ template: 'plan', view: planView(plan) });
    expect(paragraphsOfClass(tree, 'note')).toContain(
      '※担当課が未記入の事業（施策5「人権教育の推進」）は、担当課別の集計と担当課別抜粋に含まれていません。',
    );
  });
});

describe('edge cases', () => {
  const minimal = async (overrides: Record<string, string>) =>
    loadPlan(path.join(await makeDataDir(overrides), 'data'));
  const departments = 'departments:\n  - 総務課\n  - 財政課\n  - 企画課\n';

  it('a department in the list with no 事業 gets an excerpt that says so', async () => {
    const p = await minimal({ 'departments.yaml': departments });
    const view = excerptView(p, '企画課');
    expect(view.measures).toEqual([]);
    const tree = await treeOf({ template: 'excerpt', view });
    expect(paragraphsOfClass(tree, 'note')).toEqual(['※この担当課の事業は、この計画にありません。']);
  });

  it('a department whose 事業 have no budget: its 事業 listed with ―, a 0 total, and the 予算なし sentence', async () => {
    const p = await minimal({});
    const tree = await treeOf({ template: 'excerpt', view: excerptView(p, '財政課') });
    expect(tableBodyText(tablesOfClass(tree, 'excerpt-projects')[0]!)).toEqual([
      ['施策 2', '予算のない事業', '―', '―', '―', '―'],
      ['合計', '0', '0', '0', '0'],
    ]);
    expect(paragraphsOfClass(tree, 'note')).toContain('※この担当課の事業には事業費（予算）がありません。');
    expect(paragraphsOfClass(tree, 'no-budget')).toEqual(['※予算なし事業のため事業費欄は記載なし※']);
  });

  it('a budgeted 事業 without a 担当課 gets a （担当課未記入） row so that the departments add up, and is in no excerpt', async () => {
    const measure = (
      await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8')
    ).replace('    department: 総務課\n', '');
    const p = await minimal({ 'measures/01.yaml': measure });
    const tree = await treeOf({ template: 'plan', view: planView(p) });
    const byDepartment = tableBodyText(tablesOfClass(tree, 'summary')[1]!);
    expect(byDepartment).toEqual([
      // Neither 担当課 has a 事業費 of its own: nothing to count.
      ['総務課', '―', '―', '―', '―'],
      ['財政課', '―', '―', '―', '―'],
      ['（担当課未記入）', '100', '200', '0', '300'],
      ['合計', '100', '200', '0', '300'],
    ]);
    expect(excerptView(p, '総務課').measures).toEqual([]);
  });

  it('a 施策 with no budget shows 「―」 in the 総括表 (nothing to count, not 0)', async () => {
    const p = await minimal({});
    const tree = await treeOf({ template: 'plan', view: planView(p) });
    expect(tableBodyText(tablesOfClass(tree, 'summary')[0]!)[1]).toEqual([
      '施策 2　予算のない施策',
      '―',
      '―',
      '―',
      '―',
    ]);
  });
});

describe('keikaku build and the excerpts', () => {
  itSlow(
    'writes one PDF and one Word file per 担当課, each holding its own 事業 and totals',
    async () => {
      const work = await makeDataDir({}, path.join(ROOT, 'data'));
      const run = await runCli(['build', ...TEMPLATE_ARGS, '--format', 'pdf'], work);
      expect(run.code).toBe(0);
      expect((await readdir(path.join(work, 'out', '担当課別'))).sort()).toEqual(
        plan.departments.map((d) => `${d}.pdf`).sort(),
      );
      const text = squash((await pdfPages(await readFile(path.join(work, 'out', '担当課別', '住民課.pdf')))).join(''));
      for (const name of [
        '戸籍事務費',
        '住民登録費',
        '効率的な窓口処理の推進',
        '夜間窓口業務の実施',
        '25,474',
        '76,606',
      ])
        expect(text).toContain(name);
      for (const other of ['出納事務費', '町有財産管理', '職員研修事業']) expect(text).not.toContain(other);
    },
    120_000,
  );

  it('writes each 担当課’s HTML excerpt: its own 事業 in plan order with their amounts and 合計, nobody else’s', async () => {
    const work = await makeDataDir({}, path.join(ROOT, 'data'));
    expect((await runCli(['build', ...TEMPLATE_ARGS, '--format', 'html'], work)).code).toBe(0);
    const seed = await expectedPlan(path.join(ROOT, 'data'));
    const lines = seed.measures.flatMap((m) => m.budget);
    const projects = seed.measures.flatMap((m) => m.projects);
    // Names of other departments' 事業 that no sentence, item, title or 取組 of the plan contains,
    // nor one of this department's 事業: where they appear, only another's 事業 can have put them.
    const prose = seed.measures.flatMap((m) => [m.title, ...m.directions, ...m.items, ...m.initiatives]).join('\n');
    const otherNames = (department: string) =>
      projects
        .filter((p) => p.department !== department)
        .map((p) => p.name)
        .filter(
          (name) =>
            !prose.includes(name) && !projects.some((p) => p.department === department && p.name.includes(name)),
        );
    for (const department of plan.departments) {
      const text = squash(htmlText(await readFile(path.join(work, 'out', '担当課別', `${department}.html`), 'utf8')));
      const own = lines.filter((l) => l.department === department);
      const sums = seed.years.map((_, i) => own.reduce((s, l) => s + l.amounts[i]!, 0));
      const ownProjects = projects.filter((p) => p.department === department).map((p) => p.name);
      expect(firstOutOfOrder(text, ownProjects.map(squash)), department).toBeUndefined();
      for (const l of own)
        expect(text, `${department}: ${l.project}`).toContain(
          squash([l.project, ...l.amounts.map(withCommas), withCommas(l.total)].join('')),
        );
      expect(text, department).toContain(
        squash(['合計', ...sums.map(withCommas), withCommas(sums.reduce((a, b) => a + b, 0))].join('')),
      );
      expect(otherNames(department).length, department).toBeGreaterThan(3);
      for (const other of otherNames(department))
        expect(text, `${department} holds ${other}`).not.toContain(squash(other));
    }
  }, 60_000);

  itSlow(
    '--department builds only that excerpt; an unknown name lists the known ones',
    async () => {
      const work = await makeDataDir({}, path.join(ROOT, 'data'));
      const run = await runCli(['build', ...TEMPLATE_ARGS, '--department', '会計課', '--format', 'pdf'], work);
      expect(run.code).toBe(0);
      expect(await listDocuments(path.join(work, 'out'))).toEqual(['担当課別']);
      expect(await readdir(path.join(work, 'out', '担当課別'))).toEqual(['会計課.pdf']);
      const unknown = await runCli(['build', ...TEMPLATE_ARGS, '--department', '会計', '--format', 'pdf'], work);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toContain(
        '--department: エラー: 担当課「会計」は departments.yaml にありません（総務課、政策企画課、まち未来創造課、財政課、会計課、住民課、福祉課、生涯学習課）',
      );
    },
    60_000,
  );

  itSlow(
    '--no-departments builds the plan alone',
    async () => {
      const work = await makeDataDir({}, path.join(ROOT, 'data'));
      const run = await runCli(['build', ...TEMPLATE_ARGS, '--no-departments', '--format', 'pdf'], work);
      expect(run.code).toBe(0);
      expect(await listDocuments(path.join(work, 'out'))).toEqual(['実施計画_2024-2026.pdf']);
    },
    60_000,
  );
});
