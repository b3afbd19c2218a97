// One document job → its files: view → templates → markup → document tree → pagination (when
// a print format is asked for) → each format's backend. Pure but for the libraries' CPU work.
import { loadBackend, type OutputFormat } from '../backends/backend.ts';
import type { FontFiles } from '../backends/fonts.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseMarkup } from '../ir/parse-markup.ts';
import type { DocumentTree } from '../ir/types.ts';
import { tableWidthProblem } from '../layout/columns.ts';
import { fitTables, type FitMemo } from '../layout/fit-columns.ts';
import { textMeasure } from '../layout/text-measure.ts';
import { paginate } from '../layout/paginate.ts';
import { contentWidth } from '../theme/styles.ts';
import type { Templates, TemplateSource } from '../templates/engine.ts';
import type { Theme } from '../theme/theme.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import { documentCost, type BuildProgress } from './progress.ts';
import type { PartsProgress } from '../backends/pdf/partwise-layout.ts';
import type { PartStore } from '../backends/pdf/part-cache.ts';
import type { CacheView } from './worker-cache.ts';

/** What every document of a run shares: loaded once (see load-inputs.ts). */
export interface RenderInputs {
  readonly templates: Templates;
  readonly templateSources: readonly TemplateSource[];
  readonly theme: Theme;
  readonly fonts: FontFiles;
}

export interface RenderContext extends RenderInputs {
  readonly formats: readonly OutputFormat[];
  readonly creationDate: Date;
  /** Told of each document and print-layout part made (a worker's parts through the main thread). */
  readonly progress?: BuildProgress;
  /** out/.cache's laid-out parts of a job's print layout (absent: every part is laid out). */
  readonly parts?: (job: DocumentJob) => PartStore;
  /** out/.cache's fitted column widths of a job's tables (absent: every table is fitted). */
  readonly fits?: (job: DocumentJob) => Promise<FitMemo>;
  /** What worker threads read of out/.cache themselves for these jobs (pipeline/worker-cache.ts). */
  readonly workerCache?: (jobs: readonly DocumentJob[]) => Promise<CacheView>;
}

export interface RenderResult {
  readonly files?: RenderedFile[];
  readonly diagnostics: Diagnostic[];
}

export async function renderDocument(job: DocumentJob, context: RenderContext): Promise<RenderResult> {
  const tree = documentTree(job, context, await context.fits?.(job));
  if (!tree.tree) return { diagnostics: tree.diagnostics };
  const backends = await Promise.all(context.formats.map(loadBackend));
  const parts = context.parts?.(job);
  // Laid out even for a Word-only build: the Word 目次 takes its page numbers from the print
  // layout, so the Word file does not depend on which formats were asked for.
  const print = backends.some((b) => b.needsPrintLayout)
    ? await paginate(tree.tree, context.theme, context.fonts, context.creationDate, {
        ...(context.progress ? { progress: partsProgress(context.progress, job.name, documentCost(job)) } : {}),
        ...(parts ? { parts, document: job.name } : {}),
      })
    : undefined;
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const backend of backends) {
    const output = await backend.render({
      tree: tree.tree,
      theme: context.theme,
      creationDate: context.creationDate,
      ...(print && backend.needsPrintLayout ? { print } : {}),
      ...(parts ? { parts } : {}),
    });
    diagnostics.push(...output.diagnostics);
    if (!output.bytes) return { diagnostics };
    files.push({ name: `${job.name}.${backend.format}`, bytes: output.bytes });
  }
  return { files, diagnostics };
}

function partsProgress(progress: BuildProgress, document: string, work: number): PartsProgress {
  return {
    planned: (parts) => progress.partsPlanned(document, work, parts),
    done: (fromCache) => progress.partDone(document, fromCache),
  };
}

/** The document's tree, its tables' columns fitted to their text (every format reads these widths). */
export function documentTree(
  job: DocumentJob,
  context: Pick<RenderInputs, 'templates' | 'templateSources' | 'theme' | 'fonts'>,
  fits?: FitMemo,
): { tree?: DocumentTree; diagnostics: Diagnostic[] } {
  // The union of jobs is narrowed per template by the engine's typed render.
  const rendered = renderJob(job, context);
  if (rendered.markup === undefined) return { diagnostics: rendered.diagnostics };
  const parsed = parseMarkup(rendered.markup, context.templateSources, {
    tableWidths: (widths) => tableWidthProblem(widths, contentWidth(context.theme), context.theme),
  });
  if (!parsed.tree) return parsed;
  return { ...parsed, tree: fitTables(parsed.tree, context.theme, textMeasure(context.fonts), fits) };
}

function renderJob(job: DocumentJob, context: Pick<RenderInputs, 'templates' | 'theme'>) {
  switch (job.template) {
    case 'plan':
      return context.templates.render('plan', job.view, context.theme);
    case 'excerpt':
      return context.templates.render('excerpt', job.view, context.theme);
    case 'diff':
      return context.templates.render('diff', job.view, context.theme);
  }
}
