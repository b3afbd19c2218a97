// Column fitting and the line breaker it asks: lines as pdfmake breaks them, and widths moved
// between columns, within their limits, until no cell strands a single character.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Table, TableCell } from '../ir/types.ts';
import { parseTheme } from '../theme/parse-theme.ts';
import { columnWidths } from './columns.ts';
import { fitTable, GRID_CLEARANCE, onCharacterGrid } from './fit-columns.ts';
import { breakLines, type Piece } from './line-breaks.ts';
import type { Measure } from './text-measure.ts';

const theme = parseTheme(
  'templates/theme.yaml',
  readFileSync(path.join(import.meta.dirname, '../../templates/theme.yaml')),
).value!;

// BIZ UDゴシック's widths: a full-width character 1 em, ASCII ½ em.
const measure: Measure = (text) => [...text].reduce((em, ch) => em + (ch.charCodeAt(0) < 0x7f ? 0.5 : 1), 0);
const style = { font: 'gothic' as const, size: 10 };
const plain = (text: string, noWrap = false): Piece => ({ text, noWrap, bold: false, spacing: 0 });

describe('breakLines', () => {
  it('fills each line with as many characters as fit', () => {
    expect(breakLines([plain('あいうえおかきくけこさしす')], 50, style, measure)).toEqual([
      'あいうえお',
      'かきくけこ',
      'さしす',
    ]);
  });

  it('never starts a line with 。 or a small kana, nor ends one with （ (UAX #14)', () => {
    expect(breakLines([plain('あいうえお。かきくけ')], 50, style, measure)).toEqual(['あいうえ', 'お。かきく', 'け']);
    expect(breakLines([plain('あいうえ（かきくけ）')], 50, style, measure)).toEqual(['あいうえ', '（かきく', 'け）']);
  });

  it('keeps a number with its counter, and glues runs that one word spans', () => {
    expect(breakLines([plain('あいう'), plain('2024年度', true)], 50, style, measure)).toEqual(['あいう', '2024年度']);
  });

  it('cuts a word wider than the line (a URL) where it fills the line, so it never overflows', () => {
    const lines = breakLines([plain('https://www.town.tone.ibaraki.jp/page/dir000123.html')], 60, style, measure);
    expect(lines.join('')).toBe('https://www.town.tone.ibaraki.jp/page/dir000123.html');
    for (const line of lines) expect(measure(line, 'gothic', false) * style.size).toBeLessThanOrEqual(60);
  });

  it('breaks at a line break', () => {
    expect(breakLines([plain('あい'), plain('\n'), plain('う')], 50, style, measure)).toEqual(['あい', 'う']);
  });
});

const paragraph = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cell = (text: string): TableCell => ({ content: [paragraph(text)], rowSpan: 1, colSpan: 1, header: false });
const table = (widths: number[], rows: string[][], limits: Partial<Pick<Table, 'minWidths' | 'maxWidths'>> = {}) =>
  ({
    type: 'table',
    widths,
    head: [],
    body: rows.map((r) => ({ cells: r.map(cell) })),
    ...limits,
  }) as Table;

// theme.yaml: table text 9 pt; a page's text 515 pt wide less padding and rules.
const size = 9;
const linesIn = (text: string, width: number) => breakLines([plain(text)], width, { font: 'gothic', size }, measure);

describe('fitTable', () => {
  const total = 300;
  // Two columns' text width, declared in points: the first holds 8½ characters, so that its
  // 9-character name strands its last one.
  const usable = columnWidths([1, 1], total, theme).content.reduce((a, b) => a + b, 0);
  const stranded = table([8.5 * size, usable - 8.5 * size], [['人権教育の推進です', 'あ'.repeat(40)]]);
  const declared = columnWidths(stranded.widths, total, theme).content;

  it('widens a column whose last line would hold one character, taking the width from its neighbour', () => {
    expect(linesIn('人権教育の推進です', declared[0]!).at(-1)).toHaveLength(1);
    const fitted = fitTable(stranded, total, theme, measure);
    expect(linesIn('人権教育の推進です', fitted[0]!).every((line) => [...line].length > 1)).toBe(true);
    expect(fitted[0]! + fitted[1]!).toBeCloseTo(declared[0]! + declared[1]!, 6);
  });

  it('narrows it instead when the template caps its width (data-max-widths), pushing two characters down', () => {
    const [first] = stranded.widths as [number, number];
    const capped = fitTable({ ...stranded, maxWidths: [first, usable] }, total, theme, measure);
    expect(capped[0]).toBeLessThan(declared[0]!);
    expect(linesIn('人権教育の推進です', capped[0]!).at(-1)).toBe('です');
  });

  it('leaves the widths as declared (on the half-character grid) when the limits hold them, or when nothing would improve', () => {
    const [first, second] = stranded.widths as [number, number];
    const held = fitTable(
      { ...stranded, minWidths: [first, second], maxWidths: [first, second] },
      total,
      theme,
      measure,
    );
    expect(held).toEqual(onCharacterGrid(declared, size / 2));
    const short = table([1, 1], [['あ', 'い']]);
    expect(fitTable(short, total, theme, measure)).toEqual(
      onCharacterGrid(columnWidths(short.widths, total, theme).content, size / 2),
    );
  });

  it('fits a cell across two columns at their joint width, growing the one of them that may grow', () => {
    // The name spans the second and third columns, 8½ characters wide with the rule between
    // them, so it strands its last character; the second column may not grow (data-max-widths),
    // so the fix is width moved from the first column to the third.
    const gutter = 2 * theme.table.cellPadding.x + theme.table.ruleWidth;
    const width = columnWidths([1, 1, 1], total, theme).content.reduce((a, b) => a + b, 0);
    const [second, third] = [30, 8.5 * size - gutter - 30];
    const weights = [width - second - third, second, third];
    const across: Table = {
      type: 'table',
      widths: weights,
      head: [],
      body: [
        { cells: [cell('あ'), { ...cell('人権教育の推進です'), colSpan: 2 }] },
        { cells: [cell('い'), cell('う'), cell('え')] },
      ],
      maxWidths: [weights[0]! * 1.6, second, third * 1.6],
    };
    const joint = (widths: readonly number[]) => widths[1]! + widths[2]! + gutter;
    const declaredAcross = onCharacterGrid(columnWidths(weights, total, theme).content, size / 2);
    expect(linesIn('人権教育の推進です', joint(declaredAcross)).at(-1)).toHaveLength(1);
    const fitted = fitTable(across, total, theme, measure);
    expect(fitted[1]).toBeCloseTo(declaredAcross[1]!, 6);
    expect(fitted[2]).toBeGreaterThan(declaredAcross[2]!);
    expect(linesIn('人権教育の推進です', joint(fitted)).every((line) => [...line].length > 1)).toBe(true);
  });

  it('puts every column but the widest a third of a point past a whole number of half characters', () => {
    const widths = [70.1, 100.9, 200, 33.33];
    const snapped = onCharacterGrid(widths, 4.5);
    expect(snapped.reduce((a, b) => a + b, 0)).toBeCloseTo(
      widths.reduce((a, b) => a + b, 0),
      9,
    );
    snapped.forEach((w, c) => {
      if (c === 2) return; // the widest takes the rest
      expect(w).toBeLessThanOrEqual(widths[c]!);
      expect((w - GRID_CLEARANCE) / 4.5).toBeCloseTo(Math.round((w - GRID_CLEARANCE) / 4.5), 9);
    });
    expect(snapped.slice(0, 2)).toEqual([67.8, 99.3]);
  });

  it('widens a header that LibreOffice would break again (its space between 2024 and 年度) when the text beside it can spare the room', () => {
    const header = (text: string): TableCell => ({ ...cell(text), header: true });
    // 「2024年度」 is 4 em: it fits a 4-em column in the PDF, not with LibreOffice's 0.2 em after 2024.
    const years = {
      ...table([4 * size + 0.3, usable - 4 * size - 0.3], [['あ', 'い']]),
      head: [{ cells: [header('2024年度'), header('事業')] }],
    } as Table;
    const fitted = fitTable(years, total, theme, measure);
    expect(fitted[0]!).toBeGreaterThanOrEqual(4 * size + 0.2 * size);
    const unfitted = fitTable(
      { ...years, head: [{ cells: [header('令和六年'), header('事業')] }] },
      total,
      theme,
      measure,
    );
    expect(unfitted[0]!).toBeCloseTo(4 * size + 0.3, 6); // the same width with no Latin in it stays
  });

  it('gives the width a figure column does not use to the text beside it when that saves lines', () => {
    const rows = [
      ['地域活動の活性化と交流活動の充実', '11,824'],
      ['町民参画体制の充実と窓口サービスの充実', '132,937'],
    ];
    const summary = table([50, 50], rows);
    const fitted = fitTable(summary, total, theme, measure);
    const before = columnWidths(summary.widths, total, theme).content;
    const lines = (widths: readonly number[]) => rows.reduce((n, [text]) => n + linesIn(text!, widths[0]!).length, 0);
    expect(lines(fitted)).toBeLessThan(lines(before));
    // The figure column still holds its widest figure (7 characters, ½ em each, comma narrowed).
    expect(fitted[1]!).toBeGreaterThanOrEqual(measure('132,937', 'gothic', false) * size - size / 4);
  });
});
