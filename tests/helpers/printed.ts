// What a reader must find printed for each 施策, computed from the validated plan the way the
// documents are meant to print it (the plan's own level names, codes, marks, Nカ年計), so that
// tests compare documents with the data, not with strings typed twice. The sums and the commas
// are done here, not with keikaku's budgetTable or formatAmount, which they check.
import type { Measure, Plan } from '../../src/data/plan-model.ts';
import { yearsOf } from '../../src/plan/fiscal-year.ts';
import { SDG_GOALS } from '../../src/plan/sdgs.ts';
import { squash } from './extract.ts';
import { withCommas as formatAmount } from './oracle.ts';

const tagMarks = (plan: Plan, ids: readonly string[] | undefined) =>
  (ids ?? []).map((id) => plan.tags.find((t) => t.id === id)!.mark).join('');

const statusShown = (plan: Plan, status: string | undefined) =>
  status === undefined ? '―' : (plan.statuses.find((s) => s.name === status)?.mark ?? status);

/** 関連するSDGs　目標3 すべての人に健康と福祉を… as printed ('' when none). */
export const sdgsLine = (goals: readonly number[] | undefined): string =>
  goals ? `関連するSDGs${goals.map((n) => `目標${n}${SDG_GOALS[n - 1]!.name}`).join('')}` : '';

const add = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A 施策's 事業費 lines and 合計, added up here: 参考 years (before the period) shown, never summed into the totals. */
function sums(m: Measure, years: readonly number[]) {
  const referenceYears = [...new Set(m.budget.flatMap((b) => Object.keys(b.reference ?? {})))].sort();
  const lines = m.budget.map((b) => {
    const amounts = years.map((y) => b.amounts[String(y)] ?? 0);
    return {
      projectId: b.project,
      amounts,
      total: add(amounts),
      reference: referenceYears.map((y) => b.reference?.[y]),
    };
  });
  const yearTotals = years.map((_, i) => add(lines.map((l) => l.amounts[i]!)));
  return {
    lines,
    yearTotals,
    grandTotal: add(yearTotals),
    referenceTotals: referenceYears.map((_, i) => add(lines.map((l) => l.reference[i] ?? 0))),
  };
}

export interface PrintedMeasure {
  readonly measure: Measure;
  /** `施策 1-1-1　★名称`, squashed. */
  readonly heading: string;
  /** Each 事業 row's last cell: code, name, marks, 担当課, 区分 (mark or name), squashed. */
  readonly rows: readonly string[];
  /** Each 事業費 line: name, every year's amount and the Nカ年計, squashed and in order. */
  readonly budgetLines: readonly string[];
  /** 合計 with every year's total and the grand total; absent for 予算なし. */
  readonly budgetTotal?: string;
  /** Each 事業の概要: its 事業 and its text. */
  readonly summaries: readonly string[];
}

export function printedMeasures(plan: Plan): PrintedMeasure[] {
  const years = yearsOf(plan.period);
  return plan.measures.map((m) => {
    const projects = new Map(m.projects.map((p) => [p.id, p]));
    const named = (id: string) => {
      const p = projects.get(id)!;
      return `${p.code ?? ''}${tagMarks(plan, p.tags)}${p.name}${p.repeatOf !== undefined ? '（再掲）' : ''}`;
    };
    const table = sums(m, years);
    return {
      measure: m,
      heading: squash(`${plan.labels.measure}${m.code ?? m.number}${tagMarks(plan, m.tags)}${m.title}`),
      rows: m.initiatives.flatMap((t) =>
        t.rows.map((r) => {
          const p = projects.get(r.project)!;
          return squash(`${named(p.id)}${p.department ?? '―'}${statusShown(plan, p.status)}`);
        }),
      ),
      // 参考 columns (years before the period) lead, ― where a line gives none; never in the totals.
      budgetLines: table.lines.map((l) =>
        squash(
          `${named(l.projectId)}${l.reference.map((x) => (x === undefined ? '―' : formatAmount(x))).join('')}${[...l.amounts, l.total].map(formatAmount).join('')}`,
        ),
      ),
      ...(table.lines.length > 0
        ? {
            budgetTotal: squash(
              `合計${[...table.referenceTotals, ...table.yearTotals, table.grandTotal].map(formatAmount).join('')}`,
            ),
          }
        : {}),
      summaries: m.projects.flatMap((p) =>
        p.summary !== undefined || p.sdgs !== undefined
          ? [squash(`■${named(p.id)}${sdgsLine(p.sdgs)}${p.summary ?? ''}`)]
          : [],
      ),
    };
  });
}

/** Every string of `printed` missing from `text` (squashed), named by 施策, for one readable failure. */
export function missingFrom(text: string, printed: readonly PrintedMeasure[]): string[] {
  const all = squash(text);
  return printed.flatMap((p) =>
    [p.heading, ...p.rows, ...p.budgetLines, ...(p.budgetTotal ? [p.budgetTotal] : []), ...p.summaries]
      .filter((s) => !all.includes(s))
      .map((s) => `${p.measure.id}: ${s}`),
  );
}
