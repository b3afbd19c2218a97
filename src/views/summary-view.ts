// 事業費総括表 as the templates read it: formatted amounts, rows grouped by 基本施策 with
// their 小計, then the same totals per 担当課.
import { displayCode, type Plan } from '../data/plan-model.ts';
import { budgetSummary, projectBudgets, type Amounts } from '../plan/budget-summary.ts';
import { formatAmount } from './format.ts';
import { fundingView, type FundingView } from './funding-view.ts';
import { markers } from './plan-view.ts';

export interface AmountsView {
  readonly amounts: readonly string[];
  readonly total: string;
}

export interface SummaryView {
  readonly groups: readonly {
    readonly basicMeasure: string;
    readonly rows: readonly (AmountsView & { readonly measure: string })[];
    readonly subtotal: AmountsView;
  }[];
  readonly departments: readonly (AmountsView & { readonly department: string })[];
  /** Shown as its own row when 事業 without a 担当課 have a budget, so the rows add up. */
  readonly unassigned?: AmountsView;
  /** Names of the 事業 without a 担当課 (budgeted or not), for the note under the table. */
  readonly unassignedProjects: readonly string[];
  readonly grand: AmountsView;
  /** The same money by 財源, when the plan declares 財源. */
  readonly funding?: FundingView;
}

export const amountsView = (a: Amounts): AmountsView => ({
  amounts: a.amounts.map(formatAmount),
  total: formatAmount(a.total),
});

/** 「―」 in every cell: nothing to count (a 施策 予算なし, a 担当課 without 事業費), not a sum of 0. */
const nothingToCount = (a: Amounts): AmountsView => ({ amounts: a.amounts.map(() => '―'), total: '―' });

export function summaryView(plan: Plan): SummaryView {
  const summary = budgetSummary(plan);
  const budgeted = projectBudgets(plan).filter((p) => p.budgeted);
  const measuresWithBudget = new Set(budgeted.map((p) => p.measure));
  const departmentsWithBudget = new Set(budgeted.map((p) => p.project.department));
  const marks = markers(plan);
  const funding = fundingView(
    plan,
    plan.measures.flatMap((m) => m.budget),
    '事業費総括表（財源別）',
    true,
  );
  return {
    groups: summary.basicMeasures
      .map((basic) => {
        const own = summary.measures.filter(
          (m) => m.measure.policy === basic.policy && m.measure.basicMeasure === basic.basicMeasure,
        );
        return {
          basicMeasure: `${plan.labels.basicMeasure} ${displayCode({ code: basic.code, number: basic.basicMeasure })}　${basic.title}`,
          rows: own.map((m) => ({
            measure: `${plan.labels.measure} ${displayCode(m.measure)}　${marks.tags(m.measure.tags)}${m.measure.title}`,
            ...(measuresWithBudget.has(m.measure) ? amountsView(m) : nothingToCount(m)),
          })),
          subtotal: own.some((m) => measuresWithBudget.has(m.measure)) ? amountsView(basic) : nothingToCount(basic),
        };
      })
      .filter((g) => g.rows.length > 0),
    departments: summary.departments.map((d) => ({
      department: d.department,
      ...(departmentsWithBudget.has(d.department) ? amountsView(d) : nothingToCount(d)),
    })),
    ...(summary.unassigned.total > 0 ? { unassigned: amountsView(summary.unassigned) } : {}),
    unassignedProjects: summary.unassigned.projects.map(
      (p) => `${plan.labels.measure}${displayCode(p.measure)}「${p.projectName}」`,
    ),
    grand: amountsView(summary.grand),
    ...(funding ? { funding } : {}),
  };
}
