// toGrid, rowGroups and columnCount: how an HTML-style table (covered cells omitted) lies on a
// full grid, which rows belong together, and how many columns the rows really take.
import { describe, expect, it } from 'vitest';
import { columnCount, rowGroups, toGrid, type GridSlot } from './table-grid.ts';
import type { TableCell, TableRow } from './types.ts';

const cell = (text: string, span: { rowSpan?: number; colSpan?: number } = {}, header = false): TableCell => ({
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  rowSpan: span.rowSpan ?? 1,
  colSpan: span.colSpan ?? 1,
  header,
});
const row = (...cells: TableCell[]): TableRow => ({ cells });
const at = (c: TableCell): GridSlot => ({ kind: 'cell', cell: c });
const covered = (by: TableCell, r: number, c: number): GridSlot => ({ kind: 'covered', by, row: r, col: c });
const EMPTY: TableCell = { content: [], rowSpan: 1, colSpan: 1, header: false };

describe('toGrid', () => {
  it('places a rowspan and a colspan cell and marks every slot they cover with the cell and its origin', () => {
    const a = cell('A', { rowSpan: 2 });
    const b = cell('B', { colSpan: 2 });
    const c = cell('C');
    const d = cell('D');
    const grid = toGrid([row(a, b), row(c, d)], 3);
    expect(grid).toEqual([
      [at(a), at(b), covered(b, 0, 1)],
      [covered(a, 0, 0), at(c), at(d)],
    ]);
    // The markers hold the very cell that covers them, not a copy.
    expect(grid[0]![2]!.kind === 'covered' && grid[0]![2]!.by).toBe(b);
    expect(grid[1]![0]!.kind === 'covered' && grid[1]![0]!.by).toBe(a);
    expect(grid[1]![1]!.kind === 'cell' && grid[1]![1]!.cell).toBe(c);
  });

  it('places a cell spanning rows and columns, and later rows flow around it', () => {
    const big = cell('big', { rowSpan: 2, colSpan: 2 });
    const x = cell('x');
    const y = cell('y');
    const z = cell('z');
    const w = cell('w');
    expect(toGrid([row(x, big, y), row(z, w)], 4)).toEqual([
      [at(x), at(big), covered(big, 0, 1), at(y)],
      [at(z), covered(big, 0, 1), covered(big, 0, 1), at(w)],
    ]);
  });

  it('ignores cells beyond the column count', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((t) => cell(t)) as [TableCell, TableCell, TableCell, TableCell];
    expect(toGrid([row(a, b, c, d)], 3)).toEqual([[at(a), at(b), at(c)]]);
  });

  it('clips a colspan at the last column and a rowspan at the last row', () => {
    const wide = cell('wide', { colSpan: 5 });
    const tall = cell('tall', { rowSpan: 9 });
    const grid = toGrid([row(tall, wide), row()], 3);
    expect(grid).toEqual([
      [at(tall), at(wide), covered(wide, 0, 1)],
      [covered(tall, 0, 0), at(EMPTY), at(EMPTY)],
    ]);
  });

  it('pads a short row with empty cells', () => {
    const a = cell('a');
    expect(toGrid([row(a)], 3)).toEqual([[at(a), at(EMPTY), at(EMPTY)]]);
    expect(toGrid([row()], 2)).toEqual([[at(EMPTY), at(EMPTY)]]);
  });
});

describe('rowGroups', () => {
  it('starts a group of k rows at a first cell spanning k rows, and makes every other row its own group', () => {
    const rows = [
      row(cell('取組1', { rowSpan: 2 }), cell('事業1')),
      row(cell('事業2')),
      row(cell('取組2'), cell('事業3')),
      row(cell('取組3', { rowSpan: 3 }), cell('事業4')),
      row(cell('事業5')),
      row(cell('事業6')),
    ];
    expect(rowGroups(toGrid(rows, 2))).toEqual([
      { start: 0, size: 2 },
      { start: 2, size: 1 },
      { start: 3, size: 3 },
    ]);
  });

  it('ignores a spanning cell in another column: only the first column starts a group', () => {
    const rows = [row(cell('a'), cell('b', { rowSpan: 2 })), row(cell('c'))];
    expect(rowGroups(toGrid(rows, 2))).toEqual([
      { start: 0, size: 1 },
      { start: 1, size: 1 },
    ]);
  });

  it('clips a rowspan larger than the rows that remain', () => {
    // Slots built by hand: toGrid would already clip the covering, the span itself stays 4.
    const a = cell('a');
    const tall = cell('tall', { rowSpan: 4 });
    const grid: GridSlot[][] = [[at(a)], [at(tall)], [covered(tall, 1, 0)]];
    expect(rowGroups(grid)).toEqual([
      { start: 0, size: 1 },
      { start: 1, size: 2 },
    ]);
  });

  it('makes a row that starts with a covered slot a group of one', () => {
    const tall = cell('tall', { rowSpan: 3 });
    const grid: GridSlot[][] = [[covered(tall, 0, 0)], [covered(tall, 0, 0)]];
    expect(rowGroups(grid)).toEqual([
      { start: 0, size: 1 },
      { start: 1, size: 1 },
    ]);
  });

  it('returns no groups for no rows', () => {
    expect(rowGroups([])).toEqual([]);
  });
});

describe('columnCount', () => {
  it('counts the widest plain row', () => {
    expect(columnCount([row(cell('a'), cell('b')), row(cell('c'), cell('d'), cell('e')), row(cell('f'))])).toBe(3);
  });

  it('counts a colspan as that many columns', () => {
    expect(columnCount([row(cell('a', { colSpan: 3 }), cell('b'))])).toBe(4);
  });

  it('counts the columns a rowspan from above takes in later rows', () => {
    // Row 2 has two cells but starts after the spanning cell: three columns.
    expect(columnCount([row(cell('a', { rowSpan: 2 }), cell('b')), row(cell('c'), cell('d'))])).toBe(3);
    // A spanning cell at the right reaching into a row that has fewer cells.
    expect(columnCount([row(cell('a'), cell('b'), cell('c', { rowSpan: 2 })), row(cell('d'))])).toBe(3);
    // Rows with no cells of their own, wholly covered from above.
    expect(columnCount([row(cell('a', { rowSpan: 3 }), cell('b', { rowSpan: 3 })), row(), row()])).toBe(2);
  });

  it('counts no columns for no rows', () => {
    expect(columnCount([])).toBe(0);
  });

  it.each([3, 4, 5])('gives N + 2 columns for the 主な取組内容 header with N = %i years', (years) => {
    const head = [
      row(
        cell('取組名称', { rowSpan: 2 }, true),
        cell(`向こう${years}か年事業計画`, { colSpan: years }, true),
        cell('事業', { rowSpan: 2 }, true),
      ),
      row(...Array.from({ length: years }, (_, i) => cell(`${2026 + i}`, {}, true))),
    ];
    expect(columnCount(head)).toBe(years + 2);
    // And the grid puts the year cells under the colspan, between the two spanning cells.
    const grid = toGrid(head, years + 2);
    expect(grid[1]![0]).toEqual(covered(head[0]!.cells[0]!, 0, 0));
    expect(grid[1]![years + 1]).toEqual(covered(head[0]!.cells[2]!, 0, years + 1));
    expect(grid[1]!.slice(1, years + 1)).toEqual(head[1]!.cells.map(at));
  });
});
