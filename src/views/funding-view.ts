// 財源内訳 as templates read it: each 財源's name and formatted amounts, with the （内訳未記入）
// row when some 事業費 rows give no breakdown, and the totals (equal to the 事業費 totals).
import type { Plan } from '../data/plan-model.ts';
import type { BudgetRowData } from '../data/schema.ts';
import { yearsOf } from '../plan/fiscal-year.ts';
import { fundingTable } from '../plan/funding.ts';
import { formatAmount } from './format.ts';

export interface FundingView {
  /** What the table shows (施策1-2の財源内訳), without the unit. */
  readonly caption: string;
  readonly rows: readonly { readonly name: string; readonly amounts: readonly string[]; readonly total: string }[];
  readonly totals: readonly string[];
  readonly grandTotal: string;
}

/**
 * Undefined when the plan declares no 財源 or none of these rows gives a breakdown. `allSources`:
 * list every declared 財源 (the 総括表); otherwise only those with money here (a 施策, an excerpt).
 */
export function fundingView(
  plan: Plan,
  rows: readonly BudgetRowData[],
  caption: string,
  allSources = false,
): FundingView | undefined {
  const table = fundingTable(rows, yearsOf(plan.period), plan.fundingSources);
  if (!table) return undefined;
  return {
    caption,
    rows: table.rows
      .filter((r) => allSources || r.amounts.some((x) => x !== 0))
      .map((r) => ({
        name: r.source?.name ?? '（内訳未記入）',
        amounts: r.amounts.map(formatAmount),
        total: formatAmount(r.total),
      })),
    totals: table.yearTotals.map(formatAmount),
    grandTotal: formatAmount(table.grandTotal),
  };
}
