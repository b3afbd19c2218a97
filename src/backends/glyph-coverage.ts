// Which characters the theme's fonts cannot print: the PDF would show a blank box (tofu) for
// them, and nothing else would notice. Checked on the data before anything is laid out.
import { create } from 'fontkit';
import { INVISIBLE } from '../data/text-rules.ts';
import type { GlyphCoverage } from '../data/validate.ts';
import type { Theme } from '../theme/theme.ts';
import type { FontFiles } from './fonts.ts';

/**
 * Characters no font is expected to draw: line breaks, tabs, and the invisible ones (zero-width
 * spaces, direction marks), which validation warns about on their own (data/characters.ts).
 */
const notDrawn = (char: string) => /[\n\r\t ]/.test(char) || INVISIBLE.test(char);

export function glyphCoverage(fonts: FontFiles, theme: Theme): GlyphCoverage {
  const faces = Object.values(fonts).flatMap((face) => [face.regular, ...(face.bold ? [face.bold] : [])]);
  const parsed = faces.map((bytes) => create(bytes));
  const known = new Map<number, boolean>();
  const printable = (codePoint: number) => {
    let ok = known.get(codePoint);
    if (ok === undefined) {
      ok = parsed.every((font) => font.hasGlyphForCodePoint(codePoint));
      known.set(codePoint, ok);
    }
    return ok;
  };
  return {
    fontNames: [...new Set(Object.values(theme.fonts).map((f) => f.name))].join('・'),
    missing: (text) => {
      const out: string[] = [];
      for (const char of text) {
        if (notDrawn(char)) continue;
        if (!printable(char.codePointAt(0)!) && !out.includes(char)) out.push(char);
      }
      return out;
    },
  };
}
