// Read-only questions about a document tree that several backends ask alike.
import type { Block, DocumentTree, Inline, Table } from './types.ts';

/** The text of a run of inlines; a line break becomes `lineBreak` ("\n" to measure, " " for a title). */
export const inlineText = (inlines: readonly Inline[], lineBreak = '\n'): string =>
  inlines.map((i) => (i.type === 'text' ? i.text : lineBreak)).join('');

export interface TocHeading {
  readonly id: string;
  readonly level: number;
  readonly title: string;
}

/** The headings a table of contents lists (those marked for it and with an anchor), in order. */
export function tocHeadings(tree: DocumentTree): TocHeading[] {
  const out: TocHeading[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading' && b.toc && b.id)
        out.push({ id: b.id, level: b.level, title: inlineText(b.content, ' ') });
      else if (b.type === 'group') visit(b.blocks);
    }
  };
  for (const section of tree.sections) visit(section.blocks);
  return out;
}

/**
 * Every table of the tree, numbered in document order (sections, then the blocks of groups): a
 * name for a table that the print layout and the Word file both give it.
 */
export function tableNumbers(tree: DocumentTree): Map<Table, number> {
  const numbers = new Map<Table, number>();
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') numbers.set(b, numbers.size);
      else if (b.type === 'group') visit(b.blocks);
    }
  };
  for (const section of tree.sections) visit(section.blocks);
  return numbers;
}
