// The one column-width function: a table's relative widths (data-widths) over its real column
// count → points. Every backend and the height estimate use it, so they agree on where text wraps.
import type { Theme } from '../theme/theme.ts';

export interface ColumnWidths {
  /** Each column's full width, padding included: what Word is given. */
  readonly outer: readonly number[];
  /** Each column's text width, padding and rules taken off: what pdfmake is given and text wraps in. */
  readonly content: readonly number[];
}

export function columnWidths(weights: readonly number[], total: number, theme: Theme): ColumnWidths {
  const sum = weights.reduce((a, b) => a + b, 0);
  const { cellPadding, ruleWidth } = theme.table;
  const usable = total - weights.length * 2 * cellPadding.x - (weights.length + 1) * ruleWidth;
  return {
    outer: weights.map((w) => (total * w) / sum),
    content: weights.map((w) => (usable * w) / sum),
  };
}
