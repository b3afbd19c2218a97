// How each style name of the markup looks, in points: one table read by the PDF and Word
// backends, so both print alike. Keys are `tag.class`, `tag`, or `.class` (most specific wins).

export type FontRole = 'gothic' | 'mincho';

export interface BlockStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly bold: boolean;
  readonly align: 'left' | 'center' | 'right';
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Multiple of the font size; BIZ UD fonts have a 1.0 em line box, so always above 1. */
  readonly lineHeight: number;
}

export const PAGE = {
  /** A4 in points. */
  width: 595.28,
  height: 841.89,
  margin: { top: 62, right: 45, bottom: 50, left: 45 },
  /** Distance of the running header and the page number from the page edge. */
  headerY: 28,
  footerY: 26,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

const BASE: BlockStyle = {
  font: 'gothic',
  size: 10,
  bold: false,
  align: 'left',
  spaceBefore: 0,
  spaceAfter: 4,
  lineHeight: 1.45,
};

const STYLES: Readonly<Record<string, Partial<BlockStyle>>> = {
  p: {},
  h1: { size: 16, bold: true, spaceAfter: 10 },
  h2: { size: 13, bold: true, spaceAfter: 6 },
  h3: { size: 12, bold: true, spaceAfter: 6 },
  h4: { size: 11, bold: true, spaceBefore: 10, spaceAfter: 4 },
  '.policy': { size: 11, bold: true, spaceAfter: 2 },
  '.basic-measure': { size: 11, bold: true, spaceAfter: 8 },
  'h3.measure': { size: 15, bold: true, spaceAfter: 6 },
  '.mark': { size: 11, bold: true, spaceBefore: 12, spaceAfter: 4 },
  '.directions': { font: 'mincho', size: 10.5, spaceAfter: 2, lineHeight: 1.55 },
  '.cover-municipality': { size: 20, align: 'center', spaceBefore: 220, spaceAfter: 24 },
  '.cover-title': { size: 34, bold: true, align: 'center', spaceAfter: 18 },
  '.cover-period': { size: 16, align: 'center' },
  '.outline-policy': { size: 11, bold: true, spaceBefore: 4, spaceAfter: 6 },
  '.unit': { size: 9, align: 'right', spaceAfter: 2 },
  '.no-budget': { size: 10, spaceBefore: 4 },
  '.note': { size: 9, spaceBefore: 4, spaceAfter: 2 },
  'h2.diff-measure': { size: 13, bold: true, spaceBefore: 14, spaceAfter: 6 },
  '.excerpt-label': { size: 12, spaceBefore: 40, spaceAfter: 8 },
  '.excerpt-department': { size: 24, bold: true, spaceAfter: 12 },
  '.excerpt-period': { size: 11, spaceAfter: 16 },
  // Inside tables
  td: { size: 9, spaceAfter: 0, lineHeight: 1.35 },
  th: { size: 9, bold: true, align: 'center', spaceAfter: 0, lineHeight: 1.3 },
  '.items': { size: 9, spaceAfter: 0, lineHeight: 1.35 },
  '.project-name': { size: 9, spaceAfter: 1, lineHeight: 1.35 },
  '.department': { size: 9, spaceAfter: 1, lineHeight: 1.35 },
  '.status': { size: 9, spaceAfter: 0, lineHeight: 1.35 },
  '.toc-1': { size: 11, bold: true, spaceBefore: 6, spaceAfter: 2 },
  '.toc-2': { size: 10.5, spaceAfter: 2 },
  '.toc-3': { size: 10, spaceAfter: 2 },
  '.running-header': { size: 8.5, align: 'right', spaceAfter: 0 },
  '.page-number': { size: 9, align: 'center', spaceAfter: 0 },
};

/** The style of a block: the tag's defaults, then the class's, then `tag.class`. */
export function styleOf(tag: string, className?: string, inTable = false): BlockStyle {
  const base = inTable && tag === 'p' ? { ...BASE, ...STYLES.td } : BASE;
  return {
    ...base,
    ...STYLES[tag],
    ...(className ? STYLES[`.${className}`] : undefined),
    ...(className ? STYLES[`${tag}.${className}`] : undefined),
  };
}

/** Table cell padding (points): the PDF and Word tables use the same. */
export const CELL_PADDING = { x: 4, y: 3 } as const;
