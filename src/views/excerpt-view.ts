// One 担当課's excerpt (担当課別抜粋): its front page with every one of its 事業 and their
// amounts, then only the 施策 where it has a 事業, each with only its own rows and budget.
import { displayCode, type Plan } from '../data/plan-model.ts';
import { projectBudgets } from '../plan/budget-summary.ts';
import { yearsOf } from '../plan/fiscal-year.ts';
import { formatAmount } from './format.ts';
import { fundingView, type FundingView } from './funding-view.ts';
import { markers, planView, type PlanView } from './plan-view.ts';
import { amountsView, type AmountsView } from './summary-view.ts';

export interface ExcerptView extends PlanView {
  readonly department: string;
  readonly projects: readonly (AmountsView & {
    readonly measure: string;
    readonly name: string;
    readonly budgeted: boolean;
  })[];
  readonly totals: AmountsView;
  readonly hasProjects: boolean;
  readonly hasBudget: boolean;
  readonly hasUnbudgeted: boolean;
  /** The department's share of the 財源, when the plan declares 財源. */
  readonly funding?: FundingView;
}

export function excerptView(plan: Plan, department: string, draft = false): ExcerptView {
  const owned = new Set(
    plan.measures.flatMap((m) => m.projects.filter((p) => p.department === department).map((p) => p.id)),
  );
  const projects = projectBudgets(plan).filter((p) => owned.has(p.projectId));
  const sums = projects.reduce(
    (acc, p) => acc.map((x, i) => x + (p.amounts[i] ?? 0)),
    yearsOf(plan.period).map(() => 0),
  );
  const marks = markers(plan);
  const funding = fundingView(
    plan,
    plan.measures.flatMap((m) => m.budget.filter((row) => owned.has(row.project))),
    `${department}の財源内訳`,
  );
  // The department reviews its excerpt: the years roll copied and nobody confirmed are marked.
  const view = planView(plan, { includeProject: (id) => owned.has(id), showCarriedOver: true, draft });
  return {
    ...view,
    runningHeader: `${view.documentTitle}　担当課別抜粋（${department}）`,
    department,
    projects: projects.map((p) => ({
      measure: `${plan.labels.measure} ${displayCode(p.measure)}`,
      name: marks.project(p.project),
      budgeted: p.budgeted,
      ...(p.budgeted ? amountsView(p) : { amounts: p.amounts.map(() => '―'), total: '―' }),
    })),
    totals: { amounts: sums.map(formatAmount), total: formatAmount(sums.reduce((a, b) => a + b, 0)) },
    hasProjects: projects.length > 0,
    hasBudget: projects.some((p) => p.budgeted),
    hasUnbudgeted: projects.some((p) => !p.budgeted),
    ...(funding ? { funding } : {}),
  };
}
