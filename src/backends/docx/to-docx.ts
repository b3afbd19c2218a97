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
  LineRuleType,
  ImageRun,
  PageNumber,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
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
  type ISectionOptions,
  type FileChild,
} from 'docx';
import type { Block, DocumentTree, Inline, Section, Table, TableCell } from '../../ir/types.ts';
import { inlineText, tableNumbers, tocHeadings } from '../../ir/queries.ts';
import { rowGroups, toGrid } from '../../ir/table-grid.ts';
import { columnWidths } from '../../layout/columns.ts';
import { headingLabel, headingWraps, labelWidth } from '../../layout/labels.ts';
import { fitRunningTitle } from '../../layout/running-title.ts';
import { figureParts } from '../../layout/number-runs.ts';
import { punctuationRuns } from '../../layout/punctuation.ts';
import { estimateBlockHeight, estimateRowsHeight, keptOnOnePage } from '../../layout/estimate-height.ts';
import type { Pagination } from '../../layout/paginate.ts';
import { groupsStartingPages } from '../../layout/row-group-pages.ts';
import { tocNumberWidth } from '../../layout/toc-layout.ts';
import { contentHeight, contentWidth, styleOf, type BlockStyle, type Theme } from '../../theme/styles.ts';
import { officeColor } from '../../theme/theme.ts';
import { MadeWhenWritten, WrittenXml } from './stream-body.ts';
import {
  withFreshBookmarks,
  withLocalBookmarks,
  type SectionCache,
  type SectionInputs,
  type StyleCall,
} from './section-cache.ts';
import { PICTURE_SPACE } from '../../ir/image-data.ts';
import {
  ALIGN,
  AMOUNT_STYLE_ID,
  amountStyles,
  COMMA_STYLE_ID,
  fontNamed,
  TIGHT_MARK_STYLE_ID,
  halfPoints,
  lineSpacing,
  twips,
  TWIPS_PER_POINT,
  ruleEighths,
  WordStyles,
  type WordStyle,
} from './word-styles.ts';

const LANGUAGE = { value: 'ja-JP', eastAsia: 'ja-JP' } as const;
const font = (theme: Theme, role: BlockStyle['font']) => fontNamed(theme.fonts[role].name);

/**
 * `pagination`: the page of each heading in the print layout, written into the 目次 so that it
 * shows page numbers without Word updating its fields (it does not ask to on opening; staff can
 * update the field). The Word file is laid out alike (same page size, margins, line pitch and
 * text widths), every paragraph through a named style (word-styles.ts).
 */
export function toDocx(
  tree: DocumentTree,
  theme: Theme,
  pagination?: Pagination,
  {
    convertWhenWritten = true,
    sections: kept,
  }: {
    convertWhenWritten?: boolean;
    /** out/.cache's sections (section-cache.ts): those kept are written as they were. */
    sections?: SectionCache;
  } = {},
): Document {
  const headingPages = pagination?.headingPages;
  const styles = new WordStyles(theme, (role) => font(theme, role));
  const env: DocxEnv = {
    theme,
    styles,
    ...(pagination ? { blockEndPage: pagination.blockEndPage, rowGroupPages: pagination.rowGroupPages } : {}),
    tableNumbers: tableNumbers(tree),
    convertWhenWritten,
    ...(kept ? { kept } : {}),
    ...(tree.watermark ? { watermark: tree.watermark } : {}),
    tocEntries: tocHeadings(tree).map((h) => ({
      title: h.title,
      level: h.level,
      href: h.id,
      ...(headingPages?.has(h.id) ? { page: headingPages.get(h.id)! } : {}),
    })),
  };
  // Converted first: the paragraphs name the styles the document then defines.
  const sections = tree.sections.map((section, s) => toSection(section, s, env));
  return new Document({
    title: tree.title,
    ...(tree.subject ? { subject: tree.subject } : {}),
    creator: tree.author ?? 'keikaku',
    lastModifiedBy: 'keikaku',
    description: tree.subject ?? tree.title,
    // Space after one paragraph and before the next add up, as in the PDF. Word adds them anyway;
    // LibreOffice takes the larger of the two unless the file says so.
    compatibility: { doNotUseHTMLParagraphAutoSpacing: true },
    styles: {
      default: {
        document: {
          run: { font: font(theme, theme.base.font), size: halfPoints(theme.base.size), language: LANGUAGE },
          paragraph: { spacing: { ...lineSpacing(styleOf(theme, 'p')) } },
        },
        ...styles.headingDefaults(),
      },
      paragraphStyles: styles.definitions(),
      characterStyles: [...amountStyles(theme), ...styles.characterDefinitions()],
    },
    sections,
  });
}

/**
 * The 目次's entries (by their place in it) that the print layout put at the top of a page: the
 * Word file's 目次 starts a page at each (pack-docx.ts), so that it pages as the PDF's does.
 */
export function tocPageStarts(tree: DocumentTree, pagination: Pagination): number[] {
  const pages = tocHeadings(tree).map((h) => pagination.tocEntryPage(h.id));
  return [...groupsStartingPages(pages.map((page) => ({ start: page, end: page })))];
}

/** What the conversion of one document shares between its blocks. */
interface DocxEnv {
  readonly theme: Theme;
  readonly styles: WordStyles;
  /** Where the print layout ended each section's blocks (layout/block-ends.ts). */
  readonly blockEndPage?: Pagination['blockEndPage'];
  /** Where the print layout put each table's row groups, by the table's number. */
  readonly rowGroupPages?: Pagination['rowGroupPages'];
  readonly tableNumbers: ReadonlyMap<Table, number>;
  /** A draft's 「案」, in the header of every page (OOXML watermarks are shapes; keikaku draws none). */
  readonly watermark?: string;
  /** The entries of the document's 目次, with pages when known. */
  readonly tocEntries: readonly { title: string; level: number; href: string; page?: number }[];
  /** Whether the body's blocks are converted again as they are written, not held (sectionChildren). */
  readonly convertWhenWritten: boolean;
  /** out/.cache's sections. */
  readonly kept?: SectionCache;
}

/**
 * What each section's XML is made from beside its blocks (section-cache.ts): where the print
 * layout started a block on a new page, and where it continued a table on one.
 */
export function sectionInputs(tree: DocumentTree, theme: Theme, pagination: Pagination): SectionInputs[] {
  const env = {
    theme,
    blockEndPage: pagination.blockEndPage,
    rowGroupPages: pagination.rowGroupPages,
    tableNumbers: tableNumbers(tree),
  };
  return tree.sections.map((section, s) => ({
    section,
    breaksBefore: section.blocks.map((_, i) => pdfStartsNewPage(section, s, i, env)),
    tableCuts: section.blocks.flatMap((block) => tablesIn(block).map((table) => tableCuts(table, env))),
  }));
}

/** The tables in a block, its cells' included, outer before inner. */
function tablesIn(block: Block): Table[] {
  switch (block.type) {
    case 'table':
      return [
        block,
        ...[...block.head, ...block.body].flatMap((row) => row.cells.flatMap((c) => c.content.flatMap(tablesIn))),
      ];
    case 'group':
      return block.blocks.flatMap(tablesIn);
    default:
      return [];
  }
}

/** The row groups (by place) that the print layout moved to a new page: the table is cut before each. */
function tableCuts(table: Table, env: Pick<DocxEnv, 'tableNumbers' | 'rowGroupPages'>): number[] {
  const number = env.tableNumbers.get(table);
  return [...groupsStartingPages((number !== undefined && env.rowGroupPages?.(number)) || [])];
}

/**
 * Whether the print layout started a section's block on a new page: a heading, or a group it
 * kept on one page (the ●事業費 heading and its table), that ended on a later page than the block
 * before it. Word then starts it on a new page too, so that it pages as the PDF does (Word's
 * own layout runs a little shorter); blocks that may break across pages flow as they fall.
 */
function pdfStartsNewPage(
  section: Section,
  s: number,
  i: number,
  env: Pick<DocxEnv, 'theme' | 'blockEndPage'>,
): boolean {
  const block = section.blocks[i]!;
  const end = env.blockEndPage;
  if (i === 0 || !end) return false;
  const kept = block.type === 'heading' || keptOnOnePage(env.theme, block, false);
  const before = end(s, i - 1);
  return kept && before > 0 && end(s, i) > before;
}

/**
 * How much further down a Word page's text may go than the PDF's: down to just above the page
 * number. LibreOffice sets a space between Asian and Latin letters that the PDF and Word leave
 * out (layout/asian-latin-space.ts), so a cell can take a line more in its rendering of the file;
 * the room keeps such a line from pushing a block over to the next page. Where the PDF starts a
 * page the Word file starts one too (forced breaks), so the extra room does not let Word's pages
 * run ahead of the PDF's, but in the 目次, which flows freely and so keeps the PDF's margins.
 */
function footRoom(theme: Theme): number {
  const number = styleOf(theme, 'p', 'page-number');
  const clear = 2;
  return Math.max(0, theme.page.margin.bottom - theme.page.footerY - number.size * number.lineHeight - clear);
}

function toSection(section: Section, s: number, env: DocxEnv): ISectionOptions {
  const theme = env.theme;
  const page = theme.page;
  return {
    properties: {
      // A 施策's pages name it at the top left, with （続き） from its second page: Word's own
      // first-page header carries the name alone, the other pages' the name continued.
      ...(section.runningTitle ? { titlePage: true } : {}),
      // Printed on both sides: a 基本方針 or the 施策体系 begins on a right-hand page.
      ...(page.duplex && section.startsOnRight ? { type: SectionType.ODD_PAGE } : {}),
      page: {
        size: { width: twips(page.width), height: twips(page.height) },
        margin: {
          top: twips(page.margin.top),
          right: twips(page.margin.right),
          bottom: twips(page.margin.bottom - (section.blocks.some((b) => b.type === 'toc') ? 0 : footRoom(theme))),
          left: twips(page.margin.left),
          header: twips(page.headerY),
          footer: twips(page.footerY),
        },
      },
    },
    headers: section.runningTitle
      ? {
          first: runningHeader(section, env, runningTitle(section, env, '')),
          default: runningHeader(
            section,
            env,
            `${runningTitle(section, env, theme.words.continued)}${theme.words.continued}`,
          ),
        }
      : { default: runningHeader(section, env) },
    footers: section.runningTitle
      ? { first: pageFooter(section, env), default: pageFooter(section, env) }
      : { default: pageFooter(section, env) },
    children: sectionChildren(section, s, env),
  };
}

/**
 * A section's blocks for the body. Each is converted here, for the styles it names (the document
 * defines its styles before its body is written), and, but for the last, again when the body is
 * written (MadeWhenWritten), so that the document never holds all its blocks' components at once.
 * The section's last blocks stay as converted: docx ends a section in its last paragraph.
 * A section out/.cache keeps is written as it was, but for a last block that ends in a paragraph;
 * its styles are named again in the order its conversion named them, so that the document's
 * styles are the same.
 */
function sectionChildren(section: Section, s: number, env: DocxEnv): FileChild[] {
  const convert = (b: Block, i: number, using = env) =>
    toBlock(b, contentWidth(env.theme), using, false, false, pdfStartsNewPage(section, s, i, env));
  const cached = env.convertWhenWritten ? env.kept?.section(s) : undefined;
  if (cached?.record) {
    const { xml, last, styles } = cached.record;
    for (const [method, ...args] of styles) nameStyle(env.styles, method, args);
    const rest = section.blocks.slice(last).flatMap((b, i) => convert(b, last + i));
    return [new WrittenXml(withFreshBookmarks(xml)), ...rest];
  }
  const stylesOfBlocks: StyleCall[][] = [];
  const converted = section.blocks.map((b, i) =>
    cached ? convert(b, i, { ...env, styles: recordingStyles(env.styles, (stylesOfBlocks[i] = [])) }) : convert(b, i),
  );
  if (!env.convertWhenWritten) return converted.flat();
  const lastWithComponents = converted.findLastIndex((components) => components.length > 0);
  // The blocks from `last` on stay as converted. A kept section's last block is written too when
  // it ends in a table: docx then adds a paragraph of its own to end the section in.
  const last =
    cached && !(converted[lastWithComponents]?.at(-1) instanceof Paragraph)
      ? lastWithComponents + 1
      : lastWithComponents;
  // The XML of the blocks before the last, kept in out/.cache once all are written.
  const written = new Map<number, string>();
  const toWrite = converted.slice(0, last).filter((components) => components.length > 0).length;
  const keep =
    cached && last > 0
      ? (i: number) => (xml: string) => {
          if (written.size === toWrite) return;
          written.set(i, xml);
          if (written.size < toWrite) return;
          env.kept!.store(cached.key, {
            // Not from `converted`: a closure here would keep every block's components alive.
            xml: withLocalBookmarks(Array.from({ length: last }, (_, k) => written.get(k) ?? '').join('')),
            last,
            styles: firstNamed(stylesOfBlocks.slice(0, last).flat()),
          });
        }
      : undefined;
  return converted.flatMap((components, i) =>
    i >= last
      ? components
      : components.length > 0
        ? [new MadeWhenWritten(() => convert(section.blocks[i]!, i), keep?.(i))]
        : ([] as FileChild[]),
  );
}

/** The styles object, telling `calls` of each style the conversion names. */
function recordingStyles(styles: WordStyles, calls: StyleCall[]): WordStyles {
  return new Proxy(styles, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push([String(property), ...args]);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Names a style again as a kept section's conversion named it (JSON keeps no undefined: null for it). */
function nameStyle(styles: WordStyles, method: string, args: readonly unknown[]): void {
  const call = (styles as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
  if (typeof call !== 'function') throw new Error(`Word section record: no style method ${method}`);
  call.apply(
    styles,
    args.map((a) => a ?? undefined),
  );
}

/** Each call once, where first made: naming a style again changes nothing. */
function firstNamed(calls: readonly StyleCall[]): StyleCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    const key = JSON.stringify(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The section's 施策 for its running header, cut with … as the PDF's is. */
const runningTitle = (section: Section, env: DocxEnv, suffix: string) =>
  fitRunningTitle(
    section.runningTitle!,
    suffix,
    section.runningHeader ?? '',
    styleOf(env.theme, 'p', 'running-header'),
    contentWidth(env.theme),
  );

/** The running header: the section's title at the left (a 施策), the document's at the right. */
function runningHeader(section: Section, env: DocxEnv, title?: string): Header {
  const theme = env.theme;
  const text = section.runningHeader;
  const style = env.styles.paragraph('p', 'running-header');
  // A header holds at least one paragraph (OOXML); an empty one stops the previous section's showing.
  const line = !text
    ? new Paragraph({})
    : title
      ? new Paragraph({
          style: style.id,
          alignment: AlignmentType.LEFT,
          tabStops: [{ type: TabStopType.RIGHT, position: twips(contentWidth(theme)) }],
          children: [new TextRun({ text: title }), new TextRun({ children: [new Tab(), text] })],
        })
      : paragraph(env, style, [{ type: 'text', text }]);
  return new Header({
    children: [
      // A draft's mark: the one run with formatting of its own.
      ...(env.watermark
        ? [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: `【${env.watermark}】`, bold: true, size: 32, color: '888888' })],
            }),
          ]
        : []),
      line,
    ],
  });
}

function pageFooter(section: Section, env: DocxEnv): Footer {
  return new Footer({
    children: section.pageNumbers
      ? [
          new Paragraph({
            style: env.styles.paragraph('p', 'page-number').id,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT] })],
          }),
        ]
      : [new Paragraph({})],
  });
}

/** The runs of a paragraph: text, emphasis and underline only; the look is the paragraph style's. */
function runs(env: DocxEnv, inlines: readonly Inline[], style: BlockStyle): TextRun[] {
  return inlines.flatMap((inline) => {
    if (inline.type === 'break') return [new TextRun({ break: 1 })];
    const options = {
      ...(inline.bold && !style.bold ? { bold: true } : {}),
      ...(inline.underline ? { underline: {} } : {}),
    };
    // An SDGs goal's label: its colours are its meaning, in a character style of their own.
    if (inline.fill || inline.color)
      return [new TextRun({ text: inline.text, ...options, style: env.styles.colours(inline.fill, inline.color) })];
    // A figure in the 金額 style, its commas narrower in their own.
    const parts = figureParts(inline.text);
    if (parts)
      return parts.map(
        (part) => new TextRun({ text: part.text, ...options, style: part.comma ? COMMA_STYLE_ID : AMOUNT_STYLE_ID }),
      );
    // Marks set tight (」（): all but the last of each run in 約物の詰め.
    const marks = env.theme.proportionalFace ? punctuationRuns(inline.text) : undefined;
    if (marks)
      return marks.flatMap(({ text, tight }) => {
        if (!tight) return [new TextRun({ text, ...options })];
        const chars = [...text];
        return [
          new TextRun({ text: chars.slice(0, -1).join(''), ...options, style: TIGHT_MARK_STYLE_ID }),
          new TextRun({ text: chars.at(-1)!, ...options }),
        ];
      });
    return [new TextRun({ text: inline.text, ...options })];
  });
}

function paragraph(
  env: DocxEnv,
  { id, style }: WordStyle,
  inlines: readonly Inline[],
  extra: { align?: BlockStyle['align']; keepNext?: boolean; breakBefore?: boolean; label?: string } = {},
): Paragraph {
  // A label hangs: a tab after it reaches the hanging indent, where the wrapped lines start.
  const hang = extra.label === undefined ? undefined : twips(labelWidth(extra.label, style));
  return new Paragraph({
    style: id,
    ...(extra.label !== undefined
      ? {
          indent: { left: hang, hanging: hang },
          tabStops: [{ type: TabStopType.LEFT, position: hang! }],
        }
      : {}),
    ...(extra.breakBefore ? { pageBreakBefore: true } : {}),
    children: [
      ...(extra.label !== undefined
        ? [new TextRun({ text: extra.label }), new TextRun({ children: [new Tab()] })]
        : []),
      ...runs(env, inlines, style),
    ],
    // The cell's or template's alignment where it differs from the style's.
    ...(extra.align && extra.align !== style.align ? { alignment: ALIGN[extra.align] } : {}),
    ...(extra.keepNext ? { keepNext: true, keepLines: true } : {}),
  });
}

function toBlock(
  block: Block,
  width: number,
  env: DocxEnv,
  keepNext = false,
  inTable = false,
  breakBefore = false,
): (Paragraph | DocxTable | TableOfContents)[] {
  const theme = env.theme;
  switch (block.type) {
    case 'heading': {
      const { id, style } = env.styles.heading(block.level, block.style);
      const content = runs(env, block.content, style);
      // A heading that wraps hangs its number: the lines after the first start under the name.
      const hanging = headingLabel(block.content);
      const hang =
        hanging && headingWraps(inlineText(block.content, ' '), style, width)
          ? twips(labelWidth(hanging.label, style))
          : undefined;
      return [
        new Paragraph({
          style: id,
          ...(hang !== undefined ? { indent: { left: hang, hanging: hang } } : {}),
          keepNext: true,
          ...(breakBefore ? { pageBreakBefore: true } : {}),
          children: block.id ? [new Bookmark({ id: block.id, children: content })] : content,
        }),
      ];
    }
    case 'paragraph':
      return [
        paragraph(env, env.styles.paragraph('p', block.style, inTable), block.content, {
          ...(block.align ? { align: block.align } : {}),
          ...(block.label !== undefined ? { label: block.label } : {}),
          keepNext,
          breakBefore,
        }),
      ];
    case 'list': {
      const style = env.styles.paragraph('ul', block.style, inTable);
      return block.items.map((item, i) =>
        paragraph(env, style, [{ type: 'text', text: block.marker }, ...item], {
          keepNext,
          breakBefore: breakBefore && i === 0,
        }),
      );
    }
    case 'table':
      return toTable(block, width, env, keepNext);
    case 'group': {
      // Word keeps blocks together by "keep with next" on every paragraph but the group's last.
      const keep =
        block.keepTogether && estimateBlockHeight(theme, block, width, false) < contentHeight(theme) * theme.fit.docx;
      return block.blocks.flatMap((b, i) =>
        toBlock(
          b,
          width,
          env,
          keepNext || (keep && i < block.blocks.length - 1) || (keep && b.type === 'table'),
          inTable,
          breakBefore && i === 0,
        ),
      );
    }
    case 'image':
      return [
        new Paragraph({
          style: env.styles.paragraph('p').id,
          alignment: AlignmentType.CENTER,
          // The picture's own height: the style's exact line would cut it off.
          spacing: {
            before: twips(PICTURE_SPACE),
            after: twips(PICTURE_SPACE),
            line: 240,
            lineRule: LineRuleType.AUTO,
          },
          ...(breakBefore ? { pageBreakBefore: true } : {}),
          children: [
            new ImageRun({
              type: block.format === 'png' ? 'png' : 'jpg',
              data: block.data,
              // Word sizes pictures in pixels at 96 per inch.
              transformation: {
                width: Math.round((block.width * 96) / 72),
                height: Math.round((block.width * 96 * block.pixelHeight) / 72 / block.pixelWidth),
              },
              altText: { name: block.alt, description: block.alt, title: block.alt },
            }),
          ],
        }),
      ];
    case 'toc': {
      // The entries' styles, named "toc N", are found by the field by name (docx).
      const levels = [...new Set(env.tocEntries.map((e) => e.level))];
      const numberWidth = tocNumberWidth(levels.map((level) => styleOf(theme, 'p', `toc-${level}`)));
      for (const level of levels) env.styles.tocEntry(level, numberWidth);
      return [
        ...(block.title
          ? [paragraph(env, env.styles.paragraph('h1', 'toc-title'), [{ type: 'text', text: block.title }])]
          : []),
        new TableOfContents(block.title ?? '目次', {
          hyperlink: true,
          headingStyleRange: '1-3',
          // Written with the print layout's page numbers, and not marked for update: Word opens the
          // file without asking, and the field still updates when staff choose to.
          cachedEntries: env.tocEntries,
          beginDirty: false,
        }),
      ];
    }
  }
}

/** `#e8eef5` → `E8EEF5`, `#555` → `555555`: Word's colour values. */
const border = (theme: Theme) =>
  ({ style: BorderStyle.SINGLE, size: ruleEighths(theme), color: officeColor(theme.colors.rule) }) as const;

/**
 * `keepAll`: every row keeps with the next (a table that must stay on one page, but its last row).
 * One table, or several where the print layout continued it on a new page.
 */
function toTable(table: Table, width: number, env: DocxEnv, keepAll = false): (DocxTable | Paragraph)[] {
  const theme = env.theme;
  const widths = columnWidths(table.widths, width, theme);
  const twipWidths = widths.outer.map(twips);
  const columns = twipWidths.length;
  const bodyGrid = toGrid(table.body, columns);
  // Rows of one group (a 取組 and its 事業 rows) are kept on one page: every row but the
  // group's last keeps with the next (Word's and LibreOffice's way to hold rows together).
  // A group taller than a page cannot be kept together: its rows may then break across pages
  // (a row Word must not split but cannot fit would overflow the page, docx #402).
  const keepWithNext = new Set<number>();
  const mayBreak = new Set<number>();
  const pageRoom = contentHeight(theme) * theme.fit.docx;
  if (keepAll) for (let r = 0; r < bodyGrid.length - 1; r++) keepWithNext.add(r);
  const groups = rowGroups(bodyGrid);
  for (const g of groups) {
    const rows = bodyGrid.slice(g.start, g.start + g.size);
    const height = estimateRowsHeight(theme, rows, widths.content);
    for (let r = g.start; r < g.start + g.size; r++) {
      if (height > pageRoom) mayBreak.add(r);
      else if (r < g.start + g.size - 1) keepWithNext.add(r);
    }
  }
  const cellWidth = (cell: TableCell, start: number) =>
    twipWidths.slice(start, start + cell.colSpan).reduce((a, b) => a + b, 0);
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
  const rule = border(theme);
  const docxTable = (body: DocxRow[]) =>
    new DocxTable({
      width: { size: twipWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: twipWidths,
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: [...toRows(table.head, true), ...body],
    });
  // Where the print layout moved a row group to a new page, the table ends and its rest, under
  // its header again, starts a new page (layout/row-group-pages.ts).
  const cuts = tableCuts(table, env).map((g) => groups[g]!.start);
  const body = toRows(table.body, false);
  const ends = [...cuts, body.length];
  const parts = [0, ...cuts].map((start, i) => body.slice(start, ends[i]));
  return parts.flatMap((rows, i) => [
    ...(i > 0 ? [new Paragraph({ style: env.styles.tableBreak(), pageBreakBefore: true })] : []),
    docxTable(rows),
  ]);
}

function toCell(cell: TableCell, width: number, env: DocxEnv, keepNext: boolean): DocxCell {
  const theme = env.theme;
  const padding = theme.table.cellPadding;
  // A bare paragraph takes the cell's look (th bold and centred) unless it has a class.
  const cellStyle = env.styles.paragraph(cell.header ? 'th' : 'td', cell.style, true);
  const style = cellStyle.style;
  const children = cell.content.flatMap((b) => {
    if (b.type === 'paragraph' && !b.style)
      return [
        paragraph(env, cellStyle, b.content, {
          align: b.align ?? cell.align ?? style.align,
          ...(b.label !== undefined ? { label: b.label } : {}),
          keepNext,
        }),
      ];
    return toBlock(b, width / TWIPS_PER_POINT, env, keepNext, true);
  });
  return new DocxCell({
    children: children.length > 0 ? (children as Paragraph[]) : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    // Each side's margin takes half the column's rule too (layout/columns.ts gives Word the text
    // width plus the padding and one rule): Word's text is then exactly as wide as the PDF's.
    margins: {
      top: twips(padding.y),
      bottom: twips(padding.y),
      left: twips(padding.x + theme.table.ruleWidth / 2),
      right: twips(padding.x + theme.table.ruleWidth / 2),
    },
    ...(cell.header
      ? {
          shading: { type: ShadingType.CLEAR, fill: officeColor(theme.colors.headerFill), color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
        }
      : {}),
  });
}
