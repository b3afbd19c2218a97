// Validated plan → the bytes of its documents: for each document, view → templates → markup →
// document tree → PDF and Word. Pure but for the libraries' CPU work.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Plan } from '../data/plan-model.ts';
import { toDocx } from '../backends/docx/to-docx.ts';
import { packDocx } from '../backends/docx/pack-docx.ts';
import type { FontFiles } from '../backends/fonts.ts';
import { renderPdf } from '../backends/pdf/render-pdf.ts';
import { toPdfmake } from '../backends/pdf/to-pdfmake.ts';
import { toHtml } from '../backends/html/to-html.ts';
import { parseMarkup } from '../ir/parse-markup.ts';
import type { DocumentTree } from '../ir/types.ts';
import type { Templates, TemplateSource } from '../templates/engine.ts';

export const OUTPUT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Where excerpts go inside the out folder. */
export const DEPARTMENT_DIR = '担当課別';

export interface RenderedFile {
  /** Path inside the out folder, with `/` separators. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One document to make: which main template renders which view, and its file name. */
export interface DocumentJob {
  /** Path inside the out folder, without extension (e.g. `担当課別/総務課`). */
  readonly name: string;
  readonly template: 'plan' | 'excerpt' | 'diff';
  readonly view: unknown;
}

export interface RenderContext {
  readonly templates: Templates;
  readonly templateSources: readonly TemplateSource[];
  readonly fonts: FontFiles;
  readonly formats: readonly OutputFormat[];
  readonly creationDate: Date;
}

/** `実施計画_2024-2026` — every output name follows from the plan's title and period. */
export const documentBaseName = (plan: Plan): string => `${plan.title}_${plan.period.start}-${plan.period.end}`;

export async function renderDocument(
  job: DocumentJob,
  context: RenderContext,
): Promise<{ files?: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const tree = documentTree(job, context);
  if (!tree.tree) return { diagnostics: tree.diagnostics };
  // The PDF is laid out even for a Word-only build: the Word 目次 takes its page numbers from
  // it, and the Word file must not depend on which formats were asked for.
  const needsPdf = context.formats.includes('pdf') || context.formats.includes('docx');
  const pdf = needsPdf
    ? await renderPdf(toPdfmake(tree.tree, { creationDate: context.creationDate }), context.fonts)
    : undefined;
  const files: RenderedFile[] = [];
  for (const format of context.formats) {
    const bytes =
      format === 'pdf'
        ? pdf!.bytes
        : format === 'docx'
          ? await packDocx(toDocx(tree.tree, pdf!.pagesById), context.creationDate)
          : new TextEncoder().encode(toHtml(tree.tree));
    files.push({ name: `${job.name}.${format}`, bytes });
  }
  return { files, diagnostics: [] };
}

export function documentTree(
  job: DocumentJob,
  context: Pick<RenderContext, 'templates' | 'templateSources'>,
): { tree?: DocumentTree; diagnostics: Diagnostic[] } {
  const rendered = context.templates.render(job.template, job.view);
  if (rendered.markup === undefined) return { diagnostics: rendered.diagnostics };
  return parseMarkup(rendered.markup, context.templateSources);
}
