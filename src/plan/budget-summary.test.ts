// budgetSummary, projectBudgets: the 事業費総括表's sums per 施策, 基本施策, 担当課 and overall, from a small plan written here.
import { describe, expect, it } from 'vitest';
import type { Measure, Plan } from '../data/plan-model.ts';
import { budgetSummary, projectBudgets } from './budget-summary.ts';

function measure(over: Partial<Measure> & Pick<Measure, 'id' | 'projects' | 'budget'>): Measure {
  return {
    number: 1,
    policy: 1,
    basicMeasure: 1,
    title: over.id,
    directions: ['方向'],
    initiatives: [],
    hasInitiatives: true,
    file: `measures/${over.id}.yaml`,
    ...over,
  };
}

// 基本方針1 has 基本施策1 (施策 a and b) and 基本施策2 (coded 1-2, no 施策); 基本方針2 has 基本施策1 (施策 c).
// 事業 c1 is a 再掲 of a1 (listed once, under a); b2 has no 担当課; a2 has no 事業費 row.
const a = measure({
  id: 'a',
  projects: [
    { id: 'a1', name: '町民意識調査', department: '総務課' },
    { id: 'a2', name: '広報紙の発行', department: '総務課' },
  ],
  budget: [{ project: 'a1', amounts: { 2024: 100, 2025: 200 } }],
});
const b = measure({
  id: 'b',
  projects: [
    { id: 'b1', name: '行財政改革', department: '財政課' },
    { id: 'b2', name: '人権教育' },
  ],
  budget: [
    { project: 'b1', amounts: { 2024: 10, 2025: 20 } },
    { project: 'b2', amounts: { 2024: 1, 2025: 0 } },
  ],
});
const c = measure({
  id: 'c',
  policy: 2,
  projects: [
    { id: 'c1', name: '町民意識調査', department: '総務課', repeatOf: 'a1' },
    { id: 'c2', name: '防災訓練', department: '防災課' },
  ],
  budget: [{ project: 'c2', amounts: { 2024: 5000, 2025: 0 } }],
});
const PLAN: Plan = {
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2024, end: 2025 },
  labels: { policy: '基本方針', basicMeasure: '基本施策', measure: '施策', initiative: '取組', project: '事業' },
  statuses: [{ name: '新規' }, { name: '継続' }],
  tags: [],
  fundingSources: [],
  policies: [
    {
      number: 1,
      title: '協働',
      basicMeasures: [
        { number: 1, title: '参加' },
        { number: 2, code: '1-2', title: '公開' },
      ],
    },
    { number: 2, title: '安全', basicMeasures: [{ number: 1, title: '防災' }] },
  ],
  departments: ['総務課', '財政課', '防災課', '会計課'],
  measures: [a, b, c],
};

describe('projectBudgets', () => {
  it('lists every 事業 once in plan order with its amounts (0 without a 事業費 row), a 再掲 not again', () => {
    expect(
      projectBudgets(PLAN).map((p) => [p.measure.id, p.projectId, p.projectName, p.budgeted, p.amounts, p.total]),
    ).toStrictEqual([
      ['a', 'a1', '町民意識調査', true, [100, 200], 300],
      ['a', 'a2', '広報紙の発行', false, [0, 0], 0],
      ['b', 'b1', '行財政改革', true, [10, 20], 30],
      ['b', 'b2', '人権教育', true, [1, 0], 1],
      ['c', 'c2', '防災訓練', true, [5000, 0], 5000],
    ]);
    expect(projectBudgets(PLAN)[1]!.project).toStrictEqual({ id: 'a2', name: '広報紙の発行', department: '総務課' });
  });
});

describe('budgetSummary', () => {
  // Computed in each test, so that each test runs the code it checks.
  const summary = () => budgetSummary(PLAN);

  it('totals each 施策 and each 基本施策 of its 基本方針, a 基本施策 without 施策 at 0, with its code', () => {
    expect(summary().years).toStrictEqual([2024, 2025]);
    expect(summary().measures.map((m) => [m.measure.id, m.amounts, m.total])).toStrictEqual([
      ['a', [100, 200], 300],
      ['b', [11, 20], 31],
      ['c', [5000, 0], 5000],
    ]);
    expect(summary().basicMeasures).toStrictEqual([
      { policy: 1, basicMeasure: 1, title: '参加', amounts: [111, 220], total: 331 },
      { policy: 1, basicMeasure: 2, code: '1-2', title: '公開', amounts: [0, 0], total: 0 },
      { policy: 2, basicMeasure: 1, title: '防災', amounts: [5000, 0], total: 5000 },
    ]);
  });

  it('totals each 担当課 of the list (0 for one without 事業), and the 事業 without 担当課 apart', () => {
    expect(summary().departments).toStrictEqual([
      { department: '総務課', amounts: [100, 200], total: 300 },
      { department: '財政課', amounts: [10, 20], total: 30 },
      { department: '防災課', amounts: [5000, 0], total: 5000 },
      { department: '会計課', amounts: [0, 0], total: 0 },
    ]);
    expect(summary().unassigned.projects.map((p) => p.projectId)).toStrictEqual(['b2']);
    expect([summary().unassigned.amounts, summary().unassigned.total]).toStrictEqual([[1, 0], 1]);
  });

  it('gives the grand total, equal to the 担当課 totals and the unassigned 事業 together', () => {
    expect(summary().grand).toStrictEqual({ amounts: [5111, 220], total: 5331 });
  });
});
