// Loads plans and templates in-process, and reads strings back out of document trees.
import path from 'node:path';
import type { Plan } from '../../src/data/plan-model.ts';
import { validatePlan } from '../../src/data/validate.ts';
import { readDataDir } from '../../src/io/read-data-dir.ts';
import type { DocumentJob } from '../../src/pipeline/document-job.ts';
import { loadRenderInputs } from '../../src/pipeline/load-inputs.ts';
import { planJobs } from '../../src/pipeline/plan-jobs.ts';
import { documentTree, type RenderInputs } from '../../src/pipeline/render-document.ts';
import { inlineText } from '../../src/ir/queries.ts';
import type { Block, DocumentTree, Table } from '../../src/ir/types.ts';

export { inlineText };

export const ROOT = path.join(import.meta.dirname, '..', '..');

/** Command-line options naming the shipped templates (and data): tests run from other folders. */
export const TEMPLATE_ARGS = ['--templates', path.join(ROOT, 'templates')] as const;
export const SEED_ARGS = ['--data', path.join(ROOT, 'data'), ...TEMPLATE_ARGS] as const;

export async function loadPlan(dir = path.join(ROOT, 'data')): Promise<Plan> {
  const read = await readDataDir(dir, ROOT);
  const result = validatePlan(read.files, read.diagnostics);
  if (!result.value) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.value;
}

/** The shipped templates, theme and fonts, as a build loads them. */
export async function shippedInputs(): Promise<RenderInputs> {
  const inputs = await loadRenderInputs({ templatesDir: path.join(ROOT, 'templates'), cwd: ROOT });
  if (!inputs.value) throw new Error(inputs.diagnostics.map((d) => d.message).join('\n'));
  return inputs.value;
}

/** The job of a plan's whole document (no excerpts); `draft` marks it 案. */
export const wholePlanJob = (plan: Plan, draft = false): DocumentJob =>
  planJobs(plan, { measures: [], departments: [], noDepartments: true, draft }).jobs[0]!;

export async function treeOf(
  job: DocumentJob extends infer J ? (J extends DocumentJob ? Omit<J, 'name'> : never) : never,
): Promise<DocumentTree> {
  const inputs = await loadRenderInputs({ templatesDir: path.join(ROOT, 'templates'), cwd: ROOT });
  if (!inputs.value) throw new Error(inputs.diagnostics.map((d) => d.message).join('\n'));
  const result = documentTree({ ...job, name: 'test' }, inputs.value);
  if (!result.tree) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.tree;
}

/** Every block of a tree, depth first, table cells included. */
export function allBlocks(tree: DocumentTree): Block[] {
  const out: Block[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      out.push(b);
      if (b.type === 'group') visit(b.blocks);
      if (b.type === 'table')
        for (const row of [...b.head, ...b.body]) for (const cell of row.cells) visit(cell.content);
    }
  };
  for (const s of tree.sections) visit(s.blocks);
  return out;
}

/** Text of the paragraphs of a given class (e.g. `project-name`: the 事業 of 取組 rows). */
export const paragraphsOfClass = (tree: DocumentTree, style: string): string[] =>
  allBlocks(tree).flatMap((b) => (b.type === 'paragraph' && b.style === style ? [inlineText(b.content)] : []));

export const tablesOfClass = (tree: DocumentTree, style: string): Table[] =>
  allBlocks(tree).flatMap((b) => (b.type === 'table' && b.style === style ? [b] : []));

/** A table's body as text cells, row by row. */
export const tableBodyText = (table: Table): string[][] =>
  table.body.map((row) =>
    row.cells.map((cell) =>
      cell.content
        .map((b) =>
          b.type === 'paragraph'
            ? inlineText(b.content)
            : b.type === 'list'
              ? b.items.map((item) => inlineText(item)).join('\n')
              : '',
        )
        .join('\n'),
    ),
  );
