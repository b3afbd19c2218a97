// The one column-width function: a table's relative widths (data-widths) over its real column
// count → points. Every backend and the height estimate use it, so they agree on where text wraps.
import type { Theme } from '../theme/theme.ts';

export interface ColumnWidths {
  /**
   * Each column's full width, padding and its left rule included, as the PDF draws it: what Word
   * is given, so that Word's text width is the PDF's and lines break alike.
   */
  readonly outer: readonly number[];
  /** Each column's text width, padding and rules taken off: what pdfmake is given and text wraps in. */
  readonly content: readonly number[];
}

export function columnWidths(weights: readonly number[], total: number, theme: Theme): ColumnWidths {
  const sum = weights.reduce((a, b) => a + b, 0);
  const { cellPadding, ruleWidth } = theme.table;
  const usable = total - weights.length * 2 * cellPadding.x - (weights.length + 1) * ruleWidth;
  const content = weights.map((w) => (usable * w) / sum);
  return { outer: content.map((w) => w + 2 * cellPadding.x + ruleWidth), content };
}

/** Used when the theme does not say: three characters of table text (9 pt). */
const DEFAULT_MIN_COLUMN_WIDTH = 27;

/**
 * Why a table of these relative widths cannot be printed across `total` points, or undefined
 * when it can: its narrowest column would hold fewer than `theme.table.minColumnWidth` points
 * of text (a period with too many years, or a width list out of proportion).
 */
export function tableWidthProblem(weights: readonly number[], total: number, theme: Theme): string | undefined {
  const min = theme.table.minColumnWidth ?? DEFAULT_MIN_COLUMN_WIDTH;
  const { content } = columnWidths(weights, total, theme);
  const narrowest = content.reduce((best, w, i) => (w < content[best]! ? i : best), 0);
  const width = content[narrowest]!;
  if (width >= min) return undefined;
  return `${content.length}列のうち${narrowest + 1}列目の文字の幅が${width.toFixed(1)}ptしかなく、用紙の幅に収まりません（最低${min}pt。theme.yaml の table.minColumnWidth）。年度の列が多すぎないか、data-widths の比を見直してください`;
}
