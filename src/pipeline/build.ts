// keikaku build: validate the data, load the templates, theme and fonts, and make every
// document of the plan through the orchestrator (render-and-write.ts).
import path from 'node:path';
import type { OutputFormat } from '../backends/backend.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PrintSettings } from '../data/plan-model.ts';
import { validatePlan } from '../data/validate.ts';
import { withPrintSettings } from '../theme/print-settings.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { shownFolder } from '../io/input-folders.ts';
import { creationDate } from './document-job.ts';
import { loadRenderInputs, validationFor } from './load-inputs.ts';
import { isDraftDocument, planJobs, type JobSelection } from './plan-jobs.ts';
import { openCache, renderAndWrite } from './render-and-write.ts';
import type { BuildProgress } from './progress.ts';

export interface BuildOptions extends JobSelection {
  readonly cwd: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly fontsDir?: string;
  readonly formats: readonly OutputFormat[];
  /** `--no-cache`: render everything, and leave out/.cache alone. */
  readonly noCache?: boolean;
  /** `--binding-margin`, `--duplex`: over plan.yaml's print settings. */
  readonly print?: PrintSettings;
  /** `--verbose`: a line for each file written, before the summary. */
  readonly verbose?: boolean;
  /** Told of the documents and parts as they are made (the CLI's progress line). */
  readonly progress?: BuildProgress;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Display paths of the files written. */
  readonly written: readonly string[];
  /** Documents rendered in this build (the others came from out/.cache unchanged). */
  readonly rendered?: readonly string[];
}

export async function build(options: BuildOptions, log: (line: string) => void = () => {}): Promise<BuildResult> {
  const startedAt = performance.now();
  const [read, inputs] = await Promise.all([readDataDir(options.dataDir, options.cwd), loadRenderInputs(options)]);
  const outDir = path.resolve(options.cwd, options.outDir);
  // Validation reads what it found of unchanged files from out/.cache (for this code and fonts).
  const cache = options.noCache || !inputs.value ? undefined : openCache(outDir, options.cwd);
  await cache?.prepare(inputs.value!);
  const memo = await cache?.validationMemo();
  const validated = validatePlan(read.files, read.diagnostics, {
    ...validationFor(inputs.value),
    ...(memo ? { memo } : {}),
  });
  const diagnostics = [...validated.diagnostics];
  const plan = validated.value;
  if (!plan) return { diagnostics, written: [] };

  const jobs = planJobs(plan, options);
  diagnostics.push(...inputs.diagnostics, ...jobs.diagnostics);
  if (!inputs.value || jobs.diagnostics.length > 0) return { diagnostics: sortDiagnostics(diagnostics), written: [] };

  const shownDir = (dir: string) => shownFolder(path.resolve(options.cwd, dir), options.cwd);
  const result = await renderAndWrite(
    jobs.jobs,
    {
      ...inputs.value,
      theme: withPrintSettings(inputs.value.theme, { ...plan.print, ...options.print }),
      formats: options.formats,
      creationDate: creationDate(plan),
      ...(options.progress ? { progress: options.progress } : {}),
    },
    {
      cwd: options.cwd,
      outDir,
      ...(cache ? { openedCache: cache } : {}),
      ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
      inputs: `${shownDir(options.dataDir)} と ${shownDir(options.templatesDir)}`,
      cache: options.noCache ? 'off' : 'prune',
      listFiles: options.verbose ?? false,
      summary: { startedAt },
      ...(options.measures.length === 0 && options.departments.length === 0 && !options.noDepartments
        ? { pruneDocuments: (name: string) => isDraftDocument(name) === (options.draft ?? false) }
        : {}),
      log,
    },
  );
  return { ...result, diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]) };
}
