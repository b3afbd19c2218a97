// Document tree → pdfmake document definition (pure). Tables whose first column spans rows
// (a 取組 over its 事業 rows) are drawn as one unbreakable outer row holding a nested table,
// because pdfmake tears a rowSpan group at a page break (see docs/engineering-notes.md).
import type {
  Content,
  ContentSection,
  ContentText,
  CustomTableLayout,
  Margins,
  TableCell as PdfCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import { inlineText, tableNumbers } from '../../ir/queries.ts';
import { rowGroups, toGrid, type GridSlot } from '../../ir/table-grid.ts';
import type {
  Block,
  DocumentTree,
  Heading,
  Inline,
  Paragraph,
  Section,
  Table,
  TableCell,
  TableOfContents,
} from '../../ir/types.ts';
import { columnWidths } from '../../layout/columns.ts';
import { estimateRowsHeight, keptOnOnePage } from '../../layout/estimate-height.ts';
import { splitTallGroup } from '../../layout/split-tall-groups.ts';
import { dataUrlOf, PICTURE_SPACE } from '../../ir/image-data.ts';
import { blockEndId, isBlockEndId, tocEntryId } from '../../layout/block-ends.ts';
import { rowGroupId } from '../../layout/row-group-pages.ts';
import { headingLabel, headingWraps, labelWidth } from '../../layout/labels.ts';
import { TOC_INDENT, tocNumberWidth } from '../../layout/toc-layout.ts';
import { tightRuns } from '../../layout/tight-runs.ts';
import { fitRunningTitle, HEADER_GAP } from '../../layout/running-title.ts';
import { breakLines } from '../../layout/line-breaks.ts';
import type { Measure } from '../../layout/text-measure.ts';
import {
  contentHeight,
  contentWidth,
  styleOf,
  type BlockStyle,
  type FontRole,
  type Theme,
} from '../../theme/styles.ts';

/** pdfmake's names for the font roles (registered in render-pdf.ts). */
export const PDF_FONT_FAMILIES: Readonly<Record<FontRole, string>> = { gothic: 'BIZUDGothic', mincho: 'BIZUDMincho' };
/** pdfmake's name for the theme's fallbackFont. */
export const PDF_FALLBACK_FAMILY = 'KeikakuFallback';

export interface PdfOptions {
  /** Written as the PDF's creation and modification date, so that builds are reproducible. */
  readonly creationDate: Date;
  /** The characters to print in the fallback font (glyph-coverage.ts); absent: none. */
  readonly fallback?: (char: string) => boolean;
  /** How wide text prints (layout/text-measure.ts): the running header's 施策 is cut to fit its line. */
  readonly measure?: Measure;
}

// The fallback test of the document being converted (toPdfmake is synchronous and not re-entered).
let usesFallback: PdfOptions['fallback'];
let measureText: PdfOptions['measure'];
/** Each table's number in the tree (the Word file names it alike). */
let tableNumberOf = new Map<Table, number>();

/**
 * The bookmark outline of the document being converted: the id of the latest 目次 heading at each
 * level, so that a heading's bookmark goes under the one above it (基本方針 › 基本施策 › 施策).
 */
let outlineParents: string[] = [];
/** Each heading of the 目次 and its anchor (its own id, or one made for it), in document order. */
let tocEntries: { heading: Heading; id: string }[] = [];

/**
 * A text as pdfmake runs: as it is, or cut where characters need the fallback font, those
 * runs in that font. Without a fallback the text is returned unchanged (the same bytes).
 */
function withFallback(text: string, run: Omit<ContentText, 'text'> = {}): ContentText[] {
  const needs = usesFallback;
  if (!needs || ![...text].some(needs)) return [{ text, ...run }];
  const out: ContentText[] = [];
  for (const char of text) {
    const font = needs(char) ? PDF_FALLBACK_FAMILY : undefined;
    const last = out[out.length - 1];
    if (last && last.font === font) last.text = `${last.text as string}${char}`;
    else out.push({ text: char, ...run, ...(font ? { font } : {}) });
  }
  return out;
}

export function toPdfmake(tree: DocumentTree, theme: Theme, options: PdfOptions): TDocumentDefinitions {
  usesFallback = options.fallback;
  measureText = options.measure;
  tableNumberOf = tableNumbers(tree);
  outlineParents = [];
  tocEntries = tocHeadingsOf(tree);
  const { page } = theme;
  const base = theme.base;
  return {
    pageSize: { width: page.width, height: page.height },
    pageMargins: [page.margin.left, page.margin.top, page.margin.right, page.margin.bottom],
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
    // PDF 1.7: pdfkit then also writes the document's XMP metadata (title, author, dates).
    version: '1.7',
    ...(tree.watermark
      ? {
          watermark: {
            text: tree.watermark,
            font: PDF_FONT_FAMILIES[base.font],
            color: theme.colors.rule,
            opacity: 0.12,
          },
        }
      : {}),
    defaultStyle: { font: PDF_FONT_FAMILIES[base.font], fontSize: base.size, lineHeight: base.lineHeight },
    // One section per part of the part-wise layout (partwise-layout.ts, layout/paginate.ts).
    content: tree.sections.map((section, s) =>
      toSection(section, s, theme, page.duplex === true && section.startsOnRight === true),
    ),
    // A heading left alone at the foot of a page goes over to the next, with what it heads; a
    // section that starts on the right goes over from an even page.
    // (The marks after each block, layout/block-ends.ts, are not what a heading heads.)
    pageBreakBefore: (node, helpers) =>
      (node.headlineLevel !== undefined &&
        helpers.getFollowingNodesOnPage().every((n) => typeof n.id === 'string' && isBlockEndId(n.id))) ||
      (node.headlineLevel !== undefined && headsMovedTable(node.style, helpers.getNodesOnNextPage())) ||
      (styleTags(node.style).includes(RECTO_STYLE) && node.startPosition.pageNumber % 2 === 0),
  };
}

/**
 * A paragraph with a label (①, 1): the label in a column of its own as wide as it and one
 * full-width space, the text beside it, so that wrapped lines start under the text.
 */
function labelled(paragraph: Paragraph, style: BlockStyle, node: ContentText): Content {
  if (paragraph.label === undefined) return node;
  const { margin, ...text } = node;
  return {
    columns: [
      { width: labelWidth(paragraph.label, style, measureText), text: paragraph.label, ...textStyle(style) },
      { width: '*', ...text },
    ],
    columnGap: 0,
    ...(margin ? { margin } : {}),
  };
}

/** A style name no style dictionary defines: it marks the first block of a right-hand section. */
const RECTO_STYLE = 'keikaku-starts-on-right';

/** Whether a section's layout depends on the page it starts on (a right-hand start, duplex). */
export function dependsOnStartPage(section: ContentSection): boolean {
  const first = (section.section as { style?: unknown }[])[0];
  return first !== undefined && styleTags(first.style).includes(RECTO_STYLE);
}
/**
 * Marks a heading right above a table (by the table's number): when the table's first rows go
 * over to the next page, the heading goes with them. pdfmake moves a table's unbreakable rows
 * without updating the pages it reports for them, but for named text (layout/row-group-pages.ts).
 */
const HEADS_TABLE = 'keikaku-heads-table-';

/** The names in a node's style (pdfmake ignores the marks, which no style defines). */
const styleTags = (style: unknown): string[] =>
  typeof style === 'string' ? [style] : Array.isArray(style) ? style.filter((s) => typeof s === 'string') : [];

function addStyleTag(node: Content, tag: string): void {
  const n = node as { style?: unknown };
  n.style = [...styleTags(n.style), tag];
}

function headsMovedTable(style: unknown, nextPage: readonly { id?: string }[]): boolean {
  const tag = styleTags(style).find((t) => t.startsWith(HEADS_TABLE));
  if (!tag) return false;
  const first = rowGroupId(Number(tag.slice(HEADS_TABLE.length)), 0, 'first');
  return nextPage.some((n) => n.id === first);
}

/** Blocks converted, each heading that stands right above a table marked for it. */
function toBlocks(blocks: readonly Block[], theme: Theme, inTable: boolean): Content[] {
  const contents = blocks.map((b) => toBlock(b, theme, inTable));
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const number = next?.type === 'table' ? tableNumberOf.get(next) : undefined;
    if (block.type === 'heading' && number !== undefined) addStyleTag(contents[i]!, `${HEADS_TABLE}${number}`);
  });
  return contents;
}

/** A mark of no size at the page's corner, laid where the flow is (layout/block-ends.ts). */
const blockEnd = (id: string): Content => ({ text: ' ', fontSize: 1, absolutePosition: { x: 0, y: 0 }, id });

/**
 * A section of pages. `index`: its place in the document (the marks after its blocks name it);
 * `onRight`: printed on both sides, the section begins on a right-hand (odd) page.
 */
function toSection(section: Section, index: number, theme: Theme, onRight: boolean): ContentSection {
  const { page } = theme;
  const header = section.runningHeader;
  const blocks = toBlocks(section.blocks, theme, false);
  // A bottom margin that does not fit under the last block would start an empty page.
  const last = blocks[blocks.length - 1];
  if (last && typeof last === 'object' && 'margin' in last && Array.isArray(last.margin)) {
    last.margin = [...last.margin.slice(0, 3), 0] as Margins;
  }
  // Printed on both sides, a section that starts on the right has its first block marked: the
  // document's pageBreakBefore moves it to the next page when it would start on an even one.
  // The page it leaves behind (already the section's) stays blank: no header, no page number.
  const first = blocks[0] as { positions?: { pageNumber: number }[]; style?: string } | undefined;
  if (onRight && first) addStyleTag(first as Content, RECTO_STYLE);
  // Headers are drawn after the content is laid out: the section's first block knows its page.
  const firstPage = () => first?.positions?.[0]?.pageNumber;
  const blank = (pageNumber: number) => pageNumber < (firstPage() ?? 0);
  const headerStyle = textStyle(styleOf(theme, 'p', 'running-header'));
  const runningText = (text: string) => (usesFallback ? withFallback(text) : text);
  const title = section.runningTitle;
  return {
    section: blocks.flatMap((block, i) => [block, blockEnd(blockEndId(index, i))]),
    header: header
      ? (currentPage: number) => {
          if (blank(currentPage)) return null;
          const margin: Margins = [page.margin.left, page.headerY, page.margin.right, 0];
          if (!title) return { text: runningText(header), ...headerStyle, margin };
          const start = firstPage();
          const continued = start !== undefined && currentPage > start;
          const suffix = continued ? theme.words.continued : '';
          const name = fitRunningTitle(
            title,
            suffix,
            header,
            styleOf(theme, 'p', 'running-header'),
            contentWidth(theme),
            measureText,
          );
          return {
            columns: [
              {
                text: runningText(`${name}${suffix}`),
                ...headerStyle,
                alignment: 'left' as const,
                width: '*',
              },
              { text: runningText(header), ...headerStyle, width: 'auto' },
            ],
            columnGap: HEADER_GAP,
            margin,
          };
        }
      : null,
    footer: section.pageNumbers
      ? (pageNumber: number) =>
          blank(pageNumber)
            ? null
            : {
                text: String(pageNumber),
                ...textStyle(styleOf(theme, 'p', 'page-number')),
                margin: [0, page.footerY / 2, 0, 0],
              }
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

function blockMargin(style: BlockStyle): Margins {
  return [0, style.spaceBefore, 0, style.spaceAfter];
}

function toInlines(inlines: readonly Inline[], fontSize: number): ContentText[] {
  return inlines.flatMap((inline) => {
    if (inline.type === 'break') return [{ text: '\n' }];
    const run = {
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.underline ? { decoration: 'underline' as const } : {}),
      ...(inline.noWrap ? { noWrap: true } : {}),
      ...(inline.fill ? { background: inline.fill } : {}),
      ...(inline.color ? { color: inline.color } : {}),
    };
    // Commas and marks in a row set closer (layout/tight-runs.ts); other text as it is.
    return tightRuns(inline.text).flatMap((piece) =>
      piece.spacingEm === 0 && !piece.keepWhole
        ? withFallback(piece.text, run)
        : [
            {
              text: piece.text,
              ...run,
              ...(piece.keepWhole ? { noWrap: true } : {}),
              characterSpacing: piece.spacingEm * fontSize,
            },
          ],
    );
  });
}

function toBlock(block: Block, theme: Theme, inTable: boolean): Content {
  switch (block.type) {
    case 'heading': {
      const style = styleOf(theme, `h${block.level}`, block.style);
      // A heading in the 目次 is a bookmark too, under the last 目次 heading of the level above.
      const id = block.id ?? tocEntries.find((e) => e.heading === block)?.id;
      const outline =
        block.toc && id !== undefined
          ? {
              outline: true,
              outlineText: inlineText(block.content, ' ').replace(/\s+/g, ' '),
              // Opened down to the 基本施策, so that the 施策 show when the panel opens.
              outlineExpanded: block.level < 3,
              ...(outlineParents[block.level - 2] !== undefined
                ? { outlineParentId: outlineParents[block.level - 2] }
                : {}),
            }
          : {};
      if (block.toc && id !== undefined) outlineParents = [...outlineParents.slice(0, block.level - 1), id];
      // A heading that wraps: its number in a column of its own, the lines after the first under
      // the name (the name's text carries the anchor and the bookmark).
      const hanging = headingLabel(block.content);
      if (hanging && headingWraps(inlineText(block.content, ' '), style, contentWidth(theme), measureText))
        return {
          columns: [
            { width: labelWidth(hanging.label, style, measureText), text: hanging.label },
            {
              width: '*',
              text: toInlines(hanging.rest, style.size),
              ...(id !== undefined ? { id } : {}),
              ...outline,
            },
          ],
          columnGap: 0,
          ...textStyle(style),
          margin: blockMargin(style),
          headlineLevel: block.level,
        };
      return {
        text: toInlines(block.content, style.size),
        ...textStyle(style),
        margin: blockMargin(style),
        ...(id !== undefined ? { id } : {}),
        ...outline,
        headlineLevel: block.level,
      };
    }
    case 'paragraph': {
      const style = styleOf(theme, 'p', block.style, inTable);
      return labelled(block, style, {
        text: toInlines(block.content, style.size),
        ...textStyle(style),
        ...(block.align ? { alignment: block.align } : {}),
        margin: blockMargin(style),
      });
    }
    case 'list': {
      const style = styleOf(theme, 'ul', block.style, inTable);
      const markerWidth = style.size * 1.0;
      // A hanging indent: the marker in its own column, wrapped lines aligned with the text.
      return {
        stack: block.items.map((item) => ({
          columns: [
            { width: markerWidth, text: block.marker },
            { width: '*', text: toInlines(item, style.size) },
          ],
          columnGap: 0,
          margin: [0, 0, 0, style.spaceAfter] as Margins,
        })),
        ...textStyle(style),
        margin: [0, style.spaceBefore, 0, 0],
      };
    }
    case 'table':
      return toTable(block, theme, contentWidth(theme));
    case 'group': {
      const stack = toBlocks(block.blocks, theme, inTable);
      // pdfmake cannot keep together what is taller than a page: then the group just flows.
      return { stack, ...(keptOnOnePage(theme, block, inTable) ? { unbreakable: true } : {}) };
    }
    case 'toc':
      return tableOfContents(block, theme);
    case 'image':
      return {
        image: dataUrlOf(block),
        width: block.width,
        alignment: 'center',
        margin: [0, PICTURE_SPACE, 0, PICTURE_SPACE],
      };
  }
}

function tocHeadingsOf(tree: DocumentTree): { heading: Heading; id: string }[] {
  const entries: { heading: Heading; id: string }[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading' && b.toc) entries.push({ heading: b, id: b.id ?? `outline-${entries.length + 1}` });
      else if (b.type === 'group') visit(b.blocks);
    }
  };
  for (const section of tree.sections) visit(section.blocks);
  return entries;
}

/** The leader between an entry and its page number. */
const LEADER = '…';

/**
 * The 目次: one row per heading, its text and leader dots up to its page number (pdfmake's
 * pageReference, filled in after the layout), both linked to the heading. The leader fills
 * the entry's last line, measured as pdfmake breaks it.
 */
function tableOfContents(toc: TableOfContents, theme: Theme): Content {
  const styles = tocEntries.map(({ heading }) => styleOf(theme, 'p', `toc-${heading.level}`));
  const numberWidth = tocNumberWidth(styles, measureText);
  const width = contentWidth(theme) - numberWidth;
  const rows = tocEntries.map(({ heading, id }, i) => {
    const style = styles[i]!;
    const indent = (heading.level - 1) * TOC_INDENT;
    const text = toInlines(heading.content, style.size);
    let leader = '';
    if (measureText) {
      const textWidth = width - indent;
      const pieces = text.map((run) => ({
        text: typeof run.text === 'string' ? run.text : '',
        noWrap: run.noWrap === true,
        bold: style.bold || run.bold === true,
        spacing: typeof run.characterSpacing === 'number' ? run.characterSpacing : 0,
      }));
      const lines = breakLines(pieces, textWidth, style, measureText);
      const last = measureText(lines.at(-1) ?? '', style.font, style.bold) * style.size;
      const dot = measureText(LEADER, style.font, style.bold) * style.size;
      // Half a character clear of the text and of the number.
      const count = Math.floor((textWidth - last - style.size) / dot);
      if (count >= 2) leader = LEADER.repeat(count);
    }
    const margin: Margins = [0, style.spaceBefore, 0, style.spaceAfter];
    return [
      {
        text: [...text, ...(leader ? [{ text: leader, noWrap: true, bold: false }] : [])],
        ...textStyle(style),
        alignment: 'left' as const,
        linkToDestination: id,
        id: tocEntryId(id),
        margin: [indent, margin[1], 0, margin[3]] as Margins,
      },
      {
        text: [{ pageReference: id }],
        ...textStyle(style),
        alignment: 'right' as const,
        linkToDestination: id,
        margin,
      },
    ];
  });
  return {
    stack: [
      ...(toc.title
        ? [
            {
              text: toc.title,
              ...textStyle(styleOf(theme, 'h1', 'toc-title')),
              margin: [0, 0, 0, styleOf(theme, 'h1', 'toc-title').spaceAfter] as Margins,
              // The 目次 itself is the first bookmark.
              id: 'toc',
              outline: true,
            },
          ]
        : []),
      ...(rows.length > 0
        ? [
            {
              table: { widths: [width, numberWidth], body: rows, dontBreakRows: true },
              layout: {
                hLineWidth: () => 0,
                vLineWidth: () => 0,
                paddingLeft: () => 0,
                paddingRight: () => 0,
                paddingTop: () => 0,
                paddingBottom: () => 0,
              },
            },
          ]
        : []),
    ],
  };
}

function toTable(table: Table, theme: Theme, totalWidth: number): Content {
  const widths = [...columnWidths(table.widths, totalWidth, theme).content];
  const columns = widths.length;
  const head = toGrid(table.head, columns).map((row) => cellsOf(row, widths, theme));
  const bodyGrid = toGrid(table.body, columns);
  const body: PdfCell[][] = [];
  const budget = groupHeightBudget(theme, toGrid(table.head, columns), widths);
  const number = tableNumberOf.get(table);
  rowGroups(bodyGrid).forEach((group, g) => {
    const rows = bodyGrid.slice(group.start, group.start + group.size);
    const first = body.length;
    for (const part of splitTallGroup(theme, rows, widths, budget)) {
      body.push(part.length === 1 ? cellsOf(part[0]!, widths, theme) : groupRow(part, widths, theme));
    }
    if (number !== undefined) {
      nameFirstText(body[first]!, rowGroupId(number, g, 'first'));
      if (body.length - 1 > first) nameFirstText(body[body.length - 1]!, rowGroupId(number, g, 'last'));
    }
  });
  return {
    table: {
      headerRows: head.length,
      keepWithHeaderRows: head.length > 0 ? 1 : 0,
      dontBreakRows: true,
      widths,
      body: [...head, ...body],
    },
    layout: gridLayout(theme),
    // No bottom margin: a margin that does not fit under a table at a page's foot starts an
    // empty page (pdfmake). What follows a table has its own top margin.
    margin: [0, 0, 0, 0],
  };
}

/**
 * Names the first text of a laid-out row (layout/row-group-pages.ts): pdfmake then records the
 * page it is finally laid on, also when the row moved to the next page.
 */
function nameFirstText(row: readonly PdfCell[], id: string): void {
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    const n = node as Record<string, unknown>;
    if ('text' in n && typeof n.id !== 'string') {
      n.id = id;
      return true;
    }
    if ('text' in n) return false;
    return Object.values(n).some((value) =>
      Array.isArray(value) ? value.some(visit) : typeof value === 'object' && visit(value),
    );
  };
  row.some(visit);
}

/**
 * The tallest a row group may be and still fit on a page under the repeated header, with a
 * margin for the estimate's error: a taller one is cut (layout/split-tall-groups.ts).
 */
function groupHeightBudget(theme: Theme, head: readonly GridSlot[][], widths: readonly number[]): number {
  return (contentHeight(theme) - estimateRowsHeight(theme, head, widths)) * theme.fit.pdf;
}

/** One outer row: the spanning first cell, then the group's other cells as a nested table. */
function groupRow(rows: readonly GridSlot[][], widths: readonly number[], theme: Theme): PdfCell[] {
  const { cellPadding, ruleWidth } = theme.table;
  const first = rows[0]![0]!;
  const innerRows = rows.map((row) => row.slice(1));
  const innerWidths = widths.slice(1);
  const innerGrid = innerRows.map((row) =>
    row.map((slot) => (slot.kind === 'covered' && slot.col === 0 ? { ...slot } : slot)),
  );
  const inner: PdfCell[][] = [];
  for (const group of rowGroups(innerGrid)) {
    const slice = innerGrid.slice(group.start, group.start + group.size);
    inner.push(group.size === 1 ? cellsOf(slice[0]!, innerWidths, theme) : groupRow(slice, innerWidths, theme));
  }
  const spanned = innerWidths.length;
  const nested: PdfCell = {
    table: { widths: innerWidths, body: inner, dontBreakRows: true },
    layout: innerLayout(theme),
    // Cancel the outer cell's padding so the nested columns line up with the header's.
    margin: [-cellPadding.x, -cellPadding.y, -cellPadding.x - ruleWidth, -cellPadding.y],
    colSpan: spanned,
  };
  return [
    toPdfCell(first, theme, { spanRows: false, width: widths[0]! }),
    nested,
    ...Array.from({ length: spanned - 1 }, () => ({})),
  ];
}

/** A grid row's cells, each told its text width (a cell across columns, theirs and the gaps between). */
function cellsOf(row: readonly GridSlot[], widths: readonly number[], theme: Theme): PdfCell[] {
  const gutter = 2 * theme.table.cellPadding.x + theme.table.ruleWidth;
  return row.map((slot, c) => {
    const span = slot.kind === 'cell' ? slot.cell.colSpan : 1;
    const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0) + (span - 1) * gutter;
    return toPdfCell(slot, theme, { width });
  });
}

/** A rule across a cell, padding included, above a paragraph whose style asks for one (ruleAbove). */
function cellRule(theme: Theme, width: number): Content {
  const { cellPadding, ruleWidth } = theme.table;
  return {
    canvas: [
      {
        type: 'line',
        x1: -cellPadding.x,
        y1: 0,
        x2: width + cellPadding.x,
        y2: 0,
        lineWidth: ruleWidth,
        lineColor: theme.colors.rule,
      },
    ],
  };
}

function toPdfCell(
  slot: GridSlot,
  theme: Theme,
  { spanRows = true, width }: { spanRows?: boolean; width: number },
): PdfCell {
  if (slot.kind === 'covered') return {};
  const cell: TableCell = slot.cell;
  const style = styleOf(theme, cell.header ? 'th' : 'td', cell.style, true);
  const stack = cell.content.flatMap((b): Content[] => {
    // A bare paragraph takes the cell's look (th bold and centred) unless it has a class.
    if (b.type === 'paragraph' && !b.style)
      return [
        labelled(b, style, {
          text: toInlines(b.content, style.size),
          ...textStyle(style),
          alignment: b.align ?? cell.align ?? style.align,
        }),
      ];
    const ruled = b.type === 'paragraph' && styleOf(theme, 'p', b.style, true).ruleAbove === true;
    return ruled ? [cellRule(theme, width), toBlock(b, theme, true)] : [toBlock(b, theme, true)];
  });
  return {
    stack,
    ...textStyle(style),
    ...(cell.align ? { alignment: cell.align } : {}),
    ...(spanRows && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.header ? { fillColor: theme.colors.headerFill } : {}),
  };
}

function gridLayout(theme: Theme): CustomTableLayout {
  const { cellPadding, ruleWidth } = theme.table;
  return {
    hLineWidth: () => ruleWidth,
    vLineWidth: () => ruleWidth,
    hLineColor: () => theme.colors.rule,
    vLineColor: () => theme.colors.rule,
    paddingLeft: () => cellPadding.x,
    paddingRight: () => cellPadding.x,
    paddingTop: () => cellPadding.y,
    paddingBottom: () => cellPadding.y,
  };
}

/** A nested table draws only its inner lines: the outer cell already has a border. */
function innerLayout(theme: Theme): CustomTableLayout {
  const ruleWidth = theme.table.ruleWidth;
  return {
    ...gridLayout(theme),
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : ruleWidth),
    vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : ruleWidth),
  };
}
