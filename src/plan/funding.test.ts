// fundingTable adds up 事業費 rows by 財源 per year, puts the money of rows (or years) without a
// breakdown under （内訳未記入）, and so totals what the 事業費 rows total.
import { describe, expect, it, vi } from 'vitest';
import type { BudgetRowData, FundingSource } from '../data/schema.ts';

/**
 * The module, loaded afresh for each test rather than imported at the top: its sum is made when it
 * loads, and Stryker counts a change to it as covered only by the tests during which the module loaded.
 */
async function funding() {
  vi.resetModules();
  return import('./funding.ts');
}

const YEARS = [2025, 2026];
const national: FundingSource = { id: 'national', name: '国庫支出金' };
const bonds: FundingSource = { id: 'bonds', name: '地方債' };
const general: FundingSource = { id: 'general', name: '一般財源' };
const SOURCES = [national, bonds, general];

/** Broken down in both years. */
const road: BudgetRowData = {
  project: 'road',
  amounts: { '2025': 1000, '2026': 2000 },
  sources: { '2025': { national: 600, general: 400 }, '2026': { national: 1500, general: 500 } },
};
/** Broken down in 2025 only: its 2026 money has no 財源. */
const library: BudgetRowData = {
  project: 'library',
  amounts: { '2025': 200, '2026': 700 },
  sources: { '2025': { general: 200 } },
};
/** No breakdown at all, and no 2026 amount. */
const festival: BudgetRowData = { project: 'festival', amounts: { '2025': 300 } };

describe('fundingTable', () => {
  it('gives no table when the plan declares no 財源, even for rows with a breakdown', async () => {
    const { fundingTable } = await funding();
    expect(fundingTable([road], YEARS, [])).toBeUndefined();
  });

  it('gives no table when none of the rows gives a breakdown', async () => {
    const { fundingTable } = await funding();
    expect(fundingTable([festival], YEARS, SOURCES)).toBeUndefined();
    expect(fundingTable([], YEARS, SOURCES)).toBeUndefined();
  });

  it('adds up each 財源 by year, in the declared order, listing a 財源 without money as zeros', async () => {
    const { fundingTable } = await funding();
    expect(fundingTable([road], YEARS, SOURCES)).toEqual({
      rows: [
        { source: national, amounts: [600, 1500], total: 2100 },
        { source: bonds, amounts: [0, 0], total: 0 },
        { source: general, amounts: [400, 500], total: 900 },
      ],
      yearTotals: [1000, 2000],
      grandTotal: 3000,
    });
  });

  it('adds the rows and years without a breakdown under （内訳未記入）, so the totals are the 事業費 totals', async () => {
    const { fundingTable } = await funding();
    // 事業費: 2025 1000 + 200 + 300 = 1500, 2026 2000 + 700 = 2700.
    expect(fundingTable([road, library, festival], YEARS, SOURCES)).toEqual({
      rows: [
        { source: national, amounts: [600, 1500], total: 2100 },
        { source: bonds, amounts: [0, 0], total: 0 },
        { source: general, amounts: [600, 500], total: 1100 },
        { amounts: [300, 700], total: 1000 },
      ],
      yearTotals: [1500, 2700],
      grandTotal: 4200,
    });
  });

  it('adds the （内訳未記入） row when only one year has money without a breakdown', async () => {
    const { fundingTable } = await funding();
    // festival: 300 in 2025, no 2026 amount, so its 2026 counts as 0.
    expect(fundingTable([road, festival], YEARS, [national, general])).toEqual({
      rows: [
        { source: national, amounts: [600, 1500], total: 2100 },
        { source: general, amounts: [400, 500], total: 900 },
        { amounts: [300, 0], total: 300 },
      ],
      yearTotals: [1300, 2000],
      grandTotal: 3300,
    });
  });

  it('adds no （内訳未記入） row for a row without a breakdown that has no money', async () => {
    const { fundingTable } = await funding();
    const nothing: BudgetRowData = { project: 'nothing', amounts: { '2025': 0, '2026': 0 } };
    expect(fundingTable([road, nothing], YEARS, [national, general])).toEqual({
      rows: [
        { source: national, amounts: [600, 1500], total: 2100 },
        { source: general, amounts: [400, 500], total: 900 },
      ],
      yearTotals: [1000, 2000],
      grandTotal: 3000,
    });
  });

  it('reads only the plan’s years: a breakdown of a year outside them is not counted', async () => {
    const { fundingTable } = await funding();
    const early: BudgetRowData = {
      project: 'early',
      amounts: { '2024': 50, '2025': 80 },
      sources: { '2024': { national: 50 }, '2025': { general: 80 } },
    };
    expect(fundingTable([early], [2025], [national, general])).toEqual({
      rows: [
        { source: national, amounts: [0], total: 0 },
        { source: general, amounts: [80], total: 80 },
      ],
      yearTotals: [80],
      grandTotal: 80,
    });
  });
});
