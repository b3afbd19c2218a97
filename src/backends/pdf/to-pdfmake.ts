// Document tree → pdfmake document definition (pure). Tables whose first column spans rows
// (a 取組 over its 事業 rows) are drawn as one unbreakable outer row holding a nested table,
// because pdfmake tears a rowSpan group at a page break (see docs/engineering-notes.md).
import { rowGroups, toGrid, type GridSlot } from '../../ir/table-grid.ts';
import type { Block, DocumentTree, Inline, Section, Table, TableCell } from '../../ir/types.ts';
import { estimateBlockHeight, estimateRowsHeight } from '../../typeset/estimate-height.ts';
import { CELL_PADDING, CONTENT_WIDTH, PAGE, styleOf, type BlockStyle, type FontRole } from '../styles.ts';
import { splitTallGroup } from './split-tall-groups.ts';

// pdfmake's definitions are plain objects; @types/pdfmake lags the 0.3 API (sections), so
// they are typed loosely here and checked by the tests on the real PDF.
export type PdfNode = Record<string, unknown>;
export type PdfDefinition = Record<string, unknown>;
type Content = PdfNode;
type PdfCell = PdfNode;

export const PDF_FONT_FAMILIES: Readonly<Record<FontRole, string>> = { gothic: 'BIZUDGothic', mincho: 'BIZUDMincho' };

export interface PdfOptions {
  /** Written as the PDF's creation and modification date, so that builds are reproducible. */
  readonly creationDate: Date;
}

export function toPdfmake(tree: DocumentTree, options: PdfOptions): PdfDefinition {
  return {
    pageSize: 'A4',
    pageMargins: [PAGE.margin.left, PAGE.margin.top, PAGE.margin.right, PAGE.margin.bottom],
    info: {
      title: tree.title,
      ...(tree.author ? { author: tree.author } : {}),
      ...(tree.subject ? { subject: tree.subject } : {}),
      creator: 'keikaku',
      producer: 'keikaku (pdfmake)',
      creationDate: options.creationDate,
      modDate: options.creationDate,
    },
    language: tree.lang,
    defaultStyle: { font: PDF_FONT_FAMILIES.gothic, fontSize: 10, lineHeight: 1.45 },
    content: tree.sections.map(toSection),
    // A heading left alone at the foot of a page goes over to the next, with what it heads.
    pageBreakBefore: (node: { headlineLevel?: number }, helpers: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel !== undefined && helpers.getFollowingNodesOnPage().length === 0,
  };
}

function toSection(section: Section): Content {
  const header = section.runningHeader;
  const blocks = section.blocks.map((b) => toBlock(b, false));
  // A bottom margin that does not fit under the last block would start an empty page.
  const last = blocks[blocks.length - 1];
  if (last && Array.isArray(last.margin)) last.margin = [...(last.margin as number[]).slice(0, 3), 0];
  return {
    section: blocks,
    header: header
      ? () => ({
          text: header,
          ...textStyle(styleOf('p', 'running-header')),
          margin: [PAGE.margin.left, PAGE.headerY, PAGE.margin.right, 0],
        })
      : null,
    footer: section.pageNumbers
      ? (page: number) => ({
          text: String(page),
          ...textStyle(styleOf('p', 'page-number')),
          margin: [0, PAGE.footerY / 2, 0, 0],
        })
      : null,
  };
}

function textStyle(style: BlockStyle) {
  return {
    font: PDF_FONT_FAMILIES[style.font],
    fontSize: style.size,
    bold: style.bold,
    alignment: style.align,
    lineHeight: style.lineHeight,
  };
}

function blockMargin(style: BlockStyle): [number, number, number, number] {
  return [0, style.spaceBefore, 0, style.spaceAfter];
}

function toInlines(inlines: readonly Inline[]): Content[] {
  return inlines.map((inline) =>
    inline.type === 'break'
      ? { text: '\n' }
      : {
          text: inline.text,
          ...(inline.bold ? { bold: true } : {}),
          ...(inline.underline ? { decoration: 'underline' } : {}),
          ...(inline.noWrap ? { noWrap: true } : {}),
        },
  );
}

function toBlock(block: Block, inTable: boolean): Content {
  switch (block.type) {
    case 'heading': {
      const style = styleOf(`h${block.level}`, block.style);
      return {
        text: toInlines(block.content),
        ...textStyle(style),
        margin: blockMargin(style),
        ...(block.id ? { id: block.id } : {}),
        ...(block.toc
          ? {
              tocItem: true,
              tocStyle: textStyle(styleOf('p', `toc-${block.level}`)),
              tocMargin: [(block.level - 1) * 14, 0, 0, 2],
            }
          : {}),
        headlineLevel: block.level,
      };
    }
    case 'paragraph': {
      const style = styleOf('p', block.style, inTable);
      return {
        text: toInlines(block.content),
        ...textStyle(style),
        ...(block.align ? { alignment: block.align } : {}),
        margin: blockMargin(style),
      };
    }
    case 'list': {
      const style = styleOf('ul', block.style, inTable);
      const markerWidth = style.size * 1.0;
      // A hanging indent: the marker in its own column, wrapped lines aligned with the text.
      return {
        stack: block.items.map((item) => ({
          columns: [
            { width: markerWidth, text: block.marker },
            { width: '*', text: toInlines(item) },
          ],
          columnGap: 0,
          margin: [0, 0, 0, style.spaceAfter],
        })),
        ...textStyle(style),
        margin: [0, style.spaceBefore, 0, 0],
      };
    }
    case 'table':
      return toTable(block, CONTENT_WIDTH);
    case 'group': {
      const stack = block.blocks.map((b) => toBlock(b, inTable));
      // pdfmake cannot keep together what is taller than a page: then the group just flows.
      const fits =
        estimateBlockHeight(block, CONTENT_WIDTH, inTable) <
        (PAGE.height - PAGE.margin.top - PAGE.margin.bottom) * 0.85;
      return { stack, ...(block.keepTogether && fits ? { unbreakable: true } : {}) };
    }
    case 'toc':
      return {
        toc: {
          ...(block.title ? { title: { text: block.title, ...textStyle(styleOf('h1')), margin: [0, 0, 0, 12] } } : {}),
        },
      };
  }
}

/** Column widths in points (content width of each column, padding excluded). */
function columnWidths(table: Table, totalWidth: number): number[] {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const usable = totalWidth - table.widths.length * 2 * CELL_PADDING.x - (table.widths.length + 1) * LINE_WIDTH;
  return table.widths.map((w) => (usable * w) / sum);
}

const LINE_WIDTH = 0.6;

function toTable(table: Table, totalWidth: number): Content {
  const widths = columnWidths(table, totalWidth);
  const columns = widths.length;
  const head = toGrid(table.head, columns).map((row) => row.map((slot) => toPdfCell(slot)));
  const bodyGrid = toGrid(table.body, columns);
  const body: PdfCell[][] = [];
  const budget = groupHeightBudget(toGrid(table.head, columns), widths);
  for (const group of rowGroups(bodyGrid)) {
    const rows = bodyGrid.slice(group.start, group.start + group.size);
    for (const part of splitTallGroup(rows, widths, budget)) {
      body.push(part.length === 1 ? part[0]!.map((slot) => toPdfCell(slot)) : groupRow(part, widths));
    }
  }
  const node: PdfNode = {
    table: {
      headerRows: head.length,
      keepWithHeaderRows: head.length > 0 ? 1 : 0,
      dontBreakRows: true,
      widths,
      body: [...head, ...body],
    },
    layout: gridLayout,
    // No bottom margin: a margin that does not fit under a table at a page's foot starts an
    // empty page (pdfmake). What follows a table has its own top margin.
    margin: [0, 0, 0, 0],
  };
  return node;
}

/**
 * The tallest a row group may be and still fit on a page under the repeated header, with a
 * margin for the estimate's error: a taller one is cut (split-tall-groups.ts).
 */
function groupHeightBudget(head: readonly GridSlot[][], widths: readonly number[]): number {
  return (PAGE.height - PAGE.margin.top - PAGE.margin.bottom - estimateRowsHeight(head, widths)) * 0.85;
}

/** One outer row: the spanning first cell, then the group's other cells as a nested table. */
function groupRow(rows: readonly GridSlot[][], widths: readonly number[]): PdfCell[] {
  const first = rows[0]![0]!;
  const innerRows = rows.map((row) => row.slice(1));
  const innerWidths = widths.slice(1);
  const innerGrid = innerRows.map((row) =>
    row.map((slot) => (slot.kind === 'covered' && slot.col === 0 ? { ...slot } : slot)),
  );
  const inner: PdfCell[][] = [];
  for (const group of rowGroups(innerGrid)) {
    const slice = innerGrid.slice(group.start, group.start + group.size);
    inner.push(group.size === 1 ? slice[0]!.map((slot) => toPdfCell(slot)) : groupRow(slice, innerWidths));
  }
  const nested = {
    table: { widths: innerWidths, body: inner, dontBreakRows: true },
    layout: innerLayout,
    // Cancel the outer cell's padding so the nested columns line up with the header's.
    margin: [-CELL_PADDING.x, -CELL_PADDING.y, -CELL_PADDING.x - LINE_WIDTH, -CELL_PADDING.y],
  };
  const spanned = innerWidths.length;
  return [
    toPdfCell(first, { spanRows: false }),
    { ...nested, colSpan: spanned },
    ...Array.from({ length: spanned - 1 }, () => ({})),
  ];
}

function toPdfCell(slot: GridSlot, { spanRows = true } = {}): PdfCell {
  if (slot.kind === 'covered') return {};
  const cell: TableCell = slot.cell;
  const style = styleOf(cell.header ? 'th' : 'td', cell.style, true);
  const stack = cell.content.map((b) => {
    // A bare paragraph takes the cell's look (th bold and centred) unless it has a class.
    if (b.type === 'paragraph' && !b.style)
      return {
        text: toInlines(b.content),
        ...textStyle(style),
        alignment: b.align ?? cell.align ?? style.align,
      };
    return toBlock(b, true);
  });
  return {
    stack,
    ...textStyle(style),
    ...(cell.align ? { alignment: cell.align } : {}),
    ...(spanRows && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.header ? { fillColor: '#e8eef5' } : {}),
  };
}

const gridLayout = {
  hLineWidth: () => LINE_WIDTH,
  vLineWidth: () => LINE_WIDTH,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => CELL_PADDING.x,
  paddingRight: () => CELL_PADDING.x,
  paddingTop: () => CELL_PADDING.y,
  paddingBottom: () => CELL_PADDING.y,
};

/** A nested table draws only its inner lines: the outer cell already has a border. */
const innerLayout = {
  ...gridLayout,
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0 : LINE_WIDTH,
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) =>
    i === 0 || i === node.table.widths.length ? 0 : LINE_WIDTH,
};
