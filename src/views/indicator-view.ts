// 成果指標・活動指標 as templates read them: each indicator's name with its 種別, unit and the
// direction it should move in, its 基準値 and 最終目標 with their years, and a target per plan
// year (― where the plan sets none). Figures are printed as written (decimals kept).
import type { Measure } from '../data/plan-model.ts';
import { INDICATOR_DIRECTIONS, type ProjectData } from '../data/schema.ts';
import { westernFiscalYear } from '../plan/fiscal-year.ts';

export interface IndicatorView {
  readonly name: string;
  /** 成果指標・単位：％・↑（高いほどよい） */
  readonly detail: string;
  /** A figure and its year, printed on two lines (a narrow column). */
  readonly baseline: YearFigure;
  readonly targets: readonly string[];
  readonly final?: YearFigure;
}

export interface YearFigure {
  readonly value: string;
  /** 2023年度 */
  readonly year: string;
}

export interface IndicatorsView {
  /** 成果指標, 活動指標, 成果指標・活動指標, or 指標 when no 種別 is given. */
  readonly heading: string;
  readonly rows: readonly IndicatorView[];
}

type Indicator = NonNullable<Measure['indicators']>[number];

const figures = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 10, useGrouping: true });
const atYear = (v: { year: number; value: number }): YearFigure => ({
  value: figures.format(v.value),
  year: westernFiscalYear(v.year),
});

function indicatorView(indicator: Indicator, years: readonly number[], project?: string): IndicatorView {
  const detail = [indicator.kind, `単位：${indicator.unit}`, INDICATOR_DIRECTIONS[indicator.direction]]
    .filter((x) => x !== undefined)
    .join('・');
  return {
    name: project === undefined ? indicator.name : `〔${project}〕${indicator.name}`,
    detail,
    baseline: atYear(indicator.baseline),
    targets: years.map((y) => {
      const value = indicator.targets[String(y)];
      return value === undefined ? '―' : figures.format(value);
    }),
    ...(indicator.final ? { final: atYear(indicator.final) } : {}),
  };
}

/** The 施策's indicators, then those of its 事業 (of the excerpt's 事業 only); undefined when none. */
export function indicatorsView(
  measure: Measure,
  years: readonly number[],
  include: (projectId: string) => boolean,
): IndicatorsView | undefined {
  const own = (measure.indicators ?? []).map((i): { indicator: Indicator; project?: string } => ({ indicator: i }));
  const ofProjects = measure.projects
    .filter((p: ProjectData) => include(p.id))
    .flatMap((p) => (p.indicators ?? []).map((i) => ({ indicator: i, project: p.name })));
  const all = [...own, ...ofProjects];
  if (all.length === 0) return undefined;
  const kinds = [...new Set(all.map((x) => x.indicator.kind).filter((k): k is string => k !== undefined))];
  return {
    heading: kinds.length > 0 ? kinds.join('・') : '指標',
    rows: all.map((x) => indicatorView(x.indicator, years, x.project)),
  };
}
