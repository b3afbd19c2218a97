// The theme: how every document looks, in one value read by all three backends (page
// geometry, fonts, sizes, colours, spacing, the words printed by the engine). It lives in
// templates/theme.yaml, beside the templates it dresses; this zod schema is its only type.
import { z } from 'zod';

const points = z.number().min(0).max(2000);
const positive = z.number().gt(0).max(2000);
const color = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: '色は #1a1a1a のように # と16進数で書いてください' });
const share = z.number().gt(0).max(1);

/** A theme colour (#333 or #333333) as Office files write it: six hex digits, RRGGBB. */
export const officeColor = (color: string): string => {
  const hex = color.slice(1).toUpperCase();
  return hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
};

export const FONT_ROLES = ['gothic', 'mincho'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

const fontSchema = z.strictObject({
  /** The family name the font file declares (Word and HTML name it). */
  name: z.string().min(1),
  /** File names inside fonts/. */
  regular: z.string().min(1),
  /** Absent: bold text of this role is printed in the regular face. */
  bold: z.string().min(1).optional(),
  /** HTML only: families a reader's browser may use when the BIZ UD font is not installed. */
  fallbacks: z.array(z.string().min(1)),
  generic: z.enum(['sans-serif', 'serif']),
});

const blockStyleFields = {
  font: z.enum(FONT_ROLES),
  size: positive,
  bold: z.boolean(),
  align: z.enum(['left', 'center', 'right']),
  spaceBefore: points,
  spaceAfter: points,
  /** A multiple of the font size; BIZ UD fonts have a 1.0 em line box, so always above 1. */
  lineHeight: z.number().min(1).max(4),
  /**
   * In a table cell, a rule across the cell above the paragraph: the 事業's 担当課 and 区分
   * under its name are sub-cells of their own, so a wrapped name never runs into them.
   */
  ruleAbove: z.boolean().optional(),
};

export const blockStyleSchema = z.strictObject(blockStyleFields);
export type BlockStyle = z.infer<typeof blockStyleSchema>;

/** Style keys: `tag`, `.class` or `tag.class` (the most specific wins). */
const STYLE_KEY = /^(?:[a-z][a-z0-9]*|\.[a-z][a-z0-9-]*|[a-z][a-z0-9]*\.[a-z][a-z0-9-]*)$/;

export const themeSchema = z.strictObject({
  page: z.strictObject({
    /** In points: A4 is 595.28 × 841.89. */
    width: positive,
    height: positive,
    margin: z.strictObject({ top: points, right: points, bottom: points, left: points }),
    /** Distance of the running header and of the page number from the page edge. */
    headerY: points,
    footerY: points,
    /**
     * Printed on both sides: even pages mirror the margins (the binding side on the right), and
     * sections marked data-start="right" begin on an odd page. Set from plan.yaml's print or
     * `build --duplex` (theme/print-settings.ts).
     */
    duplex: z.boolean().optional(),
  }),
  fonts: z.strictObject({ gothic: fontSchema, mincho: fontSchema }),
  /**
   * A font for the characters the two fonts lack (𠮷, rare 異体字): used character by character,
   * only where needed. The PDF embeds it; Word and HTML name it.
   */
  fallbackFont: z
    .strictObject({
      /** The family name the font file declares. */
      name: z.string().min(1),
      /** File name inside fonts/ (TrueType or OpenType). */
      file: z.string().min(1),
    })
    .optional(),
  /**
   * Word only: the proportional face of the gothic's family (BIZ UDPゴシック), whose marks have no
   * blank of a fixed cell: an amount's thousands comma is set in it (with the comma's advance in em,
   * to scale it to the PDF's), and the first of two marks set tight (」（, ）」: JLReq's half-em
   * blank between them). The digits stay in the fixed face, so that they line up (BIZ UDPゴシック's
   * 1 is narrower than its other digits). Absent: the fixed face's comma, scaled; marks not tightened.
   */
  proportionalFace: z.strictObject({ name: z.string().min(1), commaEm: z.number().positive().max(1) }).optional(),
  colors: z.strictObject({
    /** Body text on screen (HTML). */
    text: color,
    /** Table rules in print (PDF, Word). */
    rule: color,
    /** Table rules on screen (HTML). */
    screenRule: color,
    /** Background of header cells, in every format. */
    headerFill: color,
    /** Links on screen (HTML). */
    link: color,
  }),
  table: z.strictObject({
    cellPadding: z.strictObject({ x: points, y: points }),
    ruleWidth: points,
    /**
     * The narrowest a column's text may be: a table with a narrower column (too many year
     * columns for the page) fails the build instead of printing cut or unreadable cells.
     */
    minColumnWidth: points.optional(),
  }),
  /**
   * Shares of a page's height below which a block is kept on one page. Heights are estimated
   * (not laid out), so each format keeps a margin for the estimate's error.
   */
  fit: z.strictObject({ pdf: share, docx: share }),
  base: blockStyleSchema,
  styles: z.record(
    z.string().regex(STYLE_KEY, { message: 'スタイル名は p、.unit、th.total のように書いてください' }),
    blockStyleSchema.partial(),
  ),
  /** Words the engine prints itself (templates reach them as {{@theme.words.…}}). */
  words: z.strictObject({
    /** After the name of a 取組 or 施策 carried onto the next page. */
    continued: z.string().min(1),
    /** Above every money table. */
    unit: z.string().min(1),
    /** Beside a year's entry that roll copied and nobody has confirmed (excerpts, build --draft). */
    carriedOver: z.string().min(1).default('※前年度からの写し（未確認）'),
    /** The watermark of a draft (build --draft). */
    draft: z.string().min(1).default('案'),
  }),
});

export type Theme = z.infer<typeof themeSchema>;

/** The file, inside the templates folder. */
export const THEME_FILE = 'theme.yaml';
