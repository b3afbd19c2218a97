// The validated plan as one value: what every later stage (views, templates, backends) reads.
import type { MeasureFile, PlanFile } from './schema.ts';

export interface Measure extends MeasureFile {
  /** The data file it came from, for messages and for "which input made which output". */
  readonly file: string;
}

export interface Plan {
  readonly municipality: string;
  readonly title: string;
  readonly period: PlanFile['period'];
  readonly policies: PlanFile['policies'];
  /** 担当課 in the order of the master list. */
  readonly departments: readonly string[];
  /** Every 施策, ordered by 基本方針, 基本施策 (as listed in plan.yaml), then number. */
  readonly measures: readonly Measure[];
}
