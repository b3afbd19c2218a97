// Column widths fitted to what the columns hold. Templates give each table's relative widths
// (data-widths); this stage moves width between columns, within limits, until no cell's last
// line holds a single character that a wider (or narrower) column would pull back, and the
// table is no taller than it needs to be: a figure column gives up width its figures do not
// need when the text beside it then takes fewer lines. Lines are worked out as pdfmake breaks them
// (layout/line-breaks.ts) with the fonts' own widths, so the PDF prints what was measured; Word
// and HTML get the same widths. The result replaces each table's widths in the tree (in points
// of text width), so every later stage (pagination, the backends) reads one set of widths.
import { createHash } from 'node:crypto';
import { figureParts } from './number-runs.ts';
import { toGrid } from '../ir/table-grid.ts';
import type { Block, DocumentTree, Inline, Paragraph, Table, TableCell } from '../ir/types.ts';
import { contentWidth, styleOf, type BlockStyle, type Theme } from '../theme/styles.ts';
import { columnWidths } from './columns.ts';
import { labelWidth } from './labels.ts';
import { tightRuns } from './tight-runs.ts';
import { fillLines, prepareText, type Piece, type PreparedText, type TextStyle } from './line-breaks.ts';
import type { Measure } from './text-measure.ts';
import { asianLatinBoundaries, LIBREOFFICE_ASIAN_LATIN_SPACE_EM } from './asian-latin-space.ts';

/**
 * How far a column may move from its declared width when the template does not say
 * (data-min-widths, data-max-widths): from 60 % to 160 % of it.
 */
export const DEFAULT_SHRINK = 0.6;
export const DEFAULT_GROW = 1.6;
/** Rounds of moving width before giving up on a better table (each round takes the best move). */
const MAX_ROUNDS = 60;

/** A paragraph of a cell as the PDF lays it out. */
interface CellText {
  readonly pieces: readonly Piece[];
  readonly prepared: PreparedText;
  readonly style: TextStyle;
  /** Taken off the cell's width (a list's marker column, a paragraph's hanging label). */
  readonly indent: number;
  readonly bold: boolean;
  readonly lineBox: number;
  readonly space: number;
}

interface FitCell {
  readonly col: number;
  readonly span: number;
  readonly row: number;
  readonly rowSpan: number;
  readonly header: boolean;
  readonly texts: readonly CellText[];
}

interface CellFit {
  readonly height: number;
  /** Paragraphs whose last line holds one character. */
  readonly orphans: number;
  /** Lines that fit the PDF's column but not with LibreOffice's space between Asian and Latin letters. */
  readonly tight: number;
}

/**
 * Widths fitted before, by a hash of the table and the width it fits in (out/.cache keeps them
 * per document, for one set of theme, fonts and code: pipeline/render-cache.ts).
 */
export interface FitMemo {
  get(key: string): readonly number[] | undefined;
  set(key: string, widths: readonly number[]): void;
  /** Every width it holds (a worker thread's copy starts from these: pipeline/worker-cache.ts). */
  known(): [string, readonly number[]][];
}

export function fitTables(tree: DocumentTree, theme: Theme, measure: Measure, memo?: FitMemo): DocumentTree {
  const total = contentWidth(theme);
  const fit = (table: Table): number[] => {
    if (!memo) return fitTable(table, total, theme, measure);
    const key = createHash('sha256')
      .update(JSON.stringify([total, table]))
      .digest('hex');
    const known = memo.get(key);
    if (known) return [...known];
    const widths = fitTable(table, total, theme, measure);
    memo.set(key, widths);
    return widths;
  };
  const fitBlock = (block: Block): Block => {
    if (block.type === 'table') return { ...block, widths: fit(block) };
    if (block.type === 'group') return { ...block, blocks: block.blocks.map(fitBlock) };
    return block;
  };
  return { ...tree, sections: tree.sections.map((s) => ({ ...s, blocks: s.blocks.map(fitBlock) })) };
}

/** Each column's text width in points, summing to the table's usable width. */
export function fitTable(table: Table, total: number, theme: Theme, measure: Measure): number[] {
  const size = styleOf(theme, 'td', undefined, true).size;
  const half = size / 2;
  // On the grid of half characters (onCharacterGrid), so that every width tried is too.
  const declared = onCharacterGrid(columnWidths(table.widths, total, theme).content, half);
  const columns = declared.length;
  // Limits are in the units of data-widths: the same share of the table's text width.
  const unit = declared.reduce((a, b) => a + b, 0) / table.widths.reduce((a, b) => a + b, 0);
  const limit = (weights: readonly number[] | undefined, factor: number) =>
    weights && weights.length === columns ? weights.map((w) => w * unit) : declared.map((w) => w * factor);
  const min = limit(table.minWidths, DEFAULT_SHRINK);
  const max = limit(table.maxWidths, DEFAULT_GROW);
  const gutter = 2 * theme.table.cellPadding.x + theme.table.ruleWidth;
  const cells = tableCells(table, columns, theme, measure);

  // A column never gets narrower than its longest unbreakable run (a figure, a number with its
  // counter): pdfmake would print it across the rule.
  for (const cell of cells) {
    if (cell.span !== 1) continue;
    for (const text of cell.texts) {
      for (const piece of text.pieces) {
        if (!piece.noWrap && !figureParts(piece.text)) continue;
        const width = text.indent + breakWidth(piece, text.style, measure);
        min[cell.col] = Math.max(min[cell.col]!, Math.min(width, declared[cell.col]!));
      }
    }
  }

  // Widths move in half characters from the declared ones: line breaks change only where a
  // width crosses a multiple of a half-width character, so this loses little, and each column
  // has few widths to try. Each cell is worked out once per width it is tried at.
  const lineBox = size * styleOf(theme, 'td', undefined, true).lineHeight;
  const lowest = declared.map((w, c) => Math.min(0, Math.ceil((min[c]! - w) / half - 1e-9)));
  const highest = declared.map((w, c) => Math.max(0, Math.floor((max[c]! - w) / half + 1e-9)));

  const fitCache = cells.map(() => new Map<number, CellFit>());
  const fitOf = (index: number, steps: readonly number[]): CellFit => {
    const cell = cells[index]!;
    let width = -gutter;
    let key = 0;
    for (let c = cell.col; c < cell.col + cell.span; c++) {
      width += declared[c]! + steps[c]! * half + gutter;
      key = key * 1000 + steps[c]! + 500;
    }
    let fit = fitCache[index]!.get(key);
    if (!fit) {
      let height = 0;
      let orphans = 0;
      let tight = 0;
      for (const text of cell.texts) {
        const room = width - text.indent;
        const lines = fillLines(text.prepared, room);
        height += text.space + lines.length * text.lineBox;
        if (lines.length > 1 && [...lines.at(-1)!.trim()].length === 1) orphans++;
        for (const line of lines) {
          const boundaries = asianLatinBoundaries(line);
          if (boundaries === 0) continue;
          const { font, size } = text.style;
          const extra = boundaries * LIBREOFFICE_ASIAN_LATIN_SPACE_EM * size;
          if (measure(line.trim(), font, text.bold) * size + extra > room) tight++;
        }
      }
      fit = { height, orphans, tight };
      fitCache[index]!.set(key, fit);
    }
    return fit;
  };
  const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
  const rowHeights = new Float64Array(rows);
  const spanning = cells.flatMap((cell, i) => (cell.rowSpan === 1 ? [] : [i]));
  type Counts = { orphans: number; tight: number };
  type Cost = Readonly<Counts> & { readonly height: number };
  /** Cell i's fit at `steps`, added to the counts and to its row's height in `heights`. */
  const addCell = (i: number, steps: readonly number[], counts: Counts, heights: Float64Array) => {
    const cell = cells[i]!;
    const fit = fitOf(i, steps);
    // A header that LibreOffice would break again counts as a stray character: it repeats on
    // every page of the table, so a line more there costs a line on each.
    counts.orphans += fit.orphans + (cell.header ? fit.tight : 0);
    counts.tight += cell.header ? 0 : fit.tight;
    if (cell.rowSpan === 1 && fit.height > heights[cell.row]!) heights[cell.row] = fit.height;
  };
  /** The table's height at `steps`, its rows' heights in rowHeights. */
  const tableHeight = (steps: readonly number[]) => {
    let height = 0;
    for (let r = 0; r < rows; r++) height += rowHeights[r]!;
    // A cell across rows makes them taller only by what it needs beyond their own heights.
    for (const i of spanning) {
      const cell = cells[i]!;
      let spanned = 0;
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) spanned += rowHeights[r]!;
      height += Math.max(0, fitOf(i, steps).height - spanned);
    }
    return height;
  };
  const cost = (steps: readonly number[]): Cost => {
    const counts = { orphans: 0, tight: 0 };
    rowHeights.fill(0);
    for (let i = 0; i < cells.length; i++) addCell(i, steps, counts, rowHeights);
    return { ...counts, height: tableHeight(steps) };
  };

  // cost() of the widths with half characters moved from one column to another, for each k
  // tried: the cells of neither column keep their fits, so they are taken once for the pair
  // (prepareMove) and each k works out only the others. The figures are cost()'s exactly: a row's
  // height is a maximum, the counts are integers, and heights are added in cost()'s order.
  const touches = (cell: (typeof cells)[number], column: number) => cell.col <= column && column < cell.col + cell.span;
  const keptHeights = new Float64Array(rows);
  const moved: number[] = [];
  let kept: Counts = { orphans: 0, tight: 0 };
  const prepareMove = (to: number, from: number) => {
    keptHeights.fill(0);
    moved.length = 0;
    kept = { orphans: 0, tight: 0 };
    for (let i = 0; i < cells.length; i++) {
      if (touches(cells[i]!, to) || touches(cells[i]!, from)) moved.push(i);
      else addCell(i, steps, kept, keptHeights);
    }
  };
  const movedCost = (): Cost => {
    const counts = { ...kept };
    rowHeights.set(keptHeights);
    for (const i of moved) addCell(i, steps, counts, rowHeights);
    return { ...counts, height: tableHeight(steps) };
  };

  // Two passes of the same search: first for the shortest table, a stray character counted as
  // half a line (so that width can flow to where it saves lines even through widths that strand
  // one), then with no stray character above all, from there. Each round tries moving any number
  // of half characters from one column to another and makes the best move. Of two tables alike in
  // both, the one with fewer lines that LibreOffice would break again (asian-latin-space.ts).
  const shorter = (a: Cost, b: Cost) =>
    a.height + (a.orphans * lineBox) / 2 < b.height + (b.orphans * lineBox) / 2 - 0.01;
  const cleaner = (a: Cost, b: Cost) =>
    a.orphans < b.orphans ||
    (a.orphans === b.orphans && a.height < b.height - 0.01) ||
    (a.orphans === b.orphans && Math.abs(a.height - b.height) <= 0.01 && a.tight < b.tight);
  const steps = declared.map(() => 0);
  let current = cost(steps);
  for (const better of [shorter, cleaner]) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let best: { to: number; from: number; k: number; cost: Cost } | undefined;
      for (let to = 0; to < columns; to++) {
        for (let from = 0; from < columns; from++) {
          if (from === to) continue;
          const most = Math.min(highest[to]! - steps[to]!, steps[from]! - lowest[from]!);
          if (most < 1) continue;
          prepareMove(to, from);
          for (let k = 1; k <= most; k++) {
            steps[to]! += k;
            steps[from]! -= k;
            const candidate = movedCost();
            steps[to]! -= k;
            steps[from]! += k;
            if (better(candidate, best?.cost ?? current)) best = { to, from, k, cost: candidate };
          }
        }
      }
      if (!best) break;
      steps[best.to]! += best.k;
      steps[best.from]! -= best.k;
      current = best.cost;
    }
  }
  return declared.map((w, c) => w + steps[c]! * half);
}

/**
 * How far past a whole number of half characters a column's text width is set. Word and
 * LibreOffice round widths to twentieths of a point and measure a little differently: a line
 * that fills a PDF column to within a hair may not fit theirs, and a hair more room lets theirs
 * take a character the PDF's does not. A third of a point clear of both, the formats break lines
 * alike.
 */
export const GRID_CLEARANCE = 0.3;

/**
 * The widths snapped down to a whole number of half characters plus the clearance, but for the
 * widest column, which takes what the others gave up (the table keeps its width).
 */
export function onCharacterGrid(widths: readonly number[], half: number): number[] {
  const widest = widths.indexOf(Math.max(...widths));
  const snapped = widths.map((w, c) =>
    c === widest || w < half + GRID_CLEARANCE
      ? w
      : Math.floor((w - GRID_CLEARANCE) / half + 1e-9) * half + GRID_CLEARANCE,
  );
  snapped[widest]! += widths.reduce((a, b) => a + b, 0) - snapped.reduce((a, b) => a + b, 0);
  return snapped;
}

const breakWidth = (piece: Piece, style: TextStyle, measure: Measure) =>
  measure(piece.text, style.font, piece.bold) * style.size + piece.spacing * (piece.text.length - 1);

/** The cells of a table on its grid, each with its paragraphs as the PDF backend sets them. */
function tableCells(table: Table, columns: number, theme: Theme, measure: Measure): FitCell[] {
  const grid = toGrid([...table.head, ...table.body], columns);
  const cells: FitCell[] = [];
  grid.forEach((row, r) =>
    row.forEach((slot, c) => {
      if (slot.kind !== 'cell' || slot.cell.content.length === 0) return;
      cells.push({
        col: c,
        span: Math.min(slot.cell.colSpan, columns - c),
        row: r,
        rowSpan: Math.min(slot.cell.rowSpan, grid.length - r),
        header: slot.cell.header,
        texts: cellTexts(slot.cell, theme, measure),
      });
    }),
  );
  return cells;
}

function cellTexts(cell: TableCell, theme: Theme, measure: Measure): CellText[] {
  const cellStyle = styleOf(theme, cell.header ? 'th' : 'td', cell.style, true);
  return cell.content.flatMap((block) =>
    block.type === 'paragraph' && !block.style
      ? [paragraphText(block.content, cellStyle, labelIndent(block, cellStyle, measure), measure)]
      : blockTexts(block, theme, measure),
  );
}

function blockTexts(block: Block, theme: Theme, measure: Measure): CellText[] {
  switch (block.type) {
    case 'paragraph': {
      const style = styleOf(theme, 'p', block.style, true);
      return [paragraphText(block.content, style, labelIndent(block, style, measure), measure)];
    }
    case 'heading':
      return [paragraphText(block.content, styleOf(theme, `h${block.level}`, block.style), 0, measure)];
    case 'list': {
      const style = styleOf(theme, 'ul', block.style, true);
      return block.items.map((item) => paragraphText(item, style, style.size, measure));
    }
    case 'group':
      return block.blocks.flatMap((b) => blockTexts(b, theme, measure));
    case 'table':
    case 'toc':
    case 'image':
      return [];
  }
}

function paragraphText(content: readonly Inline[], style: BlockStyle, indent: number, measure: Measure): CellText {
  const pieces = pdfPieces(content, style);
  const textStyle = { font: style.font, size: style.size };
  return {
    pieces,
    prepared: prepareText(pieces, textStyle, measure),
    style: textStyle,
    indent,
    bold: style.bold,
    lineBox: style.size * style.lineHeight,
    space: style.spaceBefore + style.spaceAfter,
  };
}

/** The runs the PDF backend makes of a paragraph (backends/pdf/to-pdfmake.ts `toInlines`). */
function pdfPieces(content: readonly Inline[], style: BlockStyle): Piece[] {
  return content.flatMap((inline): Piece[] => {
    if (inline.type === 'break') return [{ text: '\n', noWrap: false, bold: style.bold, spacing: 0 }];
    const bold = style.bold || inline.bold === true;
    const noWrap = inline.noWrap === true;
    return tightRuns(inline.text).map((piece) => ({
      text: piece.text,
      noWrap: noWrap || piece.keepWhole,
      bold,
      spacing: piece.spacingEm * style.size,
    }));
  });
}

const labelIndent = (paragraph: Paragraph, style: BlockStyle, measure: Measure) =>
  paragraph.label === undefined ? 0 : labelWidth(paragraph.label, style, measure);
