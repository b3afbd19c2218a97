// keikaku build: validate the data, compile the templates, render every document in memory,
// and only then write them to out/ (atomically), so a failed build leaves out/ as it was.
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Plan } from '../data/plan-model.ts';
import { validatePlan } from '../data/validate.ts';
import { readDataDir, displayPath } from '../io/read-data-dir.ts';
import { readFonts } from '../io/read-fonts.ts';
import { readTemplates } from '../io/read-templates.ts';
import { OutputPathError, writeDocuments } from '../io/write-file.ts';
import { Templates } from '../templates/engine.ts';
import { excerptView } from '../views/excerpt-view.ts';
import { planView } from '../views/plan-view.ts';
import { CACHE_DIR, jobKeys, RenderCache } from './render-cache.ts';
import {
  DEPARTMENT_DIR,
  documentBaseName,
  type DocumentJob,
  type OutputFormat,
  type RenderedFile,
} from './render-documents.ts';
import { renderAll } from './render-pool.ts';

export interface BuildOptions {
  readonly cwd: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly fontsDir?: string;
  readonly formats: readonly OutputFormat[];
  /** `--measure`: 施策 numbers or ids; every 施策 when empty. Excerpts are then not made. */
  readonly measures: readonly string[];
  /** `--department`: only these 担当課's excerpts (and not the whole plan). */
  readonly departments: readonly string[];
  /** `--no-departments`: no excerpts. */
  readonly noDepartments: boolean;
  /** `--no-cache`: render everything, and leave out/.cache alone. */
  readonly noCache?: boolean;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Display paths of the files written. */
  readonly written: readonly string[];
  /** Documents rendered in this build (the others came from out/.cache unchanged). */
  readonly rendered?: readonly string[];
}

export async function build(options: BuildOptions, log: (line: string) => void = () => {}): Promise<BuildResult> {
  const read = await readDataDir(options.dataDir, options.cwd);
  const validated = validatePlan(read.files, read.diagnostics);
  const diagnostics = [...validated.diagnostics];
  const plan = validated.value;
  if (!plan) return { diagnostics, written: [] };

  const [templateFiles, fontFiles] = await Promise.all([
    readTemplates(options.templatesDir, options.cwd),
    readFonts(options.fontsDir, options.cwd),
  ]);
  const compiled = Templates.compile(templateFiles.sources);
  diagnostics.push(...templateFiles.diagnostics, ...compiled.diagnostics, ...fontFiles.diagnostics);
  const jobs = documentJobs(plan, options);
  diagnostics.push(...jobs.diagnostics);
  if (hasErrors(diagnostics) || !compiled.templates || !fontFiles.fonts)
    return { diagnostics: sortDiagnostics(diagnostics), written: [] };

  // Everything is rendered before anything is written: a failure leaves out/ as it was.
  const outDir = path.resolve(options.cwd, options.outDir);
  const context = {
    templates: compiled.templates,
    templateSources: templateFiles.sources,
    fonts: fontFiles.fonts,
    formats: options.formats,
    creationDate: creationDate(plan),
  };
  const cache = options.noCache ? undefined : new RenderCache(path.join(outDir, CACHE_DIR));
  const filesByJob = new Map<string, readonly RenderedFile[]>();
  const keysByJob = new Map<string, Map<OutputFormat, string>>();
  const toRender: DocumentJob[] = [];
  for (const job of jobs.jobs) {
    const keys = await jobKeys(job, context);
    keysByJob.set(job.name, keys);
    const cached = await cache?.get(job, keys);
    if (cached) filesByJob.set(job.name, cached);
    else toRender.push(job);
  }
  for (const result of await renderAll(toRender, context, {
    cwd: options.cwd,
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
  })) {
    diagnostics.push(...result.diagnostics);
    if (!result.files) return { diagnostics: sortDiagnostics(diagnostics), written: [] };
    filesByJob.set(result.job.name, result.files);
    await cache?.put(result.files, keysByJob.get(result.job.name)!);
  }
  // In the order of the jobs, whoever rendered them.
  const files = jobs.jobs.flatMap((job) => filesByJob.get(job.name) ?? []);
  const rendered = jobs.jobs.filter((job) => toRender.includes(job)).map((job) => job.name);
  const renderedFiles = new Set(toRender.flatMap((job) => filesByJob.get(job.name)!.map((f) => f.name)));

  const written: string[] = [];
  const inputs = `${displayPath(path.resolve(options.cwd, options.dataDir), options.cwd)}/ と ${displayPath(path.resolve(options.cwd, options.templatesDir), options.cwd)}/`;
  let targets: string[];
  try {
    // Names come from validated data (a 担当課 cannot hold / or ..): the writer is the last guard.
    targets = await writeDocuments(outDir, files);
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error;
    diagnostics.push({
      severity: 'error',
      file: displayPath(outDir, options.cwd),
      rule: 'output-path',
      message: error.message,
    });
    return { diagnostics: sortDiagnostics(diagnostics), written: [] };
  }
  for (const [i, file] of files.entries()) {
    const shown = displayPath(targets[i]!, options.cwd);
    written.push(shown);
    log(
      `${shown} を書き出しました（${inputs} から、${formatSize(file.bytes.length)}${renderedFiles.has(file.name) ? '' : '、変更がないため out/.cache から'}）`,
    );
  }
  await cache?.prune();
  return { diagnostics: sortDiagnostics(diagnostics), written, rendered };
}

/**
 * The date written into the documents: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else 1 April of the plan's first year, so that the same data always gives the same bytes.
 */
export function creationDate(plan: Plan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isInteger(epoch) && epoch >= 0) return new Date(epoch * 1000);
  return new Date(`${plan.period.start}-04-01T00:00:00+09:00`);
}

/** The documents a build makes: the whole plan (or some 施策 of it) and the 担当課 excerpts. */
function documentJobs(plan: Plan, options: BuildOptions): { jobs: DocumentJob[]; diagnostics: Diagnostic[] } {
  const base = documentBaseName(plan);
  const excerpt = (department: string): DocumentJob => ({
    name: `${DEPARTMENT_DIR}/${department}`,
    template: 'excerpt',
    view: excerptView(plan, department),
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
    name: selection.ids ? `${base}_${selection.suffix}` : base,
    template: 'plan',
    view: planView(plan, selection.ids ? { measureIds: selection.ids } : {}),
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
            ? `施策「${wanted}」はありません。施策の番号かIDを指定してください（${known}）`
            : `施策の番号「${wanted}」は複数の基本方針にあります。IDで指定してください（${matches.map((m) => m.id).join('、')}）`,
      });
    }
  }
  const numbers = plan.measures.filter((m) => ids.has(m.id)).map((m) => m.number);
  return { ids, suffix: `施策${numbers.join('-')}`, diagnostics };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
