// 事業費 arithmetic: amounts per fiscal year, 3カ年事業費計 per row, and 合計 per table.
import type { Measure } from '../data/plan-model.ts';

export interface BudgetLine {
  readonly projectId: string;
  readonly projectName: string;
  /** Amounts in 千円, in the order of `years`. */
  readonly amounts: readonly number[];
  /** 3カ年事業費計: the sum over the period. */
  readonly total: number;
  /** 参考 amounts of years before the period, in the order of the table's `referenceYears` (undefined: not given). */
  readonly reference: readonly (number | undefined)[];
}

export interface BudgetTable {
  readonly years: readonly number[];
  /** Years before the period that some line gives 参考 amounts for (前年度の当初予算など), in order. */
  readonly referenceYears: readonly number[];
  readonly lines: readonly BudgetLine[];
  /** 合計 per fiscal year. */
  readonly yearTotals: readonly number[];
  /** 合計 of the 3カ年事業費計 column. */
  readonly grandTotal: number;
  /** 合計 of each 参考 year: shown, never part of the totals above. */
  readonly referenceTotals: readonly number[];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The 事業費 table of one 施策, optionally restricted to some 事業 (a department's excerpt). */
export function budgetTable(
  measure: Measure,
  years: readonly number[],
  includeProject: (id: string) => boolean = () => true,
): BudgetTable {
  const names = new Map(measure.projects.map((p) => [p.id, p.name]));
  const rows = measure.budget.filter((row) => includeProject(row.project));
  const referenceYears = [...new Set(rows.flatMap((row) => Object.keys(row.reference ?? {}).map(Number)))].sort(
    (a, b) => a - b,
  );
  const lines = rows.map((row): BudgetLine => {
    const amounts = years.map((y) => row.amounts[String(y)] ?? 0);
    return {
      projectId: row.project,
      projectName: names.get(row.project) ?? row.project,
      amounts,
      total: sum(amounts),
      reference: referenceYears.map((y) => row.reference?.[String(y)]),
    };
  });
  const yearTotals = years.map((_, i) => sum(lines.map((l) => l.amounts[i] ?? 0)));
  const referenceTotals = referenceYears.map((_, i) => sum(lines.map((l) => l.reference[i] ?? 0)));
  return { years, referenceYears, lines, yearTotals, grandTotal: sum(yearTotals), referenceTotals };
}
