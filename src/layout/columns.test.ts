// columnWidths: a table's relative widths over a total width → each column's outer width (Word)
// and text width (pdfmake, and where the height estimate wraps text).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTheme } from '../theme/parse-theme.ts';
import { columnWidths } from './columns.ts';

const theme = parseTheme(
  'templates/theme.yaml',
  readFileSync(path.join(import.meta.dirname, '../../templates/theme.yaml')),
).value!;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  it('uses the theme the expectations below are computed from', () => {
    expect(theme.table).toEqual({ cellPadding: { x: 4, y: 3 }, ruleWidth: 0.6, minColumnWidth: 27 });
  });

  it('gives outer widths in proportion to the weights, summing to the total', () => {
    const { outer } = columnWidths([1, 2, 1], 400, theme);
    expect(outer).toEqual([100, 200, 100]);
    expect(sum(outer)).toBe(400);
  });

  it('gives text widths summing to the total less each column’s padding and every rule', () => {
    // Five columns: 5 × 2 × 4 pt of padding and 6 rules of 0.6 pt.
    const { content } = columnWidths([3, 2, 2, 2, 2], 505.28, theme);
    const usable = 505.28 - 40 - 3.6;
    expect(sum(content)).toBeCloseTo(usable, 10);
    expect(content[0]).toBeCloseTo((usable * 3) / 11, 10);
    expect(content[1]).toBeCloseTo((usable * 2) / 11, 10);
  });

  it('keeps the weights’ proportions in both outer and text widths', () => {
    const weights = [17, 22, 22, 22, 17];
    const { outer, content } = columnWidths(weights, 505.28, theme);
    for (let i = 1; i < weights.length; i++) {
      expect(outer[i]! / outer[0]!).toBeCloseTo(weights[i]! / weights[0]!, 10);
      expect(content[i]! / content[0]!).toBeCloseTo(weights[i]! / weights[0]!, 10);
    }
    expect(sum(outer)).toBeCloseTo(505.28, 10);
  });

  it('gives one column the whole width, less its padding and its two rules', () => {
    expect(columnWidths([7], 100, theme)).toEqual({ outer: [100], content: [100 - 8 - 1.2] });
  });
});
