// Estimates how tall blocks print, without laying them out: BIZ UD Gothic is monospaced
// (full-width characters 1 em, half-width ½ em), so counting characters per line is close.
// Used to find table row groups taller than a page, which must be split or allowed to break.
import { PICTURE_SPACE } from '../ir/image-data.ts';
import { toGrid, type GridSlot } from '../ir/table-grid.ts';
import { inlineText } from '../ir/queries.ts';
import type { Block, Inline, Table, TableCell } from '../ir/types.ts';
import { contentHeight, contentWidth, styleOf, type BlockStyle, type Theme } from '../theme/styles.ts';
import { columnWidths } from './columns.ts';
import { labelWidth } from './labels.ts';
import { monospaceEm } from './monospace.ts';

/** Lines a text takes in a column of `width` points at `size` points (a line break starts a new line). */
export function estimateLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, width / size);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const em = monospaceEm(paragraph);
    // Kinsoku pushes a character to the next line now and then: count 5 % more.
    lines += Math.max(1, Math.ceil((em * 1.05) / perLine));
  }
  return lines;
}

const lineBox = (style: BlockStyle) => style.size * style.lineHeight;

/** A heading or paragraph: its lines and the space before and after. */
const textHeight = (style: BlockStyle, content: readonly Inline[], width: number) =>
  style.spaceBefore + style.spaceAfter + estimateLines(inlineText(content), width, style.size) * lineBox(style);

export function estimateBlockHeight(theme: Theme, block: Block, width: number, inTable: boolean): number {
  switch (block.type) {
    case 'heading':
      return textHeight(styleOf(theme, `h${block.level}`, block.style), block.content, width);
    case 'paragraph': {
      const style = styleOf(theme, 'p', block.style, inTable);
      return textHeight(style, block.content, width - (block.label === undefined ? 0 : labelWidth(block.label, style)));
    }
    case 'list': {
      const style = styleOf(theme, 'ul', block.style, inTable);
      return (
        style.spaceBefore +
        block.items.reduce(
          (h, item) =>
            h + style.spaceAfter + estimateLines(inlineText(item), width - style.size, style.size) * lineBox(style),
          0,
        )
      );
    }
    case 'table':
      return estimateTableHeight(theme, block, width);
    case 'group':
      return block.blocks.reduce((h, b) => h + estimateBlockHeight(theme, b, width, inTable), 0);
    case 'toc':
      return 0;
    case 'image':
      return 2 * PICTURE_SPACE + (block.width * block.pixelHeight) / block.pixelWidth;
  }
}

export function estimateCellHeight(theme: Theme, cell: TableCell, width: number): number {
  return (
    2 * theme.table.cellPadding.y + cell.content.reduce((h, b) => h + estimateBlockHeight(theme, b, width, true), 0)
  );
}

/**
 * A grid row's height: its tallest cell. Cells spanning rows are left out (they are laid out
 * over the whole group); `widths` are the columns' content widths in points.
 */
export function estimateRowHeight(theme: Theme, row: readonly GridSlot[], widths: readonly number[]): number {
  return Math.max(
    0,
    ...row.map((slot, c) => {
      if (slot.kind !== 'cell' || slot.cell.rowSpan > 1) return 0;
      return estimateCellHeight(
        theme,
        slot.cell,
        widths.slice(c, c + slot.cell.colSpan).reduce((a, b) => a + b, 0),
      );
    }),
  );
}

/**
 * Whether the print layout keeps a group of blocks on one page (pdfmake's unbreakable): it asks
 * to be, and it is estimated to fit. The Word file asks the same to page as the PDF does.
 */
export const keptOnOnePage = (theme: Theme, block: Block, inTable: boolean): boolean =>
  block.type === 'group' &&
  block.keepTogether &&
  estimateBlockHeight(theme, block, contentWidth(theme), inTable) < contentHeight(theme) * theme.fit.pdf;

/** Rows laid end to end. */
export const estimateRowsHeight = (
  theme: Theme,
  rows: readonly (readonly GridSlot[])[],
  widths: readonly number[],
): number => rows.reduce((h, row) => h + estimateRowHeight(theme, row, widths), 0);

export function estimateTableHeight(theme: Theme, table: Table, width: number): number {
  const widths = columnWidths(table.widths, width, theme).content;
  return estimateRowsHeight(theme, toGrid([...table.head, ...table.body], widths.length), widths);
}
