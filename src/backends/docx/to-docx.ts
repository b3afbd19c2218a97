// Document tree → docx Document (pure): real Word headings (navigation pane, 目次), real tables
// with repeated header rows and rows kept whole, no text boxes or absolute positions. East
// Asian text is set in BIZ UD fonts with language ja-JP, which is what makes Word and
// LibreOffice apply Japanese line breaking (kinsoku).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableOfContents,
  TableRow as DocxRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  Bookmark,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { Block, DocumentTree, Inline, Section, Table, TableCell } from '../../ir/types.ts';
import { tocHeadings } from '../../ir/queries.ts';
import { rowGroups, toGrid } from '../../ir/table-grid.ts';
import { estimateBlockHeight, estimateRowsHeight } from '../../typeset/estimate-height.ts';
import { FONT_FAMILY_NAMES } from '../fonts.ts';
import { CELL_PADDING, CONTENT_WIDTH, PAGE, styleOf, type BlockStyle } from '../styles.ts';

const TWIPS_PER_POINT = 20;
const twips = (points: number) => Math.round(points * TWIPS_PER_POINT);
const halfPoints = (points: number) => Math.round(points * 2);

const LANGUAGE = { value: 'ja-JP', eastAsia: 'ja-JP' } as const;
const font = (role: BlockStyle['font']) => {
  const name = FONT_FAMILY_NAMES[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
};

const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

/**
 * `headingPages`: the page of each heading id in the PDF edition, written into the 目次 so that
 * it shows page numbers before Word updates its fields (LibreOffice never does on its own). The
 * Word file is laid out alike (same page size, margins and breaks); Word refreshes them on open.
 */
export function toDocx(tree: DocumentTree, headingPages?: ReadonlyMap<string, number>): Document {
  const env: DocxEnv = {
    tocEntries: tocHeadings(tree).map((h) => ({
      title: h.title,
      level: h.level,
      href: h.id,
      ...(headingPages?.has(h.id) ? { page: headingPages.get(h.id)! } : {}),
    })),
  };
  return new Document({
    title: tree.title,
    ...(tree.subject ? { subject: tree.subject } : {}),
    creator: tree.author ?? 'keikaku',
    lastModifiedBy: 'keikaku',
    description: tree.subject ?? tree.title,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: font('gothic'), size: halfPoints(10), language: LANGUAGE },
          paragraph: { spacing: { line: lineSpacing(styleOf('p')) } },
        },
        ...headingStyles(),
      },
    },
    sections: tree.sections.map((section) => toSection(section, env)),
  });
}

function headingStyles() {
  const entry = (level: 1 | 2 | 3 | 4) => {
    const style = styleOf(`h${level}`);
    return {
      run: {
        font: font(style.font),
        size: halfPoints(style.size),
        bold: style.bold,
        color: '000000',
        language: LANGUAGE,
      },
      paragraph: {
        spacing: { before: twips(style.spaceBefore), after: twips(style.spaceAfter), line: lineSpacing(style) },
        keepNext: true,
      },
    };
  };
  return { heading1: entry(1), heading2: entry(2), heading3: entry(3), heading4: entry(4) };
}

/** Line spacing in 240ths of a line ("auto" rule): BIZ UD's 1.0 em box needs an explicit value. */
const lineSpacing = (style: BlockStyle) => Math.round(240 * style.lineHeight * 0.85);

/** What the conversion of one document shares between its blocks. */
interface DocxEnv {
  /** The entries of the document's 目次, with pages when known. */
  readonly tocEntries: readonly { title: string; level: number; href: string; page?: number }[];
}

function toSection(section: Section, env: DocxEnv): ISectionOptions {
  const headerStyle = styleOf('p', 'running-header');
  const footerStyle = styleOf('p', 'page-number');
  return {
    properties: {
      page: {
        size: { width: twips(PAGE.width), height: twips(PAGE.height) },
        margin: {
          top: twips(PAGE.margin.top),
          right: twips(PAGE.margin.right),
          bottom: twips(PAGE.margin.bottom),
          left: twips(PAGE.margin.left),
          header: twips(PAGE.headerY),
          footer: twips(PAGE.footerY),
        },
      },
    },
    headers: {
      default: new Header({
        // A header holds at least one paragraph (OOXML); an empty one stops the previous section's showing.
        children: [
          section.runningHeader
            ? paragraph([{ type: 'text', text: section.runningHeader }], headerStyle)
            : new Paragraph({}),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: section.pageNumbers
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], ...runStyle(footerStyle) })],
              }),
            ]
          : [new Paragraph({})],
      }),
    },
    children: section.blocks.flatMap((b) => toBlock(b, CONTENT_WIDTH, env)),
  };
}

function runStyle(style: BlockStyle): IRunOptions {
  return { font: font(style.font), size: halfPoints(style.size), bold: style.bold };
}

function runs(inlines: readonly Inline[], style: BlockStyle): TextRun[] {
  return inlines.map((inline) =>
    inline.type === 'break'
      ? new TextRun({ break: 1 })
      : new TextRun({
          text: inline.text,
          ...runStyle(style),
          ...(inline.bold ? { bold: true } : {}),
          ...(inline.underline ? { underline: {} } : {}),
        }),
  );
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function paragraph(
  inlines: readonly Inline[],
  style: BlockStyle,
  extra: { align?: BlockStyle['align']; keepNext?: boolean; indent?: { left: number; hanging: number } } = {},
): Paragraph {
  return new Paragraph({
    children: runs(inlines, style),
    alignment: ALIGN[extra.align ?? style.align],
    spacing: { before: twips(style.spaceBefore), after: twips(style.spaceAfter), line: lineSpacing(style) },
    ...(extra.keepNext ? { keepNext: true, keepLines: true } : {}),
    ...(extra.indent ? { indent: extra.indent } : {}),
  });
}

function toBlock(
  block: Block,
  width: number,
  env: DocxEnv,
  keepNext = false,
): (Paragraph | DocxTable | TableOfContents)[] {
  switch (block.type) {
    case 'heading': {
      const style = styleOf(`h${block.level}`, block.style);
      const content = runs(block.content, style);
      return [
        new Paragraph({
          heading: HEADING_LEVELS[block.level - 1],
          alignment: ALIGN[style.align],
          spacing: { before: twips(style.spaceBefore), after: twips(style.spaceAfter), line: lineSpacing(style) },
          keepNext: true,
          children: block.id ? [new Bookmark({ id: block.id, children: content })] : content,
        }),
      ];
    }
    case 'paragraph':
      return [
        paragraph(block.content, styleOf('p', block.style), {
          ...(block.align ? { align: block.align } : {}),
          keepNext,
        }),
      ];
    case 'list': {
      const style = styleOf('ul', block.style);
      const hang = twips(style.size);
      return block.items.map((item) =>
        paragraph([{ type: 'text', text: block.marker }, ...item], style, {
          keepNext,
          indent: { left: hang, hanging: hang },
        }),
      );
    }
    case 'table':
      return [toTable(block, width, env, keepNext)];
    case 'group': {
      // Word keeps blocks together by "keep with next" on every paragraph but the group's last.
      const keep =
        block.keepTogether &&
        estimateBlockHeight(block, width, false) < (PAGE.height - PAGE.margin.top - PAGE.margin.bottom) * 0.8;
      return block.blocks.flatMap((b, i) =>
        toBlock(b, width, env, keepNext || (keep && i < block.blocks.length - 1) || (keep && b.type === 'table')),
      );
    }
    case 'toc':
      return [
        ...(block.title ? [paragraph([{ type: 'text', text: block.title }], styleOf('h1'))] : []),
        new TableOfContents(block.title ?? '目次', {
          hyperlink: true,
          headingStyleRange: '1-3',
          cachedEntries: env.tocEntries,
          beginDirty: true,
        }),
      ];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '333333' } as const;

/** `keepAll`: every row keeps with the next (a table that must stay on one page, but its last row). */
function toTable(table: Table, width: number, env: DocxEnv, keepAll = false): DocxTable {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const columnWidths = table.widths.map((w) => twips((width * w) / sum));
  const columns = columnWidths.length;
  const bodyGrid = toGrid(table.body, columns);
  // Rows of one group (a 取組 and its 事業 rows) are kept on one page: every row but the
  // group's last keeps with the next (Word's and LibreOffice's way to hold rows together).
  // A group taller than a page cannot be kept together: its rows may then break across pages
  // (a row Word must not split but cannot fit would overflow the page, docx #402).
  const keepWithNext = new Set<number>();
  const mayBreak = new Set<number>();
  const pointWidths = columnWidths.map((w) => w / TWIPS_PER_POINT);
  const pageRoom = (PAGE.height - PAGE.margin.top - PAGE.margin.bottom) * 0.8;
  if (keepAll) for (let r = 0; r < bodyGrid.length - 1; r++) keepWithNext.add(r);
  for (const g of rowGroups(bodyGrid)) {
    const rows = bodyGrid.slice(g.start, g.start + g.size);
    const height = estimateRowsHeight(rows, pointWidths);
    for (let r = g.start; r < g.start + g.size; r++) {
      if (height > pageRoom) mayBreak.add(r);
      else if (r < g.start + g.size - 1) keepWithNext.add(r);
    }
  }
  const cellWidth = (cell: TableCell, start: number) =>
    columnWidths.slice(start, start + cell.colSpan).reduce((a, b) => a + b, 0);
  const toRows = (rows: Table['head'], header: boolean) => {
    const grid = toGrid(rows, columns);
    return rows.map((row, r) => {
      const starts = grid[r]!.map((slot, c) => (slot.kind === 'cell' ? c : -1)).filter((c) => c >= 0);
      return new DocxRow({
        tableHeader: header,
        cantSplit: header || !mayBreak.has(r),
        children: row.cells.map((cell, i) =>
          toCell(cell, cellWidth(cell, starts[i] ?? 0), env, header || keepWithNext.has(r)),
        ),
      });
    });
  };
  return new DocxTable({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [...toRows(table.head, true), ...toRows(table.body, false)],
  });
}

function toCell(cell: TableCell, width: number, env: DocxEnv, keepNext: boolean): DocxCell {
  const style = styleOf(cell.header ? 'th' : 'td', cell.style, true);
  const children = cell.content.flatMap((b) => {
    if (b.type === 'paragraph' && !b.style)
      return [paragraph(b.content, style, { align: b.align ?? cell.align ?? style.align, keepNext })];
    return toBlock(b, width / TWIPS_PER_POINT, env, keepNext);
  });
  return new DocxCell({
    children: children.length > 0 ? (children as Paragraph[]) : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    margins: {
      top: twips(CELL_PADDING.y),
      bottom: twips(CELL_PADDING.y),
      left: twips(CELL_PADDING.x),
      right: twips(CELL_PADDING.x),
    },
    ...(cell.header
      ? {
          shading: { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
        }
      : {}),
  });
}
