// An HTML-style table (covered cells omitted) laid on a full grid, as PDF and Word need it:
// every position holds either the cell that starts there or a marker of the cell covering it.
import type { TableCell, TableRow } from './types.ts';

export type GridSlot =
  | { readonly kind: 'cell'; readonly cell: TableCell }
  | { readonly kind: 'covered'; readonly by: TableCell; readonly row: number; readonly col: number };

export function toGrid(rows: readonly TableRow[], columns: number): GridSlot[][] {
  const grid: (GridSlot | undefined)[][] = rows.map(() => Array<GridSlot | undefined>(columns).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < columns && grid[r]![c]) c++;
      if (c >= columns) break; // extra cells: ignored rather than overflow the grid
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan && c + dc < columns; dc++) {
          grid[r + dr]![c + dc] =
            dr === 0 && dc === 0 ? { kind: 'cell', cell } : { kind: 'covered', by: cell, row: r, col: c };
        }
      }
      c += cell.colSpan;
    }
  });
  const empty: TableCell = { content: [], rowSpan: 1, colSpan: 1, header: false };
  return grid.map((row) => row.map((slot) => slot ?? { kind: 'cell', cell: empty }));
}

/**
 * Consecutive body rows that belong together: a row whose first cell spans k rows starts a
 * group of k rows (a 取組 with its 事業 rows); any other row is a group of its own.
 */
export function rowGroups(grid: readonly GridSlot[][]): { start: number; size: number }[] {
  const groups: { start: number; size: number }[] = [];
  let r = 0;
  while (r < grid.length) {
    const first = grid[r]![0];
    const size = first?.kind === 'cell' ? Math.max(1, Math.min(first.cell.rowSpan, grid.length - r)) : 1;
    groups.push({ start: r, size });
    r += size;
  }
  return groups;
}

/**
 * How many columns rows really take: the widest row, counting the cells that reach into it
 * from rows above (rowspan). Templates state relative widths; this says how many they must give.
 */
export function columnCount(rows: readonly TableRow[]): number {
  // covered[c]: rows still covered at column c by a cell from above.
  const covered: number[] = [];
  let widest = 0;
  for (const row of rows) {
    let c = 0;
    for (const cell of row.cells) {
      while ((covered[c] ?? 0) > 0) c++;
      for (let dc = 0; dc < cell.colSpan; dc++) covered[c + dc] = cell.rowSpan;
      c += cell.colSpan;
    }
    widest = Math.max(widest, c, covered.findLastIndex((n) => n > 0) + 1);
    for (let i = 0; i < covered.length; i++) if ((covered[i] ?? 0) > 0) covered[i]! -= 1;
  }
  return widest;
}
