// The validated plan as one value: what every later stage (views, templates, backends) reads.
import type { PictureData } from '../ir/image-data.ts';
import type {
  FundingSource,
  InitiativeData,
  MeasureFile,
  PlanFile,
  PlanLabels,
  StatusDeclaration,
  TagDeclaration,
} from './schema.ts';

export interface Measure extends Omit<MeasureFile, 'initiatives' | 'rows'> {
  /**
   * Its 取組. A 施策 written without 取組 (`rows` directly) has one unnamed group here, with the
   * 施策's id and title, so that every later stage walks rows one way; `hasInitiatives` tells
   * the documents not to print it as a 取組.
   */
  readonly initiatives: readonly InitiativeData[];
  readonly hasInitiatives: boolean;
  /** The data file it came from, for messages and for "which input made which output". */
  readonly file: string;
}

/** How the plan is printed: the binding side's margin in mm, and whether on both sides. */
export interface PrintSettings {
  readonly bindingMargin?: number;
  readonly duplex?: boolean;
}

export interface Plan {
  readonly municipality: string;
  readonly title: string;
  readonly period: PlanFile['period'];
  /** 策定日 and 改訂日 (YYYY-MM-DD), when the data gives them. */
  readonly adopted?: string;
  readonly revised?: string;
  /** plan.yaml's print settings (とじしろ, 両面印刷), when it gives them. */
  readonly print?: PrintSettings;
  /** The town's emblem for the cover (plan.yaml `emblem`), read from the data folder. */
  readonly emblem?: PictureData;
  /** What this plan calls each level (defaults filled in). */
  readonly labels: PlanLabels;
  /** 事業区分 in printing order (default 新規・継続). */
  readonly statuses: readonly StatusDeclaration[];
  readonly tags: readonly TagDeclaration[];
  /** 財源区分 in column order; empty when the plan declares none (no 財源内訳 is printed). */
  readonly fundingSources: readonly FundingSource[];
  readonly policies: PlanFile['policies'];
  /** 担当課 in the order of the master list. */
  readonly departments: readonly string[];
  /** Every 施策, ordered by 基本方針, 基本施策 (as listed in plan.yaml), then number. */
  readonly measures: readonly Measure[];
}

/** What is printed after a level's name: its code (体系コード) where it has one, else its number. */
export const displayCode = (level: { readonly code?: string | undefined; readonly number: number }): string =>
  level.code ?? String(level.number);

/**
 * What a plan calls the 区分 of a 事業 in headings and messages: its names where they are
 * printed (新規・継続), or 区分 where marks stand for them (a 凡例 explains the marks).
 */
export const statusTerm = (statuses: readonly StatusDeclaration[]): string =>
  statuses.some((s) => s.mark !== undefined) ? '区分' : statuses.map((s) => s.name).join('・');

/** The model of one 施策 file: a 施策 written with `rows` gets its one unnamed group. */
export function measureModel(data: MeasureFile, file: string): Measure {
  const { initiatives, rows, ...rest } = data;
  return {
    ...rest,
    initiatives: initiatives ?? [{ id: data.id, name: data.title, rows: rows ?? [] }],
    hasInitiatives: initiatives !== undefined,
    file,
  };
}
