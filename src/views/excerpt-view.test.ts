// excerptView: one 担当課's excerpt: its front page (every one of its 事業 with amounts or ―, totals,
// what it has), its running header, its share of the 財源, and only the 施策 where it has a 事業.
import { describe, expect, it } from 'vitest';
import type { Measure, Plan } from '../data/plan-model.ts';
import { excerptView } from './excerpt-view.ts';

/** 政策企画課's budgeted 事業 (part of its money by 財源), and 総務課's, which gives no 財源. */
const industry: Measure = {
  id: 'm1',
  number: 1,
  policy: 1,
  basicMeasure: 1,
  code: '1-1-1',
  title: '地域産業の振興',
  directions: ['地域の産業を支えます。'],
  projects: [
    { id: 'pA', name: '商工業支援事業', code: '4111', department: '政策企画課', status: '継続', tags: ['priority'] },
    { id: 'pB', name: '雇用対策事業', department: '総務課', status: '継続' },
  ],
  initiatives: [
    {
      id: 't1',
      name: '商工業の支援',
      rows: [
        { project: 'pA', schedule: {} },
        { project: 'pB', schedule: {} },
      ],
    },
  ],
  hasInitiatives: true,
  budget: [
    { project: 'pA', amounts: { '2024': 1000, '2025': 2000 }, sources: { '2024': { national: 600, general: 400 } } },
    { project: 'pB', amounts: { '2024': 5, '2025': 7 } },
  ],
  file: 'measures/01.yaml',
};
/** 政策企画課's 事業 without a budget. */
const tourism: Measure = {
  id: 'm2',
  number: 2,
  policy: 1,
  basicMeasure: 1,
  title: '観光の推進',
  directions: ['観光客を呼び込みます。'],
  projects: [{ id: 'pC', name: '観光PR事業', department: '政策企画課', status: '新規' }],
  initiatives: [{ id: 't2', name: '観光PR', rows: [{ project: 'pC', schedule: {} }] }],
  hasInitiatives: true,
  budget: [],
  file: 'measures/02.yaml',
};

const plan: Plan = {
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2024, end: 2025 },
  labels: { policy: '基本目標', basicMeasure: '政策', measure: '個別施策', initiative: '取組', project: '事務事業' },
  statuses: [{ name: '新規' }, { name: '継続' }],
  tags: [{ id: 'priority', name: '重点', mark: '★' }],
  fundingSources: [
    { id: 'national', name: '国庫支出金' },
    { id: 'prefectural', name: '県支出金' },
    { id: 'general', name: '一般財源' },
  ],
  policies: [{ number: 1, title: '活力あるまち', basicMeasures: [{ number: 1, title: '産業の振興' }] }],
  departments: ['政策企画課', '総務課', '財政課'],
  measures: [industry, tourism],
};

describe('excerptView of a 担当課 with budgeted and unbudgeted 事業', () => {
  it('names the 担当課 in the running header, after the plan’s title and period', () => {
    const view = excerptView(plan, '政策企画課');
    expect(view.department).toBe('政策企画課');
    expect(view.documentTitle).toBe('実施計画（2024年度～2025年度）');
    expect(view.runningHeader).toBe('実施計画（2024年度～2025年度）　担当課別抜粋（政策企画課）');
  });

  it('lists every one of its 事業 on the front page: amounts where budgeted, ― where not, and their totals', () => {
    const view = excerptView(plan, '政策企画課');
    expect(view.projects).toStrictEqual([
      {
        measure: '個別施策 1-1-1',
        name: '4111　★商工業支援事業',
        budgeted: true,
        amounts: ['1,000', '2,000'],
        total: '3,000',
      },
      { measure: '個別施策 2', name: '観光PR事業', budgeted: false, amounts: ['―', '―'], total: '―' },
    ]);
    expect(view.totals).toStrictEqual({ amounts: ['1,000', '2,000'], total: '3,000' });
    expect([view.hasProjects, view.hasBudget, view.hasUnbudgeted]).toStrictEqual([true, true, true]);
  });

  it('keeps only the 施策 and rows of its own 事業, and no 総括表', () => {
    const view = excerptView(plan, '政策企画課');
    expect(view.measures.map((m) => [m.id, m.initiatives.flatMap((t) => t.rows.map((r) => r.project.id))])).toEqual([
      ['m1', ['pA']],
      ['m2', ['pC']],
    ]);
    expect('summary' in view).toBe(false);
  });

  it('has its share of the 財源: only its own 事業費 rows, only 財源 with money, the rest （内訳未記入）', () => {
    const view = excerptView(plan, '政策企画課');
    expect(view.funding).toStrictEqual({
      caption: '政策企画課の財源内訳',
      rows: [
        { name: '国庫支出金', amounts: ['600', '0'], total: '600' },
        { name: '一般財源', amounts: ['400', '0'], total: '400' },
        { name: '（内訳未記入）', amounts: ['0', '2,000'], total: '2,000' },
      ],
      totals: ['1,000', '2,000'],
      grandTotal: '3,000',
    });
  });
});

describe('excerptView of other 担当課', () => {
  it('a 担当課 whose every 事業 is budgeted has nothing unbudgeted, and no 財源内訳 when its rows give none', () => {
    const view = excerptView(plan, '総務課');
    expect(view.projects).toStrictEqual([
      { measure: '個別施策 1-1-1', name: '雇用対策事業', budgeted: true, amounts: ['5', '7'], total: '12' },
    ]);
    expect([view.hasProjects, view.hasBudget, view.hasUnbudgeted]).toStrictEqual([true, true, false]);
    expect('funding' in view).toBe(false);
  });

  it('a 担当課 whose 事業 have no budget has nothing budgeted and zero totals', () => {
    const view = excerptView({ ...plan, measures: [tourism] }, '政策企画課');
    expect([view.hasProjects, view.hasBudget, view.hasUnbudgeted]).toStrictEqual([true, false, true]);
    expect(view.totals).toStrictEqual({ amounts: ['0', '0'], total: '0' });
  });

  it('a 担当課 of the list without 事業 gets an empty excerpt', () => {
    const view = excerptView(plan, '財政課');
    expect(view.projects).toStrictEqual([]);
    expect(view.measures).toStrictEqual([]);
    expect(view.totals).toStrictEqual({ amounts: ['0', '0'], total: '0' });
    expect([view.hasProjects, view.hasBudget, view.hasUnbudgeted]).toStrictEqual([false, false, false]);
  });
});
