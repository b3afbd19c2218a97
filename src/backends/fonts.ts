// The font files of the theme's two roles (gothic, mincho), as loaded from fonts/: the PDF
// embeds them as subsets; Word and HTML name their families (theme.fonts.*.name).
import type { FontRole } from '../theme/theme.ts';

export interface FontFace {
  readonly regular: Buffer;
  /** Absent when the family has no bold face (BIZ UD Mincho): bold is then printed regular. */
  readonly bold?: Buffer;
  /** The theme's fallbackFont, for the characters this family lacks (the same file for every role). */
  readonly fallback?: Buffer;
}

export type FontFiles = Readonly<Record<FontRole, FontFace>>;
