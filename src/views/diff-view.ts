// PlanDiff → what diff.hbs reads: both sides as segments (changed words underlined), new on
// the left and old on the right by default (or the other way round), unchanged stretches of a
// long sentence shortened, amounts formatted with their difference.
import type { Plan } from '../data/plan-model.ts';
import type { PlanLabels } from '../data/schema.ts';
import { fiscalYearLabel, periodLabel, westernFiscalYear } from '../plan/fiscal-year.ts';
import type { Change, PlanDiff } from '../plan/plan-diff.ts';
import { diffText, type Segment } from '../plan/text-diff.ts';
import { formatAmount } from './format.ts';

export type DiffOrder = 'new-first' | 'old-first';

export interface SideView {
  readonly segments: readonly Segment[];
  /** 「（新設）」 or 「（削除）」 when this side has nothing. */
  readonly note?: string;
}

export interface DiffView {
  readonly municipality: string;
  /** The new plan's names of its levels. */
  readonly labels: PlanLabels;
  readonly documentTitle: string;
  readonly runningHeader: string;
  readonly leftLabel: string;
  readonly rightLabel: string;
  readonly periods: { readonly left: string; readonly right: string; readonly changed: boolean };
  readonly years: readonly { readonly label: string }[];
  readonly totals: readonly {
    readonly year: string;
    readonly left: string;
    readonly right: string;
    readonly difference: string;
  }[];
  readonly summary: readonly { readonly measure: string; readonly text: string }[];
  /** Years the new plan no longer holds: 2024年度（令和6年度）, and what the old plan had for them. */
  readonly leavingYears: readonly { readonly year: string; readonly total: string; readonly items: number }[];
  readonly unchanged: number;
  readonly measures: readonly {
    readonly anchor: string;
    readonly heading: string;
    readonly rows: readonly { readonly label: string; readonly left: SideView; readonly right: SideView }[];
    readonly budget: readonly {
      readonly project: string;
      readonly year: string;
      readonly left: string;
      readonly right: string;
      readonly difference: string;
    }[];
  }[];
}

/** Unchanged text longer than this, inside a changed sentence, keeps only its ends. */
const KEEP = 12;

function shorten(segments: readonly Segment[]): Segment[] {
  // A side with nothing underlined (the words were only added on the other side) is shown whole:
  // shortened, it would be 「…」 alone, and the reader could not see where the change goes.
  if (!segments.some((s) => s.changed)) return [...segments];
  return segments.map((s, i) => {
    const chars = [...s.text];
    if (s.changed || chars.length <= KEEP * 2 + 3) return s;
    const head = i === 0 ? '' : chars.slice(0, KEEP).join('');
    const tail = i === segments.length - 1 ? '' : chars.slice(-KEEP).join('');
    return { text: `${head}…${tail}`, changed: false };
  });
}

/** A signed difference as budget tables print it: +1,234, △1,234 (a decrease), 0. */
export const formatDifference = (value: number): string =>
  value > 0 ? `+${formatAmount(value)}` : value < 0 ? `△${formatAmount(-value)}` : '0';

function sides(change: Change): { after: SideView; before: SideView } {
  if (change.before === undefined)
    return {
      after: { segments: [{ text: change.after ?? '', changed: true }] },
      before: { segments: [], note: '（新設）' },
    };
  if (change.after === undefined)
    return {
      after: { segments: [], note: '（削除）' },
      before: { segments: [{ text: change.before, changed: true }] },
    };
  const d = diffText(change.before, change.after);
  return { after: { segments: shorten(d.after) }, before: { segments: shorten(d.before) } };
}

export function diffView(diff: PlanDiff, before: Plan, after: Plan, order: DiffOrder = 'new-first'): DiffView {
  const newFirst = order === 'new-first';
  const pick = <T>(afterValue: T, beforeValue: T): [T, T] =>
    newFirst ? [afterValue, beforeValue] : [beforeValue, afterValue];
  const [leftLabel, rightLabel] = pick('改正後', '改正前');
  const title = `${after.title} 新旧対照表`;
  const [leftPeriod, rightPeriod] = pick(periodLabel(diff.after), periodLabel(diff.before));
  const samePeriod = diff.before.start === diff.after.start && diff.before.end === diff.after.end;
  return {
    municipality: after.municipality,
    labels: after.labels,
    documentTitle: samePeriod
      ? `${title}（${periodLabel(diff.after)}）`
      : `${title}（${periodLabel(diff.before)} → ${periodLabel(diff.after)}）`,
    runningHeader: `${title}（${periodLabel(diff.after)}）`,
    leftLabel,
    rightLabel,
    periods: { left: leftPeriod, right: rightPeriod, changed: !samePeriod },
    years: diff.commonYears.map((y) => ({ label: fiscalYearLabel(y) })),
    totals: [
      ...diff.totals.map((t) => {
        const [left, right] = pick(formatAmount(t.after), formatAmount(t.before));
        return { year: fiscalYearLabel(t.year), left, right, difference: formatDifference(t.after - t.before) };
      }),
      // A year new to the period: the old plan had none of it.
      ...diff.enteringTotals.map((t) => {
        const [left, right] = pick(formatAmount(t.after), '―');
        return { year: fiscalYearLabel(t.year), left, right, difference: formatDifference(t.after) };
      }),
    ],
    leavingYears: diff.leavingYears.map((y) => ({
      year: fiscalYearLabel(y.year),
      total: formatAmount(y.total),
      items: y.items,
    })),
    summary: diff.measures.map((m) => ({
      measure: `${after.labels.measure}${m.code}　${m.title}`,
      text:
        m.kind === 'added'
          ? '新設'
          : m.kind === 'removed'
            ? '削除'
            : [
                m.changes.length > 0 ? `変更${m.changes.length}件` : '',
                m.budget.length > 0 ? `事業費の変更${m.budget.length}件` : '',
              ]
                .filter(Boolean)
                .join('、'),
    })),
    unchanged: diff.unchanged,
    measures: diff.measures.map((m) => ({
      anchor: `diff-${m.id}`,
      heading: `${after.labels.measure}${m.code}　${m.title}${m.kind === 'added' ? '（新設）' : m.kind === 'removed' ? '（削除）' : ''}`,
      rows: m.changes.map((c) => {
        const s = sides(c);
        const [left, right] = pick(s.after, s.before);
        return { label: c.label, left, right };
      }),
      budget: m.budget.map((b) => {
        const [left, right] = pick(
          b.after === undefined ? '―' : formatAmount(b.after),
          b.before === undefined ? '―' : formatAmount(b.before),
        );
        return {
          project: b.project,
          year: westernFiscalYear(b.year),
          left,
          right,
          difference: formatDifference((b.after ?? 0) - (b.before ?? 0)),
        };
      }),
    })),
  };
}
