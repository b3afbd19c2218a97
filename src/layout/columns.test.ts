// columnWidths: a table's relative widths over a total width → each column's text width
// (pdfmake, and where the height estimate wraps text) and outer width (Word: the same text
// width once Word takes its cell margins off).
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
    expect(theme.table).toEqual({ cellPadding: { x: 4, y: 3 }, ruleWidth: 0.625, minColumnWidth: 27 });
  });

  it('gives outer widths of each text width plus its padding and one rule, summing to the total less the last rule', () => {
    const { outer, content } = columnWidths([1, 2, 1], 400, theme);
    // Padding 2 × 4 pt and one rule of 0.625 pt per column.
    for (let i = 0; i < outer.length; i++) expect(outer[i]! - content[i]!).toBeCloseTo(8.625, 10);
    expect(sum(outer)).toBeCloseTo(400 - 0.625, 10);
  });

  it('gives text widths summing to the total less each column’s padding and every rule', () => {
    // Five columns: 5 × 2 × 4 pt of padding and 6 rules of 0.625 pt.
    const { content } = columnWidths([3, 2, 2, 2, 2], 505.28, theme);
    const usable = 505.28 - 40 - 3.75;
    expect(sum(content)).toBeCloseTo(usable, 10);
    expect(content[0]).toBeCloseTo((usable * 3) / 11, 10);
    expect(content[1]).toBeCloseTo((usable * 2) / 11, 10);
  });

  it('keeps the weights’ proportions in the text widths', () => {
    const weights = [17, 22, 22, 22, 17];
    const { content } = columnWidths(weights, 505.28, theme);
    for (let i = 1; i < weights.length; i++)
      expect(content[i]! / content[0]!).toBeCloseTo(weights[i]! / weights[0]!, 10);
  });

  it('gives one column the whole width, less its padding and its two rules', () => {
    const { outer, content } = columnWidths([7], 100, theme);
    expect(content).toEqual([100 - 8 - 1.25]);
    expect(outer[0]).toBeCloseTo(100 - 0.625, 10);
  });
});
