// The 施策 a page's running header names, cut with … so that it and the document's title beside
// it stay on one line (a long 施策 name beside an excerpt's 担当課 would wrap into the page's
// text). The PDF measures with its fonts; Word, which gets no fonts, with BIZ UD's fixed widths.
import type { BlockStyle } from '../theme/theme.ts';
import { monospaceEm } from './monospace.ts';
import type { Measure } from './text-measure.ts';

/** Between the 施策 and the document's title, in points. */
export const HEADER_GAP = 12;

/** `title` (and `suffix`, （続き）) beside `right` within `width` points, cut with … when too long. */
export function fitRunningTitle(
  title: string,
  suffix: string,
  right: string,
  style: Pick<BlockStyle, 'font' | 'bold' | 'size'>,
  width: number,
  measure?: Measure,
): string {
  const em = (text: string) => (measure ? measure(text, style.font, style.bold) : monospaceEm(text)) * style.size;
  const room = width - HEADER_GAP - em(right) - em(suffix);
  if (em(title) <= room) return title;
  const chars = [...title];
  let n = chars.length;
  while (n > 1 && em(`${chars.slice(0, n).join('')}…`) > room) n--;
  return `${chars.slice(0, n).join('')}…`;
}
