// 事業費総括表 and per-担当課 totals: every figure is a sum of the 事業費 rows, so the totals per
// 施策, per 基本施策, per 担当課 and overall agree by construction.
import type { Measure, Plan } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';
import { budgetTable } from './budget.ts';
import { yearsOf } from './fiscal-year.ts';

export interface Amounts {
  /** 千円 per fiscal year, in the order of the plan's years. */
  readonly amounts: readonly number[];
  /** Over the whole period (3カ年事業費計). */
  readonly total: number;
}

export interface ProjectBudget extends Amounts {
  readonly measure: Measure;
  readonly projectId: string;
  readonly projectName: string;
  readonly project: ProjectData;
  /** Whether the 施策 has a 事業費 row for this 事業 (false: 予算なし). */
  readonly budgeted: boolean;
}

export interface BudgetSummary {
  readonly years: readonly number[];
  readonly measures: readonly (Amounts & { readonly measure: Measure })[];
  readonly basicMeasures: readonly (Amounts & {
    readonly policy: number;
    readonly basicMeasure: number;
    readonly code?: string;
    readonly title: string;
  })[];
  readonly departments: readonly (Amounts & { readonly department: string })[];
  /** 事業 with a budget but no 担当課: counted in the totals, in no department's. */
  readonly unassigned: Amounts & { readonly projects: readonly ProjectBudget[] };
  readonly grand: Amounts;
}

const add = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));
const amountsOf = (amounts: readonly number[]): Amounts => ({ amounts, total: amounts.reduce((s, x) => s + x, 0) });

/**
 * Every 事業 of the plan with its amounts (zero when it has no 事業費 row), in plan order. Made
 * once per plan: a build asks again for every 担当課's excerpt and for the summaries.
 */
export function projectBudgets(plan: Plan): readonly ProjectBudget[] {
  let budgets = budgetsByPlan.get(plan);
  if (!budgets) {
    budgets = Object.freeze(budgetsOf(plan));
    budgetsByPlan.set(plan, budgets);
  }
  return budgets;
}

const budgetsByPlan = new WeakMap<Plan, readonly ProjectBudget[]>();

function budgetsOf(plan: Plan): ProjectBudget[] {
  const years = yearsOf(plan.period);
  return plan.measures.flatMap((measure) => {
    const lines = new Map(budgetTable(measure, years).lines.map((l) => [l.projectId, l]));
    // A 再掲 is listed (and counted) once, under the 施策 that holds its 事業費.
    return measure.projects
      .filter((p) => p.repeatOf === undefined)
      .map((p) => {
        const line = lines.get(p.id);
        return {
          measure,
          projectId: p.id,
          projectName: p.name,
          project: p,
          budgeted: line !== undefined,
          ...amountsOf(line?.amounts ?? years.map(() => 0)),
        };
      });
  });
}

export function budgetSummary(plan: Plan): BudgetSummary {
  const years = yearsOf(plan.period);
  const zero = years.map(() => 0);
  const projects = projectBudgets(plan);
  const departmentOf = new Map(plan.measures.flatMap((m) => m.projects.map((p) => [p.id, p.department] as const)));

  const measures = plan.measures.map((measure) => ({ measure, ...amountsOf(budgetTable(measure, years).yearTotals) }));
  const basicMeasures = plan.policies.flatMap((policy) =>
    policy.basicMeasures.map((basic) => {
      const sum = measures
        .filter((m) => m.measure.policy === policy.number && m.measure.basicMeasure === basic.number)
        .reduce((acc, m) => add(acc, m.amounts), zero);
      return {
        policy: policy.number,
        basicMeasure: basic.number,
        ...(basic.code !== undefined ? { code: basic.code } : {}),
        title: basic.title,
        ...amountsOf(sum),
      };
    }),
  );
  const departments = plan.departments.map((department) => ({
    department,
    ...amountsOf(
      projects
        .filter((p) => departmentOf.get(p.projectId) === department)
        .reduce((acc, p) => add(acc, p.amounts), zero),
    ),
  }));
  const unassignedProjects = projects.filter((p) => departmentOf.get(p.projectId) === undefined);
  return {
    years,
    measures,
    basicMeasures,
    departments,
    unassigned: {
      projects: unassignedProjects,
      ...amountsOf(unassignedProjects.reduce((acc, p) => add(acc, p.amounts), zero)),
    },
    grand: amountsOf(measures.reduce((acc, m) => add(acc, m.amounts), zero)),
  };
}
