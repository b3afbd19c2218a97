// A paragraph's label (①, 1) or a heading's number (施策 12) and the full-width space after it: how wide it prints,
// which is where the paragraph's wrapped lines start (a hanging indent, in every format).
import { monospaceEm } from './monospace.ts';
import type { Measure } from './text-measure.ts';
import type { BlockStyle } from '../theme/theme.ts';
import type { Inline } from '../ir/types.ts';

/** The label's width with its one full-width space, in points. */
export function labelWidth(
  label: string,
  style: Pick<BlockStyle, 'font' | 'bold' | 'size'>,
  measure?: Measure,
): number {
  const em = measure ? measure(label, style.font, style.bold) : monospaceEm(label);
  return (em + 1) * style.size;
}

/** How far into a heading its number may reach (基本施策 12 is 7 characters). */
const HEADING_NUMBER_MAX = 12;

/**
 * The number a heading begins with, which hangs as a paragraph's label does: the text before
 * its first full-width space (基本方針 5, 施策 12), and the rest after that space. Undefined for a
 * heading without one (●施策の方向).
 */
export function headingLabel(content: readonly Inline[]): { label: string; rest: Inline[] } | undefined {
  // The number may come in runs of its own (施策 | 10, kept whole).
  let label = '';
  for (let i = 0; i < content.length; i++) {
    const inline = content[i]!;
    if (inline.type !== 'text') return undefined;
    const at = inline.text.indexOf('\u3000');
    if (at < 0) {
      label += inline.text;
    } else {
      label += inline.text.slice(0, at);
      if (label === '' || [...label].length > HEADING_NUMBER_MAX) return undefined;
      const after = inline.text.slice(at + 1);
      return { label, rest: [...(after ? [{ ...inline, text: after }] : []), ...content.slice(i + 1)] };
    }
    if ([...label].length > HEADING_NUMBER_MAX) return undefined;
  }
  return undefined;
}

/** Whether a heading takes more than one line of `width`: only then does its number hang. */
export const headingWraps = (
  text: string,
  style: Pick<BlockStyle, 'font' | 'bold' | 'size'>,
  width: number,
  measure?: Measure,
): boolean => (measure ? measure(text, style.font, style.bold) : monospaceEm(text)) * style.size > width;
