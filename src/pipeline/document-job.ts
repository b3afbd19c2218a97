// What the pipeline makes: document jobs (a main template, its typed view, an output name)
// and the files they become.
import type { Plan } from '../data/plan-model.ts';
import type { TemplateName, TemplateViews } from '../views/template-views.ts';

/** One document to make: which main template renders which view, and its file name. */
export type DocumentJob = {
  readonly [K in TemplateName]: {
    /** Path inside the out folder, without extension (e.g. `担当課別/総務課`). */
    readonly name: string;
    readonly template: K;
    readonly view: TemplateViews[K];
  };
}[TemplateName];

export interface RenderedFile {
  /** Path inside the out folder, with `/` separators. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where excerpts go inside the out folder. */
export const DEPARTMENT_DIR = '担当課別';

/** `実施計画_2024-2026` — every output name follows from the plan's title and period. */
export const documentBaseName = (plan: Plan): string => `${plan.title}_${plan.period.start}-${plan.period.end}`;

/**
 * The date written into the documents: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else 1 April of the plan's first year, so that the same data always gives the same bytes.
 */
export function creationDate(plan: Plan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  // Beyond year 9999 a date has no place in a PDF (and JavaScript's dates end in 275760).
  if (env.SOURCE_DATE_EPOCH && Number.isInteger(epoch) && epoch >= 0 && epoch < 253402300800) {
    return new Date(epoch * 1000);
  }
  return new Date(`${plan.period.start}-04-01T00:00:00+09:00`);
}
