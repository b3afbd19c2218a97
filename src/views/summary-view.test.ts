// summaryView: the 事業費総括表 as templates read it: 施策 rows grouped by 基本施策 with 小計, totals
// per 担当課, the （担当課未記入） row and note, the grand total, and the same money by 財源.
import { describe, expect, it, vi } from 'vitest';
// Modules loaded afresh below keep the schema already loaded (vi.doMock): reloading it would make
// the mutation run credit the schema's load-time definitions to these tests, which do not check them.
import * as schema from '../data/schema.ts';
import type { Measure, Plan } from '../data/plan-model.ts';
import { summaryView } from './summary-view.ts';

/** A 施策 of 基本方針 1, 基本施策 1, with a 事業 of a 担当課 (part of its money by 財源) and two without 担当課. */
const industry: Measure = {
  id: 'm1',
  number: 1,
  policy: 1,
  basicMeasure: 1,
  code: '1-1-1',
  title: '地域産業の振興',
  tags: ['priority'],
  directions: ['地域の産業を支えます。'],
  projects: [
    { id: 'pA', name: '商工業支援事業', department: '政策企画課', status: '継続' },
    { id: 'pB', name: '空き店舗活用事業', status: '新規' },
    { id: 'pC', name: '未定事業' },
  ],
  initiatives: [
    {
      id: 't1',
      name: '商工業の支援',
      rows: [
        { project: 'pA', schedule: {} },
        { project: 'pB', schedule: {} },
        { project: 'pC', schedule: {} },
      ],
    },
  ],
  hasInitiatives: true,
  budget: [
    { project: 'pA', amounts: { '2024': 1000, '2025': 2000 }, sources: { '2024': { national: 600, general: 400 } } },
    { project: 'pB', amounts: { '2024': 30, '2025': 0 } },
  ],
  file: 'measures/01.yaml',
};
/** In 基本方針 2, 基本施策 1: the same 基本施策 number as `industry` under another 基本方針. */
const digital: Measure = {
  id: 'm2',
  number: 1,
  policy: 2,
  basicMeasure: 1,
  title: '行政のデジタル化',
  directions: ['手続きを電子化します。'],
  projects: [{ id: 'pD', name: '電子申請事業', department: '総務課', status: '継続' }],
  initiatives: [{ id: 't2', name: '電子申請の推進', rows: [{ project: 'pD', schedule: {} }] }],
  hasInitiatives: true,
  budget: [{ project: 'pD', amounts: { '2024': 100, '2025': 200 } }],
  file: 'measures/02.yaml',
};

const plan: Plan = {
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2024, end: 2025 },
  labels: { policy: '基本目標', basicMeasure: '政策', measure: '施策', initiative: '取組', project: '事務事業' },
  statuses: [{ name: '新規' }, { name: '継続' }],
  tags: [{ id: 'priority', name: '重点', mark: '★' }],
  fundingSources: [
    { id: 'national', name: '国庫支出金' },
    { id: 'prefectural', name: '県支出金' },
    { id: 'general', name: '一般財源' },
  ],
  policies: [
    {
      number: 1,
      code: 'I',
      title: '活力あるまち',
      basicMeasures: [
        { number: 1, code: 'I-1', title: '産業の振興' },
        // No 施策: no group in the 総括表.
        { number: 2, title: '観光の振興' },
      ],
    },
    { number: 2, title: '開かれた行政', basicMeasures: [{ number: 1, title: '行政改革' }] },
  ],
  departments: ['政策企画課', '総務課', '財政課'],
  measures: [industry, digital],
};

describe('amountsView', () => {
  it('formats each year’s amount and the total with commas', async () => {
    // Loaded afresh: amountsView is built when the module loads, and a mutation test (StrykerJS)
    // sees a changed amountsView only in a module loaded after the change.
    vi.resetModules();
    vi.doMock('../data/schema.ts', () => schema);
    const { amountsView } = await import('./summary-view.ts');
    expect(amountsView({ amounts: [1234, 0], total: 1234 })).toStrictEqual({ amounts: ['1,234', '0'], total: '1,234' });
  });
});

describe('summaryView', () => {
  it('groups the 施策 rows by 基本施策 (matched by 基本方針 and number), each with its 小計, and drops empty ones', () => {
    const view = summaryView(plan);
    expect(view.groups).toStrictEqual([
      {
        basicMeasure: '政策 I-1　産業の振興',
        rows: [{ measure: '施策 1-1-1　★地域産業の振興', amounts: ['1,030', '2,000'], total: '3,030' }],
        subtotal: { amounts: ['1,030', '2,000'], total: '3,030' },
      },
      {
        basicMeasure: '政策 1　行政改革',
        rows: [{ measure: '施策 1　行政のデジタル化', amounts: ['100', '200'], total: '300' }],
        subtotal: { amounts: ['100', '200'], total: '300' },
      },
    ]);
  });

  it('totals every 担当課 of the list, 「―」 for one with nothing to count, and the whole plan', () => {
    const view = summaryView(plan);
    expect(view.departments).toStrictEqual([
      { department: '政策企画課', amounts: ['1,000', '2,000'], total: '3,000' },
      { department: '総務課', amounts: ['100', '200'], total: '300' },
      { department: '財政課', amounts: ['―', '―'], total: '―' },
    ]);
    expect(view.grand).toStrictEqual({ amounts: ['1,130', '2,200'], total: '3,330' });
  });

  it('adds a （担当課未記入） row for budgeted 事業 without 担当課, and names every such 事業 for the note', () => {
    const view = summaryView(plan);
    expect(view.unassigned).toStrictEqual({ amounts: ['30', '0'], total: '30' });
    expect(view.unassignedProjects).toStrictEqual(['施策1-1-1「空き店舗活用事業」', '施策1-1-1「未定事業」']);
  });

  it('has no （担当課未記入） row when the 事業 without 担当課 have no budget, but still names them', () => {
    const unbudgeted = summaryView({
      ...plan,
      measures: [{ ...industry, budget: industry.budget.filter((row) => row.project !== 'pB') }, digital],
    });
    expect('unassigned' in unbudgeted).toBe(false);
    expect(unbudgeted.unassignedProjects).toStrictEqual(['施策1-1-1「空き店舗活用事業」', '施策1-1-1「未定事業」']);
  });

  it('lists every declared 財源 in the 財源別 table, one without money too, then the money without a breakdown', () => {
    const view = summaryView(plan);
    expect(view.funding).toStrictEqual({
      caption: '事業費総括表（財源別）',
      rows: [
        { name: '国庫支出金', amounts: ['600', '0'], total: '600' },
        { name: '県支出金', amounts: ['0', '0'], total: '0' },
        { name: '一般財源', amounts: ['400', '0'], total: '400' },
        // 2024: 30 (pB) + 100 (pD); 2025: 2000 (pA) + 200 (pD).
        { name: '（内訳未記入）', amounts: ['130', '2,200'], total: '2,330' },
      ],
      totals: ['1,130', '2,200'],
      grandTotal: '3,330',
    });
  });

  it('has no 財源別 table when the plan declares no 財源', () => {
    expect('funding' in summaryView({ ...plan, fundingSources: [] })).toBe(false);
  });
});
