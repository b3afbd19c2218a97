// 財源内訳: the money of a set of 事業費 rows by 財源 (国庫支出金, 県支出金, 地方債, …), per
// fiscal year. Rows that give no breakdown count under （内訳未記入）, so that the table's
// totals always equal the 事業費 totals of the same rows.
import type { BudgetRowData, FundingSource } from '../data/schema.ts';

export interface FundingRow {
  /** The 財源 as declared; absent for the （内訳未記入） row. */
  readonly source?: FundingSource;
  readonly amounts: readonly number[];
  readonly total: number;
}

export interface FundingTable {
  readonly rows: readonly FundingRow[];
  readonly yearTotals: readonly number[];
  readonly grandTotal: number;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Undefined when the plan declares no 財源 or none of the rows gives a breakdown. */
export function fundingTable(
  rows: readonly BudgetRowData[],
  years: readonly number[],
  sources: readonly FundingSource[],
): FundingTable | undefined {
  if (sources.length === 0 || !rows.some((r) => r.sources)) return undefined;
  const bySource = new Map(sources.map((s) => [s.id, years.map(() => 0)]));
  const unstated = years.map(() => 0);
  for (const row of rows) {
    years.forEach((year, i) => {
      const given = row.sources?.[String(year)];
      if (given) for (const [id, amount] of Object.entries(given)) bySource.get(id)![i]! += amount;
      else unstated[i]! += row.amounts[String(year)] ?? 0;
    });
  }
  const table: FundingRow[] = sources.map((source) => {
    const amounts = bySource.get(source.id)!;
    return { source, amounts, total: sum(amounts) };
  });
  if (unstated.some((x) => x > 0)) table.push({ amounts: unstated, total: sum(unstated) });
  const yearTotals = years.map((_, i) => sum(table.map((r) => r.amounts[i] ?? 0)));
  return { rows: table, yearTotals, grandTotal: sum(yearTotals) };
}
