// estimateLines and estimateBlockHeight: how tall text and blocks print, counted in characters
// (BIZ UD Gothic is monospaced), without laying them out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../ir/types.ts';
import { parseTheme } from '../theme/parse-theme.ts';
import { estimateBlockHeight, estimateLines } from './estimate-height.ts';

const theme = parseTheme(
  'templates/theme.yaml',
  readFileSync(path.join(import.meta.dirname, '../../templates/theme.yaml')),
).value!;

const text = (t: string): Inline[] => [{ type: 'text', text: t }];
const paragraph = (t: string, style?: string): Block => ({
  type: 'paragraph',
  content: text(t),
  ...(style ? { style } : {}),
});
const heading = (level: 1 | 2 | 3 | 4, t: string, style?: string): Block => ({
  type: 'heading',
  level,
  content: text(t),
  toc: false,
  ...(style ? { style } : {}),
});
const list = (items: string[], style?: string): Block => ({
  type: 'list',
  marker: '・',
  items: items.map(text),
  ...(style ? { style } : {}),
});
const full = (n: number) => 'あ'.repeat(n);

// The styles the expectations are computed from, as the theme states them.
const base = theme.base;
const td = { ...theme.base, ...theme.styles.td };
const h2 = { ...theme.base, ...theme.styles.h2 };
const h3measure = { ...theme.base, ...theme.styles.h3, ...theme.styles['h3.measure'] };
const items = { ...theme.base, ...theme.styles['.items'] };
const note = { ...theme.base, ...theme.styles['.note'] };
const lineBox = (s: { size: number; lineHeight: number }) => s.size * s.lineHeight;

describe('estimateLines', () => {
  it('counts a full-width character as 1 em', () => {
    // 10 characters a line (100 pt at 10 pt).
    expect(estimateLines(full(9), 100, 10)).toBe(1);
    expect(estimateLines(full(19), 100, 10)).toBe(2);
    expect(estimateLines(full(28), 100, 10)).toBe(3);
  });

  it('counts an ASCII or half-width katakana character as ½ em', () => {
    // 21 em a line; 40 half-width characters are 20 em, 21 em with the allowance.
    expect(estimateLines('a'.repeat(40), 210, 10)).toBe(1);
    expect(estimateLines('ｱ'.repeat(40), 210, 10)).toBe(1);
    expect(estimateLines(full(10) + '1'.repeat(20), 210, 10)).toBe(1);
    expect(estimateLines('a'.repeat(42), 210, 10)).toBe(2);
    // The same 40 characters full-width take two lines.
    expect(estimateLines('Ａ'.repeat(40), 210, 10)).toBe(2);
  });

  it('starts a new line at each explicit line break', () => {
    expect(estimateLines('あ\nい', 100, 10)).toBe(2);
    expect(estimateLines('あ\n\nい', 100, 10)).toBe(3);
    expect(estimateLines('\n', 100, 10)).toBe(2);
    // A paragraph that wraps, then a short one.
    expect(estimateLines(full(15) + '\n' + full(3), 100, 10)).toBe(3);
  });

  it('adds 5 % for kinsoku, so a text exactly one line long counts two', () => {
    // 20 em at 20 em a line: 21 em with the allowance → 2 lines.
    expect(estimateLines(full(20), 200, 10)).toBe(2);
    // At 21 em a line the same text, allowance included, fills exactly one line.
    expect(estimateLines(full(20), 210, 10)).toBe(1);
    expect(estimateLines(full(21), 210, 10)).toBe(2);
  });

  it('counts an empty text as one line', () => {
    expect(estimateLines('', 100, 10)).toBe(1);
  });

  it('never estimates a longer text shorter, nor a narrower column fewer lines', () => {
    const chars = fc.string({ unit: fc.constantFrom('あ', 'a', 'ｱ', ' ', '\n', '𠮷', '。'), maxLength: 120 });
    const size = fc.constantFrom(8.5, 9, 10, 10.5, 12, 16);
    fc.assert(
      fc.property(chars, chars, fc.integer({ min: 1, max: 600 }), size, (a, b, width, s) => {
        expect(estimateLines(a + b, width, s)).toBeGreaterThanOrEqual(estimateLines(a, width, s));
      }),
    );
    fc.assert(
      fc.property(chars, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 300 }), size, (t, w, extra, s) => {
        expect(estimateLines(t, w, s)).toBeGreaterThanOrEqual(estimateLines(t, w + extra, s));
      }),
    );
  });
});

describe('estimateBlockHeight', () => {
  it('uses the theme the expectations below are computed from', () => {
    expect(base).toMatchObject({ size: 10, lineHeight: 1.45, spaceBefore: 0, spaceAfter: 4 });
    expect(td).toMatchObject({ size: 9, lineHeight: 1.35, spaceBefore: 0, spaceAfter: 0 });
    expect(h2).toMatchObject({ size: 13, lineHeight: 1.45, spaceBefore: 0, spaceAfter: 6 });
    expect(h3measure).toMatchObject({ size: 15, lineHeight: 1.45, spaceBefore: 0, spaceAfter: 6 });
    expect(items).toMatchObject({ size: 9, lineHeight: 1.35, spaceBefore: 0, spaceAfter: 0 });
    expect(note).toMatchObject({ size: 9, lineHeight: 1.45, spaceBefore: 4, spaceAfter: 2 });
    expect(theme.styles.ul).toBeUndefined();
  });

  it('gives a paragraph its space before and after and its lines at the body style', () => {
    // 30 characters at 20 a line: 2 lines.
    const expected = base.spaceBefore + base.spaceAfter + 2 * lineBox(base);
    expect(expected).toBeCloseTo(33, 10);
    expect(estimateBlockHeight(theme, paragraph(full(30)), 200, false)).toBeCloseTo(expected, 10);
  });

  it('gives a paragraph in a table the td style', () => {
    // 30 characters at 10 a line (90 pt at 9 pt): 4 lines.
    const expected = td.spaceBefore + td.spaceAfter + 4 * lineBox(td);
    expect(expected).toBeCloseTo(48.6, 10);
    expect(estimateBlockHeight(theme, paragraph(full(30)), 90, true)).toBeCloseTo(expected, 10);
  });

  it('lays a paragraph’s class over the body style, and over td in a table', () => {
    // 30 characters at 10 a line (90 pt at 9 pt): 4 lines, in both.
    const outside = note.spaceBefore + note.spaceAfter + 4 * lineBox(note);
    expect(outside).toBeCloseTo(58.2, 10);
    expect(estimateBlockHeight(theme, paragraph(full(30), 'note'), 90, false)).toBeCloseTo(outside, 10);
    // In a table the line height comes from td, the spacing from .note.
    const inside = note.spaceBefore + note.spaceAfter + 4 * lineBox(td);
    expect(inside).toBeCloseTo(54.6, 10);
    expect(estimateBlockHeight(theme, paragraph(full(30), 'note'), 90, true)).toBeCloseTo(inside, 10);
  });

  it('gives a heading its level’s style, and its tag.class style, in a table or not', () => {
    // h2: 10 characters at 10 a line (130 pt at 13 pt) → 2 lines.
    const expected = h2.spaceBefore + h2.spaceAfter + 2 * lineBox(h2);
    expect(expected).toBeCloseTo(43.7, 10);
    expect(estimateBlockHeight(theme, heading(2, full(10)), 130, false)).toBeCloseTo(expected, 10);
    expect(estimateBlockHeight(theme, heading(2, full(10)), 130, true)).toBeCloseTo(expected, 10);
    // h3.measure: 10 characters at 10 a line (150 pt at 15 pt) → 2 lines.
    const measure = h3measure.spaceBefore + h3measure.spaceAfter + 2 * lineBox(h3measure);
    expect(measure).toBeCloseTo(49.5, 10);
    expect(estimateBlockHeight(theme, heading(3, full(10), 'measure'), 150, false)).toBeCloseTo(measure, 10);
  });

  it('gives a list its space before, then each item its lines (one em less wide, for the marker) and space after', () => {
    // 110 pt less a 10 pt marker: 10 characters a line; items of 5 and 20 characters → 1 and 3 lines.
    const expected = base.spaceBefore + (base.spaceAfter + 1 * lineBox(base)) + (base.spaceAfter + 3 * lineBox(base));
    expect(expected).toBeCloseTo(66, 10);
    expect(estimateBlockHeight(theme, list([full(5), full(20)]), 110, false)).toBeCloseTo(expected, 10);
    // The .items class in a table: 99 pt less a 9 pt marker, 10 characters a line again.
    const inTable =
      items.spaceBefore + (items.spaceAfter + 1 * lineBox(items)) + (items.spaceAfter + 3 * lineBox(items));
    expect(inTable).toBeCloseTo(48.6, 10);
    expect(estimateBlockHeight(theme, list([full(5), full(20)], 'items'), 99, true)).toBeCloseTo(inTable, 10);
  });

  it('gives a list with no items its space before only', () => {
    expect(estimateBlockHeight(theme, list([], 'note'), 100, false)).toBe(note.spaceBefore);
  });

  it('gives a group the sum of its blocks, passing on whether it stands in a table', () => {
    const group: Block = { type: 'group', keepTogether: true, blocks: [heading(2, full(10)), paragraph(full(30))] };
    // At 200 pt: the heading takes 1 line (15 characters a line at 13 pt), the paragraph 2
    // lines outside a table (20 a line at 10 pt) and 2 inside (22 a line at 9 pt).
    const head = h2.spaceBefore + h2.spaceAfter + lineBox(h2);
    const outside = head + base.spaceBefore + base.spaceAfter + 2 * lineBox(base);
    const inside = head + td.spaceBefore + td.spaceAfter + 2 * lineBox(td);
    expect(outside).toBeCloseTo(57.85, 10);
    expect(inside).toBeCloseTo(49.15, 10);
    expect(estimateBlockHeight(theme, group, 200, false)).toBeCloseTo(outside, 10);
    expect(estimateBlockHeight(theme, group, 200, true)).toBeCloseTo(inside, 10);
    expect(estimateBlockHeight(theme, { type: 'group', keepTogether: false, blocks: [] }, 200, false)).toBe(0);
  });

  it('gives a table its rows, each its tallest cell with the cell padding, at the column’s text width', () => {
    const cell = (t: string, header = false) => ({ content: [paragraph(t)], rowSpan: 1, colSpan: 1, header });
    const table: Block = {
      type: 'table',
      widths: [1],
      head: [{ cells: [cell('あ', true)] }],
      body: [{ cells: [cell(full(20))] }],
    };
    // One column of 100 pt: 100 − 2 × 4 − 2 × 0.6 = 90.8 pt of text, 10.09 characters a line at
    // 9 pt; 20 characters → 3 lines. Every cell paragraph is estimated at the td style.
    const pad = 2 * theme.table.cellPadding.y;
    const expected = pad + 1 * lineBox(td) + (pad + 3 * lineBox(td));
    expect(expected).toBeCloseTo(60.6, 10);
    expect(estimateBlockHeight(theme, table, 100, false)).toBeCloseTo(expected, 10);
  });

  it('never estimates a paragraph or a list item with more text shorter', () => {
    const chars = fc.string({ unit: fc.constantFrom('あ', 'a', ' ', '\n'), maxLength: 120 });
    fc.assert(
      fc.property(chars, chars, fc.integer({ min: 20, max: 500 }), fc.boolean(), (a, b, width, inTable) => {
        expect(estimateBlockHeight(theme, paragraph(a + b), width, inTable)).toBeGreaterThanOrEqual(
          estimateBlockHeight(theme, paragraph(a), width, inTable),
        );
        expect(estimateBlockHeight(theme, list([a + b], 'items'), width, inTable)).toBeGreaterThanOrEqual(
          estimateBlockHeight(theme, list([a], 'items'), width, inTable),
        );
      }),
    );
  });
});
