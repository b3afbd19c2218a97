// A validated plan → the bytes of its documents (pure but for the libraries' CPU work):
// view → templates → markup → document tree → PDF and Word.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Plan } from '../data/plan-model.ts';
import { toDocx } from '../backends/docx/to-docx.ts';
import { packDocx } from '../backends/docx/pack-docx.ts';
import type { FontFiles } from '../backends/fonts.ts';
import { renderPdf } from '../backends/pdf/render-pdf.ts';
import { toPdfmake } from '../backends/pdf/to-pdfmake.ts';
import { parseMarkup } from '../ir/parse-markup.ts';
import type { DocumentTree } from '../ir/types.ts';
import type { Templates, TemplateSource } from '../templates/engine.ts';
import { planView } from '../views/plan-view.ts';

export const OUTPUT_FORMATS = ['pdf', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderedFile {
  /** File name inside the out folder. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface RenderInput {
  readonly plan: Plan;
  readonly templates: Templates;
  readonly templateSources: readonly TemplateSource[];
  readonly fonts: FontFiles;
  readonly formats: readonly OutputFormat[];
  /** Only these 施策 (ids); all when absent. */
  readonly measureIds?: ReadonlySet<string>;
  /** Part of the file name after the period, e.g. `施策12`. */
  readonly nameSuffix?: string;
  readonly creationDate: Date;
}

/** `実施計画_2024-2026` — every output name follows from the plan's title and period. */
export const documentBaseName = (plan: Plan): string => `${plan.title}_${plan.period.start}-${plan.period.end}`;

export async function renderPlanDocuments(input: RenderInput): Promise<{ files?: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const tree = planTree(input);
  if (!tree.tree) return { diagnostics: tree.diagnostics };
  const base = `${documentBaseName(input.plan)}${input.nameSuffix ? `_${input.nameSuffix}` : ''}`;
  // The PDF is laid out even for a Word-only build: the Word 目次 takes its page numbers from
  // it, and the Word file must not depend on which formats were asked for.
  const pdf = await renderPdf(toPdfmake(tree.tree, { creationDate: input.creationDate }), input.fonts);
  const files: RenderedFile[] = [];
  for (const format of input.formats) {
    const bytes = format === 'pdf' ? pdf.bytes : await packDocx(toDocx(tree.tree, pdf.pagesById), input.creationDate);
    files.push({ name: `${base}.${format}`, bytes });
  }
  return { files, diagnostics: [] };
}

export function planTree(input: Pick<RenderInput, 'plan' | 'templates' | 'templateSources' | 'measureIds'>): { tree?: DocumentTree; diagnostics: Diagnostic[] } {
  const rendered = input.templates.render('plan', planView(input.plan, input.measureIds));
  if (rendered.markup === undefined) return { diagnostics: rendered.diagnostics };
  return parseMarkup(rendered.markup, input.templateSources);
}
