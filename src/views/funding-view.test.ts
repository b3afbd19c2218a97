// fundingView prints a 財源内訳 as templates read it: 財源 names, amounts with commas, the
// （内訳未記入） row and the totals; a 施策 lists the 財源 with money there, the 総括表 lists all.
import { describe, expect, it, vi } from 'vitest';
import type { Plan } from '../data/plan-model.ts';
import { DEFAULT_LABELS, DEFAULT_STATUSES, type BudgetRowData, type FundingSource } from '../data/schema.ts';

/**
 * The module (and fundingTable under it), loaded afresh for each test rather than imported at the top:
 * what they make when they load is covered, for Stryker, only by the tests during which they loaded.
 */
async function fundingViewModule() {
  vi.resetModules();
  return import('./funding-view.ts');
}

const SOURCES: FundingSource[] = [
  { id: 'national', name: '国庫支出金' },
  { id: 'bonds', name: '地方債' },
  { id: 'general', name: '一般財源' },
];

const planWith = (fundingSources: readonly FundingSource[]): Plan => ({
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2025, end: 2026 },
  labels: DEFAULT_LABELS,
  statuses: DEFAULT_STATUSES,
  tags: [],
  fundingSources,
  policies: [],
  departments: [],
  measures: [],
});

/** 国庫支出金 in 2025 only, 一般財源 in both years, no 地方債. */
const road: BudgetRowData = {
  project: 'road',
  amounts: { '2025': 12408, '2026': 3000 },
  sources: { '2025': { national: 10000, general: 2408 }, '2026': { general: 3000 } },
};
/** No breakdown: its money is （内訳未記入）. */
const festival: BudgetRowData = { project: 'festival', amounts: { '2025': 500, '2026': 1200 } };

describe('fundingView', () => {
  it('gives nothing to print when the plan declares no 財源', async () => {
    const { fundingView } = await fundingViewModule();
    expect(fundingView(planWith([]), [road, festival], '施策1-1の財源内訳')).toBeUndefined();
  });

  it('gives nothing to print when none of the rows gives a breakdown', async () => {
    const { fundingView } = await fundingViewModule();
    expect(fundingView(planWith(SOURCES), [festival], '施策1-1の財源内訳')).toBeUndefined();
  });

  it('lists, for a 施策, the 財源 with money in some year and （内訳未記入）, with commas and totals', async () => {
    const { fundingView } = await fundingViewModule();
    expect(fundingView(planWith(SOURCES), [road, festival], '施策1-1の財源内訳')).toEqual({
      caption: '施策1-1の財源内訳',
      rows: [
        { name: '国庫支出金', amounts: ['10,000', '0'], total: '10,000' },
        { name: '一般財源', amounts: ['2,408', '3,000'], total: '5,408' },
        { name: '（内訳未記入）', amounts: ['500', '1,200'], total: '1,700' },
      ],
      totals: ['12,908', '4,200'],
      grandTotal: '17,108',
    });
  });

  it('lists every declared 財源 for the 総括表 (allSources), a 財源 without money as zeros', async () => {
    const { fundingView } = await fundingViewModule();
    expect(fundingView(planWith(SOURCES), [road], '財源別の事業費', true)).toEqual({
      caption: '財源別の事業費',
      rows: [
        { name: '国庫支出金', amounts: ['10,000', '0'], total: '10,000' },
        { name: '地方債', amounts: ['0', '0'], total: '0' },
        { name: '一般財源', amounts: ['2,408', '3,000'], total: '5,408' },
      ],
      totals: ['12,408', '3,000'],
      grandTotal: '15,408',
    });
  });
});
