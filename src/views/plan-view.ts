// Plan → the view model that templates read: every label, number and total already computed,
// so templates only place strings. Also the view of one 施策 (--measure).
import { dataUrlOf } from '../ir/image-data.ts';
import { displayCode, statusTerm, type Measure, type Plan } from '../data/plan-model.ts';
import type { PlanLabels, ProjectData } from '../data/schema.ts';
import { budgetTable } from '../plan/budget.ts';
import {
  eraFiscalYear,
  eraPeriodLabel,
  eraYearMonth,
  fiscalYearLabel,
  periodLabel,
  westernFiscalYear,
  yearsOf,
} from '../plan/fiscal-year.ts';
import { circledNumber } from '../plan/numbering.ts';
import { SDG_GOALS, textColorOn } from '../plan/sdgs.ts';
import { formatAmount } from './format.ts';
import { fundingView, type FundingView } from './funding-view.ts';
import { indicatorsView, type IndicatorsView } from './indicator-view.ts';
import { summaryView, type SummaryView } from './summary-view.ts';

export interface YearView {
  readonly year: number;
  /** 2024年度（令和6年度） */
  readonly label: string;
  readonly western: string;
  readonly era: string;
}

export interface InitiativeRowView {
  /**
   * One list of items per fiscal year, in the order of `years`; `carried` when roll copied the
   * year and nobody has confirmed it (shown in excerpts and drafts only).
   */
  readonly cells: readonly { readonly items: readonly string[]; readonly carried?: true }[];
  /** As printed: the marks of its 目印 and its name (`★名称`); its code is `projectCode`. */
  readonly projectName: string;
  readonly projectCode?: string;
  readonly department?: string;
  /** As printed: the 区分's mark where the plan declares marks, else its name. */
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
  /**
   * No 事業費 row of the 事業 shown, but the 施策 has some (of another 担当課's 事業, left out of
   * an excerpt): the note says this 担当課 has none, never that the 施策 has none.
   */
  readonly othersOnly: boolean;
  /** Some amount is marked ※ (copied by roll, not confirmed): the table gets a note. */
  readonly hasCarried?: true;
  /** Years before the period with 参考 amounts (前年度の当初予算など): leading columns, outside every total. */
  readonly referenceYears: readonly { readonly western: string }[];
  readonly lines: readonly {
    readonly name: string;
    /** 参考 amounts, ― where a line gives none. */
    readonly reference: readonly string[];
    readonly amounts: readonly string[];
    readonly total: string;
  }[];
  readonly referenceTotals: readonly string[];
  readonly totals: readonly string[];
  readonly grandTotal: string;
}

/** One SDGs goal as printed: a label in the goal's colour, text readable by any reader. */
export interface SdgView {
  /** 目標3 すべての人に健康と福祉を */
  readonly label: string;
  readonly fill: string;
  readonly color: string;
}

const sdgViews = (numbers: readonly number[] | undefined): readonly SdgView[] | undefined =>
  numbers?.map((n) => {
    const goal = SDG_GOALS[n - 1]!;
    return { label: `目標${goal.number} ${goal.name}`, fill: goal.color, color: textColorOn(goal.color) };
  });

export interface LevelView {
  readonly number: number;
  /** What is printed after the level's name: its code, or its number when it has none. */
  readonly code: string;
  readonly title: string;
}

/** One entry of the 凡例: a 区分's or 目印's mark and what it means. */
export interface LegendEntry {
  readonly mark: string;
  readonly name: string;
}

export interface MeasureView {
  readonly id: string;
  readonly number: number;
  /** Its code, or its number when it has none (`施策 {{code}}`). */
  readonly code: string;
  readonly title: string;
  /**
   * The marks of its 目印 (`★☆`, '' when none), printed before the title: a mark after it
   * would be left alone on a line when the title wraps.
   */
  readonly marks: string;
  /** Anchor used by the table of contents. */
  readonly anchor: string;
  readonly policy: LevelView;
  readonly basicMeasure: LevelView;
  /** The first 施策 page of its 基本方針 / 基本施策: there the lines are headings, elsewhere repeats. */
  readonly firstOfPolicy: boolean;
  readonly firstOfBasicMeasure: boolean;
  readonly directions: readonly string[];
  /** False for a 施策 written without 取組: its rows are in one unnamed group, printed without a 取組 cell. */
  readonly hasInitiatives: boolean;
  readonly initiatives: readonly InitiativeView[];
  /** The 事業 with a 事業の概要 or SDGs, in order: printed under the table. */
  readonly summaries: readonly {
    readonly name: string;
    readonly summary?: string;
    readonly sdgs?: readonly SdgView[];
  }[];
  /** The SDGs goals it serves, as coloured labels. */
  readonly sdgs?: readonly SdgView[];
  readonly budget: BudgetView;
  /** 財源内訳 of its 事業費 (of the excerpt's 事業 only), when the plan declares 財源. */
  readonly funding?: FundingView;
  /** Its indicators and its 事業's, when it has any. */
  readonly indicators?: IndicatorsView;
}

export interface OutlineRowView {
  /** 「1　町民参加体制の充実」; also as its code and its title (a label hangs in the cell). */
  readonly basicMeasure: string;
  readonly basicMeasureCode: string;
  readonly basicMeasureTitle: string;
  /** Rows the 基本施策 cell spans; 0 on rows it covers (no cell is printed there). */
  readonly basicMeasureSpan: number;
  readonly measure: string;
  readonly measureCode: string;
  /** The 施策's title after its marks (★). */
  readonly measureTitle: string;
  readonly measureSpan: number;
  /** Absent for a 施策 without 取組: its cell spans the 取組 column too. */
  readonly initiative?: string;
  readonly initiativeOrdinal?: string;
  readonly initiativeName?: string;
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
  /** 令和6年度～令和8年度 */
  readonly eraPeriod: string;
  /**
   * The 基本方針 a plan covers when it holds only some of the 総合計画's (its 基本方針 are not
   * 1, 2, … in order): printed on the cover (基本方針5　みんなが主役で…).
   */
  readonly scope?: string;
  /** 策定 and 改訂 as the cover prints them (令和6年3月策定), from the data only. */
  readonly issued: readonly string[];
  /** The emblem for the cover (plan.yaml `emblem`), as a data: URL for <img src>. */
  readonly emblem?: string;
  /** 実施計画（2024年度～2026年度） */
  readonly documentTitle: string;
  /** Printed at the top of every page but the cover. */
  readonly runningHeader: string;
  readonly years: readonly YearView[];
  /** What the plan calls its levels (基本方針, 基本施策, 施策, 取組, 事業 unless it says otherwise). */
  readonly labels: PlanLabels;
  /** The heading of the 区分 column: its names (新規・継続), or 区分 where marks stand for them. */
  readonly statusHeader: string;
  /** Marks of 区分 and 目印 with their meaning; empty when the plan declares no marks. */
  readonly legend: readonly LegendEntry[];
  /** Some 施策 of this view has 取組 (else the 施策体系 has no 取組 column). */
  readonly hasInitiatives: boolean;
  readonly outline: readonly OutlineGroupView[];
  /** The 事業費総括表: only in a view of the whole plan (not of some 施策, nor of an excerpt). */
  readonly summary?: SummaryView;
  /** build --draft: a 「案」 watermark. */
  readonly draft?: true;
  readonly measures: readonly MeasureView[];
}

export interface PlanViewOptions {
  /** Only these 施策 (ids). */
  readonly measureIds?: ReadonlySet<string>;
  /**
   * Mark the years roll copied and nobody has confirmed (`carriedOver`): in a 担当課's excerpt,
   * which the department reviews, and in a draft of the whole plan (build --draft).
   */
  readonly showCarriedOver?: boolean;
  /** A draft (build --draft): the documents carry a 「案」 watermark. */
  readonly draft?: boolean;
  /** Only the 事業 this predicate keeps (a 担当課's excerpt): 施策 without one are left out. */
  readonly includeProject?: (projectId: string) => boolean;
}

export function planView(plan: Plan, options: PlanViewOptions = {}): PlanView {
  const years = yearsOf(plan.period);
  const period = periodLabel(plan.period);
  const include = options.includeProject ?? (() => true);
  const marks = markers(plan);
  let previous: Measure | undefined;
  const measures: MeasureView[] = [];
  for (const measure of plan.measures) {
    if (options.measureIds && !options.measureIds.has(measure.id)) continue;
    if (!measure.projects.some((p) => include(p.id))) continue;
    const firstOfPolicy = previous?.policy !== measure.policy;
    // Stryker disable next-line OptionalChaining: previous is undefined only for the first 施策, where firstOfPolicy is true and the right side is never read
    const firstOfBasicMeasure = firstOfPolicy || previous?.basicMeasure !== measure.basicMeasure;
    measures.push(
      measureView(
        plan,
        measure,
        years,
        firstOfPolicy,
        firstOfBasicMeasure,
        include,
        marks,
        options.showCarriedOver ?? false,
      ),
    );
    previous = measure;
  }
  return {
    ...(options.draft ? { draft: true as const } : {}),
    municipality: plan.municipality,
    title: plan.title,
    period,
    eraPeriod: eraPeriodLabel(plan.period),
    ...(isPartial(plan)
      ? { scope: plan.policies.map((p) => `${plan.labels.policy}${displayCode(p)}　${p.title}`).join('／') }
      : {}),
    issued: [
      ...(plan.adopted !== undefined ? [`${eraYearMonth(plan.adopted)}策定`] : []),
      ...(plan.revised !== undefined ? [`${eraYearMonth(plan.revised)}改訂`] : []),
    ],
    ...(plan.emblem ? { emblem: dataUrlOf(plan.emblem) } : {}),
    documentTitle: `${plan.title}（${period}）`,
    runningHeader: `${plan.title}（${period}）`,
    years: years.map((year) => ({
      year,
      label: fiscalYearLabel(year),
      western: westernFiscalYear(year),
      era: eraFiscalYear(year),
    })),
    labels: plan.labels,
    statusHeader: statusTerm(plan.statuses),
    legend: [
      ...plan.statuses.flatMap((st) => (st.mark === undefined ? [] : [{ mark: st.mark, name: st.name }])),
      ...plan.tags.map((t) => ({ mark: t.mark, name: t.name })),
    ],
    hasInitiatives: measures.some((m) => m.hasInitiatives),
    outline: outlineView(plan, measures),
    ...(options.measureIds || options.includeProject ? {} : { summary: summaryView(plan) }),
    measures,
  };
}

/** How 区分 and 目印 print: a 区分 as its mark where marks are declared, 目印 as marks. */
export interface Markers {
  status(name: string): string;
  tags(ids: readonly string[] | undefined): string;
  /** A 事業 as printed in tables: `code　★name`. */
  project(project: ProjectData): string;
  /** A 事業 as printed where its code stands apart: `★name（再掲）`. */
  projectName(project: ProjectData): string;
}

export function markers(plan: Plan): Markers {
  const statusMarks = new Map(plan.statuses.map((st) => [st.name, st.mark ?? st.name]));
  const tagMarks = new Map(plan.tags.map((t) => [t.id, t.mark]));
  const tags = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => tagMarks.get(id) ?? '').join('');
  const projectName = (p: ProjectData) => `${tags(p.tags)}${p.name}${repeated(p)}`;
  return {
    status: (name) => statusMarks.get(name) ?? name,
    tags,
    project: (p) => `${p.code !== undefined ? `${p.code}　` : ''}${projectName(p)}`,
    projectName,
  };
}

/** 再掲 is said after the name of a 事業 repeated from another 施策. */
const repeated = (p: ProjectData): string => (p.repeatOf !== undefined ? '（再掲）' : '');

/** A level as printed: its code where it has one, else its number. */
export const levelView = (level: { number: number; code?: string; title: string }): LevelView => ({
  number: level.number,
  code: displayCode(level),
  title: level.title,
});

function measureView(
  plan: Plan,
  measure: Measure,
  years: readonly number[],
  firstOfPolicy: boolean,
  firstOfBasicMeasure: boolean,
  include: (projectId: string) => boolean,
  marks: Markers,
  showCarriedOver: boolean,
): MeasureView {
  const carried = (list: readonly number[] | undefined, year: number) => showCarriedOver && (list ?? []).includes(year);
  const budgetCarried = new Map(measure.budget.map((row) => [row.project, row.carriedOver]));
  const policy = plan.policies.find((p) => p.number === measure.policy)!;
  const basicMeasure = policy.basicMeasures.find((b) => b.number === measure.basicMeasure)!;
  const projects = new Map(measure.projects.map((p) => [p.id, p]));
  const table = budgetTable(measure, years, include);
  return {
    id: measure.id,
    number: measure.number,
    code: displayCode(measure),
    title: measure.title,
    marks: marks.tags(measure.tags),
    anchor: `measure-${measure.id}`,
    policy: levelView(policy),
    basicMeasure: levelView(basicMeasure),
    firstOfPolicy,
    firstOfBasicMeasure,
    directions: measure.directions,
    hasInitiatives: measure.hasInitiatives,
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
              cells: years.map((y) => ({
                items: row.schedule[String(y)] ?? [],
                ...(carried(row.carriedOver, y) ? { carried: true as const } : {}),
              })),
              projectName: marks.projectName(project),
              ...(project.code !== undefined ? { projectCode: project.code } : {}),
              ...(project.department ? { department: project.department } : {}),
              ...(project.status ? { status: marks.status(project.status) } : {}),
              project,
            };
          }),
      })),
    summaries: measure.projects.flatMap((p) =>
      (p.summary !== undefined || p.sdgs !== undefined) && include(p.id)
        ? [
            {
              name: marks.project(p),
              ...(p.summary !== undefined ? { summary: p.summary } : {}),
              ...optional('sdgs', sdgViews(p.sdgs)),
            },
          ]
        : [],
    ),
    ...optional('sdgs', sdgViews(measure.sdgs)),
    ...optional('indicators', indicatorsView(measure, years, include)),
    ...optional(
      'funding',
      fundingView(
        plan,
        measure.budget.filter((row) => include(row.project)),
        `${plan.labels.measure}${displayCode(measure)}の財源内訳`,
      ),
    ),
    budget: {
      hasBudget: table.lines.length > 0,
      othersOnly: table.lines.length === 0 && measure.budget.length > 0,
      ...(table.lines.some((l) => years.some((y) => carried(budgetCarried.get(l.projectId), y)))
        ? { hasCarried: true as const }
        : {}),
      referenceYears: table.referenceYears.map((y) => ({ western: westernFiscalYear(y) })),
      lines: table.lines.map((l) => ({
        name: marks.project(projects.get(l.projectId)!),
        reference: l.reference.map((x) => (x === undefined ? '―' : formatAmount(x))),
        amounts: l.amounts.map(
          (x, i) => `${formatAmount(x)}${carried(budgetCarried.get(l.projectId), years[i]!) ? '※' : ''}`,
        ),
        total: formatAmount(l.total),
      })),
      referenceTotals: table.referenceTotals.map(formatAmount),
      totals: table.yearTotals.map(formatAmount),
      grandTotal: formatAmount(table.grandTotal),
    },
  };
}

/** The 施策体系: one row per 取組, grouped by 基本方針. */
function outlineView(plan: Plan, measures: readonly MeasureView[]): OutlineGroupView[] {
  return plan.policies
    .map((policy) => ({
      policy: `${plan.labels.policy} ${displayCode(policy)}　${policy.title}`,
      rows: outlineRows(measures.filter((m) => m.policy.number === policy.number)),
    }))
    .filter((g) => g.rows.length > 0);
}

function outlineRows(measures: readonly MeasureView[]): OutlineRowView[] {
  // A 施策 without 取組 takes one row, its cell across the 取組 column.
  const rowsOf = (m: MeasureView) => (m.hasInitiatives ? m.initiatives : [undefined]);
  const rowsOfBasicMeasure = (n: number) =>
    measures.filter((m) => m.basicMeasure.number === n).reduce((sum, m) => sum + rowsOf(m).length, 0);
  const rows: OutlineRowView[] = [];
  let previousBasic: number | undefined;
  for (const m of measures) {
    const initiatives = rowsOf(m);
    initiatives.forEach((initiative, i) => {
      const firstOfBasic = m.basicMeasure.number !== previousBasic;
      previousBasic = m.basicMeasure.number;
      rows.push({
        basicMeasure: `${m.basicMeasure.code}　${m.basicMeasure.title}`,
        basicMeasureCode: m.basicMeasure.code,
        basicMeasureTitle: m.basicMeasure.title,
        basicMeasureSpan: firstOfBasic ? rowsOfBasicMeasure(m.basicMeasure.number) : 0,
        measure: `${m.code}　${m.marks}${m.title}`,
        measureCode: m.code,
        measureTitle: `${m.marks}${m.title}`,
        measureSpan: i === 0 ? initiatives.length : 0,
        ...(initiative !== undefined
          ? {
              initiative: `${initiative.ordinal}　${initiative.name}`,
              initiativeOrdinal: initiative.ordinal,
              initiativeName: initiative.name,
            }
          : {}),
      });
    });
  }
  return rows;
}

/** `{ key: value }`, or nothing when the value is absent (optional view fields stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A plan of only some 基本方針 of its 総合計画: its 基本方針 are not numbered 1, 2, … in order. */
const isPartial = (plan: Plan): boolean => plan.policies.some((p, i) => p.number !== i + 1);
