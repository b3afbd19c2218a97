// A paragraph's label (①, 1, 施策 12) and the full-width space after it: how wide it prints,
// which is where the paragraph's wrapped lines start (a hanging indent, in every format).
import { monospaceEm } from './monospace.ts';
import type { Measure } from './text-measure.ts';
import type { BlockStyle } from '../theme/theme.ts';

/** The label's width with its one full-width space, in points. */
export function labelWidth(
  label: string,
  style: Pick<BlockStyle, 'font' | 'bold' | 'size'>,
  measure?: Measure,
): number {
  const em = measure ? measure(label, style.font, style.bold) : monospaceEm(label);
  return (em + 1) * style.size;
}
