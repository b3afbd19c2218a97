// splitTallGroup: a row group taller than a page cut, between list items (or, for one long
// item, by characters), into groups that fit, each continuation naming its 取組 with （続き）.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../ir/queries.ts';
import { toGrid, type GridSlot } from '../ir/table-grid.ts';
import type { Block, TableCell, TableRow } from '../ir/types.ts';
import { parseTheme } from '../theme/parse-theme.ts';
import { estimateRowsHeight } from './estimate-height.ts';
import { splitTallGroup } from './split-tall-groups.ts';

const theme = parseTheme(
  'templates/theme.yaml',
  readFileSync(path.join(import.meta.dirname, '../../templates/theme.yaml')),
).value!;
const CONTINUED = theme.words.continued;

const paragraph = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const itemList = (items: readonly string[]): Block => ({
  type: 'list',
  marker: '・',
  style: 'items',
  items: items.map((text) => [{ type: 'text', text }]),
});
const cell = (content: Block[], rowSpan = 1): TableCell => ({ content, rowSpan, colSpan: 1, header: false });
const row = (...cells: TableCell[]): TableRow => ({ cells });

// Three columns of 99 pt text width: an .items list (9 pt, 1.35) holds (99 − 9) / 9 = 10
// characters a line, one line 12.15 pt; a cell adds 2 × 3 pt of padding.
const WIDTHS = [99, 99, 99];
const LINE = 9 * 1.35;
const PAD = 2 * theme.table.cellPadding.y;
const labels = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** A 取組 over two 事業 rows: 12 items then 4 items, each on one line. */
function initiative() {
  const first = labels('項目A', 12);
  const second = labels('項目B', 4);
  const rows = [
    row(cell([paragraph('取組A')], 2), cell([itemList(first)]), cell([paragraph('事業1')])),
    row(cell([itemList(second)]), cell([paragraph('事業2')])),
  ];
  return { grid: toGrid(rows, 3), items: [...first, ...second] };
}

const cellAt = (slot: GridSlot | undefined): TableCell => {
  if (slot?.kind !== 'cell') throw new Error(`expected a cell, found ${JSON.stringify(slot)}`);
  return slot.cell;
};
const textOf = (c: TableCell) => c.content.map((b) => (b.type === 'paragraph' ? inlineText(b.content) : '')).join('|');
const itemsOf = (c: TableCell) =>
  c.content.flatMap((b) => (b.type === 'list' ? b.items.map((item) => inlineText(item)) : []));
/** Every list item of column `col`, part after part, row after row. */
const allItems = (parts: readonly GridSlot[][][], col: number) =>
  parts.flatMap((part) => part.flatMap((r) => (r[col]?.kind === 'cell' ? itemsOf(r[col].cell) : [])));

describe('splitTallGroup', () => {
  it('checks the sizes the fixtures are built on', () => {
    expect(theme.styles['.items']).toMatchObject({ size: 9, lineHeight: 1.35, spaceAfter: 0 });
    expect(PAD).toBe(6);
    expect(CONTINUED).toBe('（続き）');
    const { grid } = initiative();
    // 12 item lines, and 4: 6 + 145.8 and 6 + 48.6.
    expect(estimateRowsHeight(theme, grid, WIDTHS)).toBeCloseTo(PAD + 12 * LINE + PAD + 4 * LINE, 10);
  });

  it('returns a group that fits unchanged, as one group', () => {
    const { grid } = initiative();
    const parts = splitTallGroup(theme, grid, WIDTHS, 250);
    expect(parts).toEqual([grid]);
    parts[0]!.forEach((r, i) => r.forEach((slot, c) => expect(slot).toBe(grid[i]![c])));
  });

  it('cuts a tall group between list items into groups each estimated within the budget', () => {
    const { grid } = initiative();
    // Room for 10 item lines in a cell (130 − 6 = 124 pt): row 1's 12 items → 10 + 2; the 2
    // and row 2's 4 share the second group (6 + 24.3 + 6 + 48.6 = 84.9 pt).
    const parts = splitTallGroup(theme, grid, WIDTHS, 130);
    expect(parts.map((p) => p.length)).toEqual([1, 2]);
    expect(parts.map((p) => p.map((r) => itemsOf(cellAt(r[1])).length))).toEqual([[10], [2, 4]]);
    for (const part of parts) expect(estimateRowsHeight(theme, part, WIDTHS)).toBeLessThanOrEqual(130);
    expect(estimateRowsHeight(theme, parts[0]!, WIDTHS)).toBeCloseTo(PAD + 10 * LINE, 10);
    expect(estimateRowsHeight(theme, parts[1]!, WIDTHS)).toBeCloseTo(PAD + 2 * LINE + PAD + 4 * LINE, 10);
    // The 事業 cell stays with the first piece of its row; the cut-off piece has an empty one.
    expect(textOf(cellAt(parts[0]![0]![2]))).toBe('事業1');
    expect(cellAt(parts[1]![0]![2]).content).toEqual([]);
    expect(textOf(cellAt(parts[1]![1]![2]))).toBe('事業2');
  });

  it('names the 取組 in every part, with （続き） after the first, spanning exactly its part’s rows', () => {
    const { grid } = initiative();
    for (const budget of [130, 100, 60]) {
      const parts = splitTallGroup(theme, grid, WIDTHS, budget);
      expect(parts.length).toBeGreaterThan(1);
      parts.forEach((part, g) => {
        const name = cellAt(part[0]![0]);
        expect(textOf(name)).toBe(g === 0 ? '取組A' : `取組A${CONTINUED}`);
        expect(name.rowSpan).toBe(part.length);
        for (let r = 1; r < part.length; r++)
          expect(part[r]![0]).toEqual({ kind: 'covered', by: name, row: 0, col: 0 });
      });
    }
  });

  it('loses and duplicates no list item, and keeps their order', () => {
    const { grid, items } = initiative();
    for (const budget of [130, 100, 60, 30]) {
      const parts = splitTallGroup(theme, grid, WIDTHS, budget);
      expect(allItems(parts, 1)).toEqual(items);
      expect(parts.flatMap((p) => p.map((r) => textOf(cellAt(r[2])))).filter((t) => t !== '')).toEqual([
        '事業1',
        '事業2',
      ]);
    }
  });

  it('cuts by characters an item longer than the budget, keeping every character', () => {
    const long = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const grid = toGrid([row(cell([paragraph('取組B')]), cell([itemList(['短い項目', long, '最後の項目'])]))], 2);
    // 300 characters are 32 lines (388.8 pt); the room in a cell is 94 pt, 7 lines.
    const parts = splitTallGroup(theme, grid, [99, 99], 100);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const part of parts) expect(estimateRowsHeight(theme, part, [99, 99])).toBeLessThanOrEqual(100);
    const texts = allItems(parts, 1);
    expect(texts[0]).toBe('短い項目');
    expect(texts[texts.length - 1]).toBe('最後の項目');
    expect(texts.slice(1, -1).join('')).toBe(long);
    expect(texts.slice(1, -1).every((t) => t.length > 0)).toBe(true);
  });

  it('repeats with （続き） a cell of another column that spans rows from the previous part', () => {
    // 施策体系: 基本施策 over six 取組, 施策1 over the first four, 施策2 over the last two.
    // Each 取組 cell: 25 characters at 11 a line (99 pt at 9 pt) → 3 lines, 42.45 pt a row, so
    // two rows fit in 100 pt.
    const initiatives = ['い', 'う', 'え', 'お', 'か', 'き'].map((ch) => cell([paragraph(ch.repeat(25))]));
    const basic = cell([paragraph('基本施策')], 6);
    const measure1 = cell([paragraph('施策1')], 4);
    const measure2 = cell([paragraph('施策2')], 2);
    const [i1, i2, i3, i4, i5, i6] = initiatives as [TableCell, TableCell, TableCell, TableCell, TableCell, TableCell];
    const grid = toGrid([row(basic, measure1, i1), row(i2), row(i3), row(i4), row(measure2, i5), row(i6)], 3);
    const parts = splitTallGroup(theme, grid, WIDTHS, 100);
    expect(parts.map((p) => p.map((r) => textOf(cellAt(r[2]))))).toEqual([
      ['い'.repeat(25), 'う'.repeat(25)],
      ['え'.repeat(25), 'お'.repeat(25)],
      ['か'.repeat(25), 'き'.repeat(25)],
    ]);
    // Part 2 starts inside 施策1's span: 施策1 is repeated with （続き）, over part 2's two rows.
    const repeated = cellAt(parts[1]![0]![1]);
    expect(textOf(repeated)).toBe(`施策1${CONTINUED}`);
    expect(repeated.rowSpan).toBe(2);
    expect(parts[1]![1]![1]).toEqual({ kind: 'covered', by: repeated, row: 0, col: 1 });
    // Part 3 starts with 施策2 itself: left as it is.
    expect(textOf(cellAt(parts[2]![0]![1]))).toBe('施策2');
    expect(cellAt(parts[2]![0]![1]).rowSpan).toBe(2);
    // The first column is the group's name cell, continued in parts 2 and 3.
    expect(parts.map((p) => textOf(cellAt(p[0]![0])))).toEqual([
      '基本施策',
      `基本施策${CONTINUED}`,
      `基本施策${CONTINUED}`,
    ]);
  });
});

describe('splitTallGroup with spans in other columns (the 施策体系)', () => {
  /** Each cell that starts in a part spans rows of that part only. */
  const spansFit = (parts: readonly GridSlot[][][]) =>
    parts.every((part) =>
      part.every((r, i) => r.every((slot) => slot.kind !== 'cell' || i + slot.cell.rowSpan <= part.length)),
    );
  const text = (n: number, ch: string) => [paragraph(ch.repeat(n))];

  it('ends a span cut by a part at that part, and repeats it with （続き） in the next', () => {
    // 基本施策 over four rows, 施策1 over three of them, one very long 取組 first.
    const rows = [
      row(cell([paragraph('基本施策')], 4), cell([paragraph('施策1')], 3), cell(text(680, 'あ'))),
      row(cell(text(255, 'う'))),
      row(cell([paragraph('え')])),
      row(cell([paragraph('施策2')]), cell([paragraph('か')])),
    ];
    const parts = splitTallGroup(theme, toGrid(rows, 3), WIDTHS, 300);
    expect(parts.length).toBeGreaterThan(1);
    expect(spansFit(parts)).toBe(true);
    const measureCells = parts.flatMap((part) =>
      part.flatMap((r) => (r[1]?.kind === 'cell' ? [textOf(r[1].cell)] : [])),
    );
    expect(measureCells[0]).toBe('施策1');
    expect(measureCells).toContain(`施策1${CONTINUED}`);
    expect(measureCells[measureCells.length - 1]).toBe('施策2');
  });

  it('keeps a span over the extra rows a long cell beside it is cut into', () => {
    const rows = [
      row(cell([paragraph('取組')], 2), cell([paragraph('施策1')], 2), cell([itemList(labels('項目A', 2))])),
      row(cell([itemList(labels('項目B', 12))])),
    ];
    const parts = splitTallGroup(theme, toGrid(rows, 3), WIDTHS, 100);
    expect(spansFit(parts)).toBe(true);
    // Every row of every part shows 施策1 (as a cell or covered by one), never an empty cell.
    for (const part of parts) {
      const top = cellAt(part[0]![1]);
      expect(textOf(top)).toMatch(/^施策1/);
      expect(top.rowSpan).toBe(part.length);
    }
    expect(allItems(parts, 2)).toEqual([...labels('項目A', 2), ...labels('項目B', 12)]);
  });
});
