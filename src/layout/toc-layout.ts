// The 目次's geometry, shared by the PDF (which draws it as rows of a borderless table) and the
// Word file (whose "toc N" styles set its entries alike, so that the two page alike).
import type { BlockStyle } from '../theme/theme.ts';
import type { Measure } from './text-measure.ts';
import { monospaceEm } from './monospace.ts';

/** How far each level of the 目次 is indented, in points. */
export const TOC_INDENT = 14;

/**
 * The page number's column: as wide as pdfmake's stand-in for a page number (00000) in the
 * largest 目次 style, so that no stand-in wraps. Without the fonts' widths, BIZ UD's.
 */
export const tocNumberWidth = (styles: readonly BlockStyle[], measure?: Measure): number =>
  Math.max(0, ...styles.map((s) => (measure ? measure('00000', s.font, s.bold) : monospaceEm('00000')) * s.size));
