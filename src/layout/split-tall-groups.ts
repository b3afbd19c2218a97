// A row group (a 取組 with its 事業 rows) that would not fit on one page is cut, at list-item
// boundaries, into page-sized groups; each continuation repeats the 取組名称 with （続き）.
// pdfmake drops a row taller than a page when rows may not break (pdfmake #1159), and tears
// a rowSpan group at a page break, so the cutting is done here, before layout.
import { inlineText } from '../ir/queries.ts';
import type { GridSlot } from '../ir/table-grid.ts';
import type { Block, Inline, List, TableCell } from '../ir/types.ts';
import type { Theme } from '../theme/theme.ts';
import { estimateBlockHeight, estimateCellHeight, estimateRowHeight } from './estimate-height.ts';

type Row = GridSlot[];

/** Rows of one group → one or more groups, each estimated no taller than `budget` points. */
export function splitTallGroup(theme: Theme, rows: readonly Row[], widths: readonly number[], budget: number): Row[][] {
  const rowHeight = (row: Row) => estimateRowHeight(theme, row, widths);
  const nameCell = rows[0]![0]!;
  const nameHeight = nameCell.kind === 'cell' ? estimateCellHeight(theme, nameCell.cell, widths[0]!) : 0;
  const total = rows.reduce((h, r) => h + rowHeight(r), 0);
  if (Math.max(total, nameHeight) <= budget) return [rows.map((r) => [...r])];

  // Cut every row into pieces that fit, then pack the pieces into groups.
  const pieces = rows.flatMap((row) => cutRow(theme, row, widths, budget));
  const groups: Row[][] = [];
  let current: Row[] = [];
  let height = 0;
  for (const piece of pieces) {
    const h = rowHeight(piece);
    if (current.length > 0 && height + h > budget) {
      groups.push(current);
      current = [];
      height = 0;
    }
    current.push(piece);
    height += h;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, g) =>
    fitSpans(
      g === 0
        ? withName(group, nameCell)
        : continueSpans(withName(group, nameCell, theme.words.continued), theme.words.continued),
    ),
  );
}

/**
 * A cell of another column that spans rows (a 施策 over its 取組 in the 施策体系) spans, in
 * each part, exactly the rows it covers there: cutting rows into pieces adds rows under it,
 * and a cut inside its span ends it early (pdfmake fails on a span past a table's last row).
 */
function fitSpans(group: Row[]): Row[] {
  const rows = group.map((row) => [...row]);
  for (let c = 1; c < (rows[0]?.length ?? 0); c++) {
    for (let r = 0; r < rows.length; r++) {
      const slot = rows[r]![c]!;
      if (slot.kind !== 'cell' || slot.cell.rowSpan <= 1) continue;
      let count = 1;
      while (r + count < rows.length && coveredBy(rows[r + count]![c]!, slot.cell)) count++;
      if (count !== slot.cell.rowSpan) rows[r]![c] = { kind: 'cell', cell: { ...slot.cell, rowSpan: count } };
    }
  }
  return rows;
}

const coveredBy = (slot: GridSlot, cell: TableCell): boolean => slot.kind === 'covered' && slot.by === cell;

/**
 * In a continuation, a cell of another column that spans rows from the previous part (a 施策
 * over its 取組 in the 施策体系) is repeated at the top, with （続き）, over the rows it covers here.
 */
function continueSpans(group: Row[], continued: string): Row[] {
  const rows = group.map((row) => [...row]);
  for (let c = 1; c < (rows[0]?.length ?? 0); c++) {
    const top = rows[0]![c]!;
    if (top.kind !== 'covered') continue;
    let count = 0;
    while (
      count < rows.length &&
      rows[count]![c]!.kind === 'covered' &&
      (rows[count]![c] as { by: TableCell }).by === top.by
    )
      count++;
    const cell: TableCell = { ...top.by, rowSpan: count, content: appendText(top.by.content, continued) };
    rows[0]![c] = { kind: 'cell', cell };
    for (let r = 1; r < count; r++) rows[r]![c] = { kind: 'covered', by: cell, row: 0, col: c };
  }
  return rows;
}

/** The group's rows with its own first cell: the 取組名称, marked （続き） after the first. */
function withName(group: Row[], nameSlot: GridSlot, continued?: string): Row[] {
  const name = nameSlot.kind === 'cell' ? nameSlot.cell : nameSlot.by;
  const cell: TableCell = {
    ...name,
    rowSpan: group.length,
    content: continued ? appendText(name.content, continued) : name.content,
  };
  return group.map((row, r) => [
    r === 0 ? { kind: 'cell', cell } : { kind: 'covered', by: cell, row: 0, col: 0 },
    ...row.slice(1),
  ]);
}

function appendText(blocks: readonly Block[], text: string): Block[] {
  const last = blocks[blocks.length - 1];
  if (last?.type === 'paragraph')
    return [...blocks.slice(0, -1), { ...last, content: [...last.content, { type: 'text', text }] }];
  return [...blocks, { type: 'paragraph', content: [{ type: 'text', text }] }];
}

/** One row → rows whose cells each fit in `budget`, cutting lists between items (and long text by characters). */
function cutRow(theme: Theme, row: Row, widths: readonly number[], budget: number): Row[] {
  // A cell spanning rows is laid over all of them, so it is not cut (fitSpans sets its span).
  const parts = row.map((slot, c) =>
    slot.kind === 'cell' && c > 0 && slot.cell.rowSpan === 1 ? cutCell(theme, slot.cell, widths[c]!, budget) : [slot],
  );
  const count = Math.max(...parts.map((p) => p.length));
  return Array.from({ length: count }, (_, i) =>
    parts.map((p, c): GridSlot => {
      const piece = p[i];
      if (piece && 'kind' in piece) return piece;
      if (piece) return { kind: 'cell', cell: piece };
      // This column has run out. A span goes on over the extra pieces; another column gets an
      // empty cell (the first column is replaced by withName).
      const slot = row[c]!;
      if (c === 0) return slot;
      if (slot.kind === 'covered') return slot;
      if (slot.cell.rowSpan > 1) return { kind: 'covered', by: slot.cell, row: 0, col: c };
      return { kind: 'cell', cell: { content: [], rowSpan: 1, colSpan: 1, header: false } };
    }),
  );
}

function cutCell(theme: Theme, cell: TableCell, width: number, budget: number): TableCell[] {
  const room = budget - 2 * theme.table.cellPadding.y;
  const pieces: Block[][] = [[]];
  let height = 0;
  const push = (block: Block) => {
    const h = estimateBlockHeight(theme, block, width, true);
    if (height + h > room && pieces[pieces.length - 1]!.length > 0) {
      pieces.push([]);
      height = 0;
    }
    pieces[pieces.length - 1]!.push(block);
    height += h;
  };
  for (const block of cell.content) {
    if (block.type === 'list')
      for (const item of block.items)
        for (const part of cutText(theme, item, block, width, room)) push({ ...block, items: [part] });
    else push(block);
  }
  return pieces.map((content) => ({ ...cell, content: mergeLists(content) }));
}

/** An item taller than the room on its own is cut by characters. */
function cutText(
  theme: Theme,
  item: readonly Inline[],
  list: List,
  width: number,
  room: number,
): (readonly Inline[])[] {
  if (estimateBlockHeight(theme, { ...list, items: [item] }, width, true) <= room) return [item];
  const text = inlineText(item);
  const chars = [...text];
  const parts: Inline[][] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    while (
      end - start > 1 &&
      estimateBlockHeight(
        theme,
        { ...list, items: [[{ type: 'text', text: chars.slice(start, end).join('') }]] },
        width,
        true,
      ) > room
    ) {
      end = start + Math.floor((end - start) / 2);
    }
    parts.push([{ type: 'text', text: chars.slice(start, end).join('') }]);
    start = end;
  }
  return parts;
}

/** Consecutive one-item lists of the same kind back into one list. */
function mergeLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.type === 'list' && prev?.type === 'list' && prev.marker === b.marker && prev.style === b.style)
      out[out.length - 1] = { ...prev, items: [...prev.items, ...b.items] };
    else out.push(b);
  }
  return out;
}
