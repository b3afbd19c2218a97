// Plan → the view model that templates read: every label, number and total already computed,
// so templates only place strings. Also the view of one 施策 (--measure).
import type { Measure, Plan } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';
import { budgetTable } from '../plan/budget.ts';
import { eraFiscalYear, fiscalYearLabel, periodLabel, westernFiscalYear, yearsOf } from '../plan/fiscal-year.ts';
import { circledNumber } from '../plan/numbering.ts';
import { formatAmount } from './format.ts';
import { summaryView, type SummaryView } from './summary-view.ts';

export interface YearView {
  readonly year: number;
  /** 2024年度（令和6年度） */
  readonly label: string;
  readonly western: string;
  readonly era: string;
}

export interface InitiativeRowView {
  /** One list of items per fiscal year, in the order of `years`. */
  readonly cells: readonly { readonly items: readonly string[] }[];
  readonly projectName: string;
  readonly department?: string;
  readonly status?: string;
  /**
   * The row's 事業 as validated, every field of the schema included: a new optional 事業 field
   * reaches the templates as `project.<key>` without a change here (ARCHITECTURE.md).
   */
  readonly project: ProjectData;
}

export interface InitiativeView {
  readonly id: string;
  /** ① */
  readonly ordinal: string;
  readonly name: string;
  readonly rows: readonly InitiativeRowView[];
}

export interface BudgetView {
  readonly hasBudget: boolean;
  readonly lines: readonly { readonly name: string; readonly amounts: readonly string[]; readonly total: string }[];
  readonly totals: readonly string[];
  readonly grandTotal: string;
}

export interface MeasureView {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** Anchor used by the table of contents. */
  readonly anchor: string;
  readonly policy: { readonly number: number; readonly title: string };
  readonly basicMeasure: { readonly number: number; readonly title: string };
  /** The first 施策 page of its 基本方針 / 基本施策: there the lines are headings, elsewhere repeats. */
  readonly firstOfPolicy: boolean;
  readonly firstOfBasicMeasure: boolean;
  readonly directions: readonly string[];
  readonly initiatives: readonly InitiativeView[];
  readonly budget: BudgetView;
}

export interface OutlineRowView {
  readonly basicMeasure: string;
  /** Rows the 基本施策 cell spans; 0 on rows it covers (no cell is printed there). */
  readonly basicMeasureSpan: number;
  readonly measure: string;
  readonly measureSpan: number;
  readonly initiative: string;
}

export interface OutlineGroupView {
  readonly policy: string;
  readonly rows: readonly OutlineRowView[];
}

export interface PlanView {
  readonly municipality: string;
  readonly title: string;
  /** 2024年度～2026年度 */
  readonly period: string;
  /** 実施計画（2024年度～2026年度） */
  readonly documentTitle: string;
  /** Printed at the top of every page but the cover. */
  readonly runningHeader: string;
  readonly years: readonly YearView[];
  readonly outline: readonly OutlineGroupView[];
  /** The 事業費総括表: only in a view of the whole plan (not of some 施策, nor of an excerpt). */
  readonly summary?: SummaryView;
  readonly measures: readonly MeasureView[];
}

export interface PlanViewOptions {
  /** Only these 施策 (ids). */
  readonly measureIds?: ReadonlySet<string>;
  /** Only the 事業 this predicate keeps (a 担当課's excerpt): 施策 without one are left out. */
  readonly includeProject?: (projectId: string) => boolean;
}

export function planView(plan: Plan, options: PlanViewOptions = {}): PlanView {
  const years = yearsOf(plan.period);
  const period = periodLabel(plan.period);
  const include = options.includeProject ?? (() => true);
  let previous: Measure | undefined;
  const measures: MeasureView[] = [];
  for (const measure of plan.measures) {
    if (options.measureIds && !options.measureIds.has(measure.id)) continue;
    if (!measure.projects.some((p) => include(p.id))) continue;
    const firstOfPolicy = previous?.policy !== measure.policy;
    const firstOfBasicMeasure = firstOfPolicy || previous?.basicMeasure !== measure.basicMeasure;
    measures.push(measureView(plan, measure, years, firstOfPolicy, firstOfBasicMeasure, include));
    previous = measure;
  }
  return {
    municipality: plan.municipality,
    title: plan.title,
    period,
    documentTitle: `${plan.title}（${period}）`,
    runningHeader: `${plan.title}（${period}）`,
    years: years.map((year) => ({
      year,
      label: fiscalYearLabel(year),
      western: westernFiscalYear(year),
      era: eraFiscalYear(year),
    })),
    outline: outlineView(plan, measures),
    ...(options.measureIds || options.includeProject ? {} : { summary: summaryView(plan) }),
    measures,
  };
}

function measureView(
  plan: Plan,
  measure: Measure,
  years: readonly number[],
  firstOfPolicy: boolean,
  firstOfBasicMeasure: boolean,
  include: (projectId: string) => boolean,
): MeasureView {
  const policy = plan.policies.find((p) => p.number === measure.policy)!;
  const basicMeasure = policy.basicMeasures.find((b) => b.number === measure.basicMeasure)!;
  const projects = new Map(measure.projects.map((p) => [p.id, p]));
  const table = budgetTable(measure, years, include);
  return {
    id: measure.id,
    number: measure.number,
    title: measure.title,
    anchor: `measure-${measure.id}`,
    policy: { number: policy.number, title: policy.title },
    basicMeasure: { number: basicMeasure.number, title: basicMeasure.title },
    firstOfPolicy,
    firstOfBasicMeasure,
    directions: measure.directions,
    // An excerpt keeps each 取組's number from the whole plan (③ stays ③), and drops the
    // 取組 none of whose rows it keeps.
    initiatives: measure.initiatives
      .map((initiative, i) => ({ initiative, ordinal: circledNumber(i + 1) }))
      .filter(({ initiative }) => initiative.rows.some((r) => include(r.project)))
      .map(({ initiative, ordinal }) => ({
        id: initiative.id,
        ordinal,
        name: initiative.name,
        rows: initiative.rows
          .filter((row) => include(row.project))
          .map((row) => {
            const project = projects.get(row.project)!;
            return {
              cells: years.map((y) => ({ items: row.schedule[String(y)] ?? [] })),
              projectName: project.name,
              ...(project.department ? { department: project.department } : {}),
              ...(project.status ? { status: project.status } : {}),
              project,
            };
          }),
      })),
    budget: {
      hasBudget: table.lines.length > 0,
      lines: table.lines.map((l) => ({
        name: l.projectName,
        amounts: l.amounts.map(formatAmount),
        total: formatAmount(l.total),
      })),
      totals: table.yearTotals.map(formatAmount),
      grandTotal: formatAmount(table.grandTotal),
    },
  };
}

/** The 施策体系: one row per 取組, grouped by 基本方針. */
function outlineView(plan: Plan, measures: readonly MeasureView[]): OutlineGroupView[] {
  return plan.policies
    .map((policy) => ({
      policy: `基本方針 ${policy.number}　${policy.title}`,
      rows: outlineRows(measures.filter((m) => m.policy.number === policy.number)),
    }))
    .filter((g) => g.rows.length > 0);
}

function outlineRows(measures: readonly MeasureView[]): OutlineRowView[] {
  const rowsOfBasicMeasure = (n: number) =>
    measures.filter((m) => m.basicMeasure.number === n).reduce((sum, m) => sum + m.initiatives.length, 0);
  const rows: OutlineRowView[] = [];
  let previousBasic: number | undefined;
  for (const m of measures) {
    m.initiatives.forEach((t, i) => {
      const firstOfBasic = m.basicMeasure.number !== previousBasic;
      previousBasic = m.basicMeasure.number;
      rows.push({
        basicMeasure: `${m.basicMeasure.number}　${m.basicMeasure.title}`,
        basicMeasureSpan: firstOfBasic ? rowsOfBasicMeasure(m.basicMeasure.number) : 0,
        measure: `${m.number}　${m.title}`,
        measureSpan: i === 0 ? m.initiatives.length : 0,
        initiative: `${t.ordinal}　${t.name}`,
      });
    });
  }
  return rows;
}
