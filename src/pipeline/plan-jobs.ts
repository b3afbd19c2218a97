// The documents a build makes of a plan: the whole plan (or some of its 施策, --measure) and
// one excerpt per 担当課 (or only those asked for, --department).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Plan } from '../data/plan-model.ts';
import { excerptView } from '../views/excerpt-view.ts';
import { planView } from '../views/plan-view.ts';
import { DEPARTMENT_DIR, documentBaseName, type DocumentJob } from './document-job.ts';

export interface JobSelection {
  /** `--measure`: 施策 numbers or ids; every 施策 when empty. Excerpts are then not made. */
  readonly measures: readonly string[];
  /** `--department`: only these 担当課's excerpts (and not the whole plan). */
  readonly departments: readonly string[];
  /** `--no-departments`: no excerpts. */
  readonly noDepartments: boolean;
  /** `--draft`: every document a 「案」, and the years roll copied marked in the whole plan too. */
  readonly draft?: boolean;
}

const DRAFT_SUFFIX = '_案';

/** Whether a document (`担当課別/総務課_案.pdf`) is a draft's (build --draft). */
export const isDraftDocument = (name: string): boolean => /_案\.[a-z]+$/.test(name);

/** The documents a build makes: the whole plan (or some 施策 of it) and the 担当課 excerpts. */
export function planJobs(plan: Plan, options: JobSelection): { jobs: DocumentJob[]; diagnostics: Diagnostic[] } {
  const base = documentBaseName(plan);
  // A draft's files say so in their names too, so that none is handed out for the final plan.
  const draft = options.draft ? DRAFT_SUFFIX : '';
  const excerpt = (department: string): DocumentJob => ({
    name: `${DEPARTMENT_DIR}/${department}${draft}`,
    template: 'excerpt',
    view: excerptView(plan, department, options.draft ?? false),
  });
  if (options.departments.length > 0) {
    const unknown = options.departments.filter((d) => !plan.departments.includes(d));
    if (unknown.length > 0) {
      return {
        jobs: [],
        diagnostics: unknown.map((d) => ({
          severity: 'error',
          file: '--department',
          rule: 'unknown-department',
          message: `担当課「${d}」は departments.yaml にありません（${plan.departments.join('、')}）`,
        })),
      };
    }
    return { jobs: [...new Set(options.departments)].map(excerpt), diagnostics: [] };
  }
  const selection = selectMeasures(plan, options.measures);
  if (selection.diagnostics.length > 0) return { jobs: [], diagnostics: selection.diagnostics };
  const whole: DocumentJob = {
    name: `${selection.ids ? `${base}_${selection.suffix}` : base}${draft}`,
    template: 'plan',
    view: planView(plan, {
      ...(selection.ids ? { measureIds: selection.ids } : {}),
      ...(options.draft ? { draft: true, showCarriedOver: true } : {}),
    }),
  };
  const excerpts = options.noDepartments || selection.ids ? [] : plan.departments.map(excerpt);
  return { jobs: [whole, ...excerpts], diagnostics: [] };
}

function selectMeasures(
  plan: Plan,
  requested: readonly string[],
): { ids?: Set<string>; suffix?: string; diagnostics: Diagnostic[] } {
  if (requested.length === 0) return { diagnostics: [] };
  const ids = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const wanted of requested) {
    const matches = plan.measures.filter((m) => m.id === wanted || String(m.number) === wanted);
    if (matches.length === 1) ids.add(matches[0]!.id);
    else {
      const known = plan.measures.map((m) => `${m.number}（${m.id}）`).join('、');
      diagnostics.push({
        severity: 'error',
        file: '--measure',
        rule: 'unknown-measure',
        message:
          matches.length === 0
            ? `${plan.labels.measure}「${wanted}」はありません。${plan.labels.measure}の番号かIDを指定してください（${known}）`
            : `${plan.labels.measure}の番号「${wanted}」は複数の${plan.labels.policy}にあります。IDで指定してください（${matches.map((m) => m.id).join('、')}）`,
      });
    }
  }
  const numbers = plan.measures.filter((m) => ids.has(m.id)).map((m) => m.number);
  // Many 施策 would make a file name longer than a file system allows: then the first and a count.
  const level = plan.labels.measure;
  const listed = `${level}${numbers.join('-')}`;
  const suffix = listed.length <= 40 ? listed : `${level}${numbers[0]}ほか${numbers.length - 1}件`;
  return { ids, suffix, diagnostics };
}
